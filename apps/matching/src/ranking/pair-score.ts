import { type JobDocument } from '../indexing/job.document';
import { type WorkerDocument } from '../indexing/worker.document';
import { contribution, round } from './factors/factor';
import { type Factor, FACTORS } from './factors/factors';
import { mayBeMatched as publicWelfareAllows } from './factors/public-welfare.factor';
import { NO_OUTCOMES, type RankingContext } from '../outcomes/ranking-context';
import { type RankingWeights } from './ranking-weights';
import { holdsRequiredCertificates } from './required-certificates';

export interface Reason {
  /** A factor of the score, or `diversity`: a re-ranked job's note, contributing 0 (diversify.ts). */
  factor: Factor | 'diversity';
  contribution: number;
  detail: string;
}

export interface PairScore {
  score: number;
  reasons: Reason[];
}

/**
 * The score of one job–worker pair with its reasons: the same formulas and weights as the search
 * engine's function_score (ranking queries), so the reasons add up to the score a station sees.
 * A factor of weight 0 adds nothing and gives no reason; the outcome factors are centred (a poor
 * record contributes below 0, factors/agency-outcomes.factor.ts). `context`: the outcomes the ranking's
 * query was built with (the same snapshot, or the outcome factors would not add up).
 */
export function scorePair(job: JobDocument, worker: WorkerDocument, weights: RankingWeights, now: Date, context: RankingContext = NO_OUTCOMES): PairScore {
  const reasons = FACTORS.flatMap((factor): Reason[] => {
    const weight = weights[factor.name];
    const valued = weight > 0 ? factor.value(job, worker, now, context) : undefined;
    if (!valued) return [];
    const added = contribution(weight, valued.value);
    return added !== 0 ? [{ factor: factor.name, contribution: added, detail: valued.detail }] : [];
  });
  return { score: round(reasons.reduce((sum, r) => sum + r.contribution, 0)), reasons };
}

/**
 * The pair rules the engine queries apply as hard filters beyond availability, kind and open jobs
 * (ranking.queries.ts), for one pair: a public-welfare post only for a priority worker (十六), and
 * every certificate the job requires held and valid on `now`'s day (十).
 */
export function passesPairRules(job: JobDocument, worker: WorkerDocument, now: Date): boolean {
  return publicWelfareAllows(job, worker) && holdsRequiredCertificates(job, worker, now);
}
