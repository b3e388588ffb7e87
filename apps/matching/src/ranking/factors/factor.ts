import { type JobKind } from '@laowu/contracts';
import { type JobDocument } from '../../indexing/job.document';
import { type WorkerDocument } from '../../indexing/worker.document';
import { type RankingContext } from '../../outcomes/ranking-context';

export type Json = Record<string, unknown>;

/** Factor name → weight: the weights in effect for one ranking (ranking-weights.ts validates and versions them). */
export type FactorWeights = Readonly<Record<string, number>>;

/**
 * One term of the match score, `weight × value` with value in [0, 1] (the outcome rates' centred
 * value in [−½, ½], agency-outcomes.factor.ts), in every form the ranking
 * needs: the value and its reason for one pair (pair-score.ts), the search engine's function_score
 * functions giving the same value in each direction (ranking.queries.ts), and how it bounds the
 * scores of a worker's jobs (score-bound.ts). The factors are listed once, in factors.ts.
 * The weight is not the factor's own: it comes with each ranking (runtime weights, versioned in
 * PostgreSQL), so every form takes it; `defaultWeight` is the code default (weights version 0).
 */
export interface RankingFactor<Name extends string = string> {
  readonly name: Name;
  readonly defaultWeight: number;
  /** The pair's value and the reason's detail; undefined where the factor does not apply (no reason). */
  value(job: JobDocument, worker: WorkerDocument, now: Date, context: RankingContext): FactorValue | undefined;
  /** Functions scoring the jobs for one worker (score_mode sum: each adds weight × value). Called only with a weight > 0. */
  jobFunctions(worker: WorkerDocument, now: Date, weight: number, context: RankingContext): Json[];
  /** Functions scoring the workers for one job. Called only with a weight > 0. */
  workerFunctions(job: JobDocument, now: Date, weight: number, context: RankingContext): Json[];
  /** Its bound under these weights and outcomes (a bonus may stack with another factor's, east-west on cross-region). */
  bound(weights: FactorWeights, context: RankingContext): FactorBound;
  /**
   * For one job's workers (worker-score-bound.ts), when a filter cannot say who earns how much of
   * the worker functions (distance, age): which workers lose at most a given amount on it.
   */
  workerLoss?(job: JobDocument, weight: number): WorkerLossBound;
  /** For a factor without worker functions (the engine leaves it out, the reasons keep it): the most it adds for any worker of this job. */
  workerCeiling?(job: JobDocument, weight: number, context: RankingContext): number;
}

export interface WorkerLossBound {
  /** Filter of the workers losing at most `loss` on it; undefined when every worker does. */
  within(loss: number): Json | undefined;
}

interface FactorValue {
  value: number;
  detail: string;
}

/** How a factor bounds a worker's jobs' scores (score-bound.ts): on every job alike, or by classes of jobs. */
type FactorBound = { everyJob: VaryingBound } | { split: string; classes(worker: WorkerDocument): JobClass[] };

/** A factor that varies within a class: the most it adds, and which jobs lose at most `loss` on it. */
export interface VaryingBound {
  max(worker: WorkerDocument): number;
  /** Filter of the jobs that lose at most `loss` on it; undefined when no job loses more. */
  within(worker: WorkerDocument, loss: number, now: Date): Json | undefined;
}

/**
 * Jobs that may earn some bonuses: the most any of them scores, and the factors left to bound per
 * job. Classes overlap (the class without a bonus is every job): a job also passing a lower class's
 * tighter conditions is harmless, and the filters stay positive, which the engine can lead with.
 */
export interface JobClass {
  ceiling: number;
  /** Filter clauses selecting the class; none: every job. */
  filters: Json[];
  factors: VaryingBound[];
}

/** The jobs earning a bonus worth `ceiling`, selected by `filters`. */
export const bonus = (ceiling: number, ...filters: Json[]): JobClass => ({ ceiling, filters, factors: [] });

/** A factor that never limits which jobs reach a threshold beyond adding `max`. */
export const constantBound = (max: (worker: WorkerDocument) => number): FactorBound => ({ everyJob: { max, within: () => undefined } });

export const DAY_MS = 86_400_000;
/** Neutral value of a factor that cannot be judged (no skills required, no wage known). */
export const NEUTRAL = 0.5;

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
export const gauss = (distance: number, scale: number) => 0.5 ** ((distance / scale) ** 2);
export const intersects = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));
export const not = (clause: Json): Json => ({ bool: { must_not: clause } });
export const has = (field: string): Json => ({ exists: { field } });

/** What a factor of this weight adds to the score, as a reason shows it (rounded to 4 digits). */
export function contribution(weight: number, value: number): number {
  return round(weight * value);
}

/** Whether the worker accepts jobs of any of these kinds (no preference: every kind). */
export const acceptsAny = (worker: WorkerDocument, kinds: readonly JobKind[]) => (worker.kinds ?? kinds).some((kind) => kinds.includes(kind));

/** The distance at which a gauss decay (0.5 at `scale`) falls to `value`. */
export const gaussReach = (scale: number, value: number) => scale * Math.sqrt(Math.log2(1 / value));

/** Dates within the gauss decay's reach of now, for a factor of weight `weight` that may lose `loss`. */
export function recentWithin(field: string, scaleDays: number, weight: number, loss: number, now: Date): Json {
  const ms = gaussReach(scaleDays, 1 - loss / weight) * DAY_MS;
  return { range: { [field]: { gte: Math.floor(now.getTime() - ms) - 1, lte: Math.ceil(now.getTime() + ms) + 1 } } };
}

const CHINA_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** "2026-12-01 09:00" in China time (UTC+8), as a station worker reads a date. */
export function chinaTime(iso: string): string {
  return CHINA_TIME.format(new Date(iso));
}
