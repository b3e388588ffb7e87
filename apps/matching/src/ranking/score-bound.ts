import { JobKind } from '@laowu/contracts';
import { eastWestPartnersOf } from '@laowu/domain';
import { WorkerDocument } from '../indexing/worker.document';
import { commuteScaleKm, contribution, isPriorityWorker } from './pair-score';
import { RANKING } from './ranking.weights';

/**
 * Which of a worker's jobs can still score at least a threshold t: lets ranking.service.ts rank a
 * worker's jobs exactly while scoring only the jobs that can make the top N.
 *
 * Bonuses a job earns or not (skills the worker has, none asked, only others; recruiting from the
 * worker's home, in an east-west partner province; in a target region; gig or assistance kind;
 * older-worker-friendly; relocation quota) split the jobs into classes, each with a ceiling C: the
 * most any of its jobs can score for this worker (distance 0, best wage, age, freshness, …). A job
 * of the class scores C minus what it loses on the remaining factors, so it reaches t only if it
 * loses at most C − t on EACH of them: within a radius, a wage above a cut, an age range near the
 * worker's, posted (or for a gig starting) close enough to now. Distance bands sharpen this: a job
 * beyond a band's inner edge has already lost part of the distance contribution, so it may lose
 * that much less on the others. The filter is, per band and class that can still reach t, the
 * conjunction of those conditions: every job outside it scores below t.
 *
 * Losses are taken on the unrounded factor values. A score of t after rounding (each of at most 14
 * contributions to 4 digits, then the sum) is an unrounded sum above t − 15 × 5e-5, so
 * ROUNDING_MARGIN is added to every allowed loss. Cuts are widened a little (DISTANCE_MARGIN, …):
 * the search engine's distances and float fields differ from the reasons' doubles in the last digits.
 */
type Json = Record<string, unknown>;

const ROUNDING_MARGIN = 1e-3;
const DISTANCE_MARGIN = { relative: 1e-3, km: 0.01 };
const WAGE_MARGIN = 1e-6;
const DAY_MS = 86_400_000;
const w = RANKING.weights;

const not = (clause: Json): Json => ({ bool: { must_not: clause } });
const MATCH_ALL: Json = { match_all: {} };
const all = (clauses: Json[]): Json => {
  const needed = clauses.filter((c) => c !== MATCH_ALL);
  return needed.length === 1 ? needed[0] : needed.length ? { bool: { filter: needed } } : MATCH_ALL;
};
const either = (clauses: Json[]): Json =>
  clauses.includes(MATCH_ALL) ? MATCH_ALL : clauses.length === 1 ? clauses[0] : { bool: { should: clauses, minimum_should_match: 1 } };
const has = (field: string): Json => ({ exists: { field } });
const sum = (xs: number[]) => xs.reduce((total, x) => total + x, 0);
const acceptsAny = (worker: WorkerDocument, kinds: readonly JobKind[]) => (worker.kinds ?? kinds).some((kind) => kinds.includes(kind));

/** The distance at which a gauss decay (0.5 at `scale`) falls to `value`. */
const gaussReach = (scale: number, value: number) => scale * Math.sqrt(Math.log2(1 / value));

/** A factor that varies within a class: the most it adds, and which jobs lose at most `loss` on it. */
interface FactorBound {
  max(worker: WorkerDocument): number;
  /** Filter of the jobs that lose at most `loss` on it; undefined when no job loses more. */
  within(worker: WorkerDocument, loss: number, now: Date): Json | undefined;
}

/** Dates within the gauss decay's reach of now, for a factor of weight `weight` that may lose `loss`. */
function recentWithin(field: string, scaleDays: number, weight: number, loss: number, now: Date): Json {
  const ms = gaussReach(scaleDays, 1 - loss / weight) * DAY_MS;
  return { range: { [field]: { gte: Math.floor(now.getTime() - ms) - 1, lte: Math.ceil(now.getTime() + ms) + 1 } } };
}

const wage: FactorBound = {
  max: (worker) => contribution('wage', worker.minWagePerDay === undefined ? RANKING.neutral : 1),
  within(worker, loss) {
    const min = worker.minWagePerDay;
    if (min === undefined || loss >= w.wage) return undefined;
    const unknownWageOk = loss >= w.wage * (1 - RANKING.neutral);
    if (min <= 0) return unknownWageOk ? undefined : has('wagePerDayMax');
    const cut = min * (RANKING.wageRatioFloor + RANKING.wageRatioSpan * (1 - loss / w.wage)) * (1 - WAGE_MARGIN);
    return unknownWageOk ? not({ range: { wagePerDayMax: { lt: cut } } }) : { range: { wagePerDayMax: { gte: cut } } };
  },
};

const age: FactorBound = {
  max: () => contribution('age', 1),
  within(worker, loss) {
    if (loss >= w.age) return undefined;
    const yearsOutside = RANKING.ageHalfLifeYears * Math.log2(1 / (1 - loss / w.age));
    const years = worker.ageYears;
    const farAboveMax = { range: { ageMax: { lt: Math.ceil(years - yearsOutside) } } };
    // As ageValue: being above ageMax counts first, whatever ageMin says.
    const farBelowMin = { bool: { filter: [{ range: { ageMin: { gt: Math.floor(years + yearsOutside) } } }], must_not: [{ range: { ageMax: { lt: years } } }] } };
    return { bool: { must_not: [farAboveMax, farBelowMin] } };
  },
};

const freshness: FactorBound = {
  max: () => contribution('freshness', 1),
  within: (_worker, loss, now) => (loss >= w.freshness ? undefined : recentWithin('postedAt', RANKING.freshnessScaleDays, w.freshness, loss, now)),
};

/** For gig jobs (their class): how soon they start. */
const startSoon: FactorBound = {
  max: () => contribution('startSoon', 1),
  within: (_worker, loss, now) => (loss >= w.startSoon ? undefined : recentWithin('startAt', RANKING.startSoonScaleDays, w.startSoon, loss, now)),
};

/** The factors of every job, whatever its class. */
const EVERY_JOB_FACTORS: FactorBound[] = [wage, age, freshness];

/**
 * Jobs that may earn some bonuses: the most any of them scores, and the factors left to bound per
 * job. Classes overlap (the class without a bonus is every job): a job also passing a lower class's
 * tighter conditions is harmless, and the filters stay positive, which the engine can lead with.
 */
interface JobClass {
  ceiling: number;
  /** Filter clauses selecting the class; none: every job. */
  filters: Json[];
  factors: FactorBound[];
}

const anyJob: JobClass = { ceiling: 0, filters: [], factors: [] };
const bonus = (ceiling: number, ...filters: Json[]): JobClass => ({ ceiling, filters, factors: [] });

function bySkills(worker: WorkerDocument): JobClass[] {
  const theirs = worker.skillKeys.length ? [bonus(contribution('skills', 1), { terms: { skillReqs: worker.skillKeys } })] : [];
  return [...theirs, bonus(contribution('skills', RANKING.neutral), not(has('skillReqs'))), anyJob];
}

function byHome(worker: WorkerDocument): JobClass[] {
  if (!worker.willingToMigrate) return [anyJob];
  const recruitsHere = { terms: { crossSourceCodes: worker.homeCodes } };
  const crossRegion = contribution('crossRegion', 1);
  const partners = eastWestPartnersOf(worker.homeRegionCode);
  const inPartner = partners.length ? [bonus(crossRegion + contribution('eastWest', 1), recruitsHere, { terms: { provinceCode: partners } })] : [];
  return [...inPartner, bonus(crossRegion, recruitsHere), anyJob];
}

function byTarget(worker: WorkerDocument): JobClass[] {
  if (!worker.targetRegionCodes.length) return [anyJob];
  return [bonus(contribution('targetRegion', 1), { terms: { regionCodes: worker.targetRegionCodes } }), anyJob];
}

/** Gig jobs may start soon; assistance kinds rank up for priority workers: a job is one or the other. */
function byKind(worker: WorkerDocument): JobClass[] {
  const gig = acceptsAny(worker, ['gig']) ? [{ ceiling: startSoon.max(worker), filters: [{ term: { kind: 'gig' } }], factors: [startSoon] }] : [];
  const assisted = isPriorityWorker(worker) && acceptsAny(worker, RANKING.assistanceKinds);
  return [...gig, ...(assisted ? [bonus(contribution('assistance', 1), { terms: { kind: RANKING.assistanceKinds } })] : []), anyJob];
}

function byFlags(worker: WorkerDocument): JobClass[][] {
  const older = worker.ageYears >= RANKING.olderWorkerAge;
  const relocated = worker.priorityGroups.includes('relocated');
  return [
    older ? [bonus(contribution('olderFriendly', 1), { term: { olderWorkerFriendly: true } }), anyJob] : [anyJob],
    relocated ? [bonus(contribution('relocation', 1), { range: { relocationQuotaPct: { gt: 0 } } }), anyJob] : [anyJob],
  ];
}

/** What every job gets or may get: distance, priority, wage, age, freshness. */
function baseClass(worker: WorkerDocument): JobClass {
  const priority = isPriorityWorker(worker) ? contribution('priority', 1) : 0;
  const factors = EVERY_JOB_FACTORS;
  return { ceiling: contribution('distance', 1) + priority + sum(factors.map((f) => f.max(worker))), filters: [], factors };
}

/** The splits of the jobs into classes, the most valuable first. */
function classSplits(worker: WorkerDocument): JobClass[][] {
  return [bySkills(worker), byHome(worker), byTarget(worker), ...byFlags(worker), byKind(worker)];
}

const bestOf = (split: JobClass[]) => Math.max(...split.map((c) => c.ceiling));

/** Band edges around the worker, in commute scales (measured: finer bands cost more query than they save). */
const BAND_EDGES_IN_SCALES = [0, 1, 3];

/** Jobs within `outerKm`; those beyond the band's inner edge have lost at least `minLoss` on distance. */
interface Band {
  outerKm: number;
  minLoss: number;
}

function bands(worker: WorkerDocument): Band[] {
  const edges = [...BAND_EDGES_IN_SCALES.map((n) => n * commuteScaleKm(worker)), Infinity];
  return edges.slice(0, -1).map((innerKm, i) => ({ outerKm: edges[i + 1], minLoss: distanceLossBeyond(worker, innerKm) }));
}

/** The least distance loss of a job the engine places beyond `km` (its distance may read a little shorter here). */
function distanceLossBeyond(worker: WorkerDocument, km: number): number {
  const surely = Math.max(0, km * (1 - DISTANCE_MARGIN.relative) - DISTANCE_MARGIN.km);
  return w.distance * (1 - 0.5 ** ((surely / commuteScaleKm(worker)) ** 2));
}

/** How far a job may be and lose at most `loss` on distance. */
const reachKm = (worker: WorkerDocument, loss: number) => (loss >= w.distance ? Infinity : gaussReach(commuteScaleKm(worker), 1 - loss / w.distance));

/** Jobs the engine places within `km`, padded so that no job the reasons place within it is left out. */
function withinKm(worker: WorkerDocument, km: number): Json[] {
  if (!Number.isFinite(km)) return [];
  const padded = km * (1 + DISTANCE_MARGIN.relative) + DISTANCE_MARGIN.km;
  return [{ geo_distance: { distance: `${Math.ceil(padded * 1000) / 1000}km`, location: worker.location } }];
}

/** What a filter is built from. */
interface Reach {
  worker: WorkerDocument;
  threshold: number;
  now: Date;
  splits: JobClass[][];
}

function conditions(r: Reach, c: JobClass, loss: number): Json[] {
  return c.factors.map((factor) => factor.within(r.worker, loss, r.now)).filter((x): x is Json => x !== undefined);
}

/**
 * The jobs of one band that can reach the threshold, as a tree over the splits (each filter once
 * per branch): a branch is cut where even its best class falls short. At a leaf, the class's
 * conditions for what distance left it to lose. A class with the same conditions in the next band
 * is left out here: that band holds the same jobs and more.
 */
function branch(r: Reach, band: Band, next: Band | undefined, c: JobClass, depth: number): Json | undefined {
  const loss = c.ceiling + sum(r.splits.slice(depth).map(bestOf)) - r.threshold + ROUNDING_MARGIN;
  if (loss < band.minLoss) return undefined;
  if (depth === r.splits.length) {
    const here = conditions(r, c, loss - band.minLoss);
    const covered = next && loss >= next.minLoss && JSON.stringify(conditions(r, c, loss - next.minLoss)) === JSON.stringify(here);
    return covered ? undefined : all(here);
  }
  const options = r.splits[depth].flatMap((option) => {
    const rest = branch(r, band, next, { ceiling: c.ceiling + option.ceiling, filters: [], factors: [...c.factors, ...option.factors] }, depth + 1);
    return rest ? [all([...option.filters, rest])] : [];
  });
  return options.length ? either(options) : undefined;
}

function reachingFilter(r: Reach): Json {
  const base = baseClass(r.worker);
  const maxLoss = base.ceiling + sum(r.splits.map(bestOf)) - r.threshold + ROUNDING_MARGIN;
  const inBands = bands(r.worker);
  const clauses = inBands.flatMap((band, i) => {
    const tree = branch(r, band, inBands[i + 1], base, 0);
    return tree ? [all([...withinKm(r.worker, Math.min(band.outerKm, reachKm(r.worker, maxLoss))), tree])] : [];
  });
  return clauses.length ? either(clauses) : { match_none: {} };
}

/** Most leaf queries in one filter: each costs the engine time per index segment, however few jobs it selects (measured). */
const MAX_FILTER_LEAVES = 120;

function leafCount(query: Json): number {
  if (!('bool' in query)) return 1;
  const clauses = Object.values(query.bool as Record<string, Json | Json[]>).filter((x) => typeof x === 'object');
  return sum(clauses.flatMap((x) => (Array.isArray(x) ? x : [x])).map(leafCount));
}

/** The splits with the last one that still splits made one class of its best ceiling (no filter, no factors of its own). */
function coarsen(splits: JobClass[][]): JobClass[][] {
  const last = splits.map((split) => split.length > 1).lastIndexOf(true);
  return splits.map((split, i) => (i === last ? [{ ceiling: bestOf(split), filters: [], factors: [] }] : split));
}

/**
 * A filter on jobs containing every job that scores `threshold` or more for this worker at `now`;
 * coarser (never smaller) when the fine one would be too big a query.
 */
export function jobsReaching(worker: WorkerDocument, threshold: number, now: Date): Json {
  for (let splits = classSplits(worker); ; splits = coarsen(splits)) {
    const filter = reachingFilter({ worker, threshold, now, splits });
    if (leafCount(filter) <= MAX_FILTER_LEAVES || splits.every((split) => split.length === 1)) return filter;
  }
}
