import { type WorkerDocument } from '../indexing/worker.document';
import { commuteScaleKm, decayingShare } from './factors/distance.factor';
import { gaussReach, type JobClass, type Json } from './factors/factor';
import { FACTORS } from './factors/factors';
import { NO_OUTCOMES, type RankingContext } from '../outcomes/ranking-context';
import { type RankingWeights } from './ranking-weights';
import { all, either, leafCount, ROUNDING_MARGIN, sum } from './filter-clauses';

/**
 * Which of a worker's jobs can still score at least a threshold t: lets ranking.service.ts rank a
 * worker's jobs exactly while scoring only the jobs that can make the top N.
 *
 * Bonuses a job earns or not (each factor's `bound`, factors/: skills the worker has, none asked,
 * only others; recruiting from the worker's home, in an east-west partner province; in a target
 * region; gig or assistance kind; a public-welfare post for a worker staying home; older-worker-
 * friendly; relocation quota) split the jobs into classes, each with a ceiling C: the most any of
 * its jobs can score for this worker (distance 0, best wage, age, freshness, …). A job
 * of the class scores C minus what it loses on the remaining factors, so it reaches t only if it
 * loses at most C − t on EACH of them: within a radius, a wage above a cut, an age range near the
 * worker's, posted (or for a gig starting) close enough to now. Distance bands sharpen this: a job
 * beyond a band's inner edge has already lost part of the distance contribution, so it may lose
 * that much less on the others. The filter is, per band and class that can still reach t, the
 * conjunction of those conditions: every job outside it scores below t.
 *
 * Losses are taken on the unrounded factor values, with ROUNDING_MARGIN (filter-clauses.ts) added to
 * every allowed loss. Cuts are widened a little (DISTANCE_MARGIN, the wage's): the search engine's
 * distances and float fields differ from the reasons' doubles in the last digits.
 */
const DISTANCE_MARGIN = { relative: 1e-3, km: 0.01 };

const anyJob: JobClass = { ceiling: 0, filters: [], factors: [] };

/** The factors' bounds under these weights; a factor of weight 0 bounds nothing (it adds nothing). */
const boundsOf = (weights: RankingWeights, context: RankingContext) => FACTORS.filter((f) => weights[f.name] > 0).map((f) => f.bound(weights, context));

/** What every job gets or may get: the factors bounding every job alike (distance, priority, age, wage, freshness). */
function baseClass(worker: WorkerDocument, weights: RankingWeights, context: RankingContext): JobClass {
  const factors = boundsOf(weights, context).flatMap((bound) => ('everyJob' in bound ? [bound.everyJob] : []));
  return { ceiling: sum(factors.map((f) => f.max(worker))), filters: [], factors };
}

/**
 * The splits of the jobs into classes, one per split the factors name (factors sharing one, such
 * as the kinds, are exclusive): each split's classes the most valuable first, then every job.
 */
function classSplits(worker: WorkerDocument, weights: RankingWeights, context: RankingContext): JobClass[][] {
  const splits = new Map<string, JobClass[]>();
  for (const bound of boundsOf(weights, context)) {
    if ('split' in bound) splits.set(bound.split, [...(splits.get(bound.split) ?? []), ...bound.classes(worker)]);
  }
  return [...splits.values()].map((classes) => [...classes.sort((a, b) => b.ceiling - a.ceiling), anyJob]);
}

const bestOf = (split: JobClass[]) => Math.max(...split.map((c) => c.ceiling));

/** Band edges around the worker, in commute scales (measured: finer bands cost more query than they save). */
const BAND_EDGES_IN_SCALES = [0, 1, 3];

/** Jobs within `outerKm`; those beyond the band's inner edge have lost at least `minLoss` on distance. */
interface Band {
  outerKm: number;
  minLoss: number;
}

function bands(worker: WorkerDocument, distanceWeight: number): Band[] {
  const edges = [...BAND_EDGES_IN_SCALES.map((n) => n * commuteScaleKm(worker)), Infinity];
  return edges.slice(0, -1).map((innerKm, i) => ({ outerKm: edges[i + 1], minLoss: distanceLossBeyond(worker, distanceWeight, innerKm) }));
}

/** The least distance loss of a job the engine places beyond `km` (its distance may read a little shorter here). */
function distanceLossBeyond(worker: WorkerDocument, distanceWeight: number, km: number): number {
  const surely = Math.max(0, km * (1 - DISTANCE_MARGIN.relative) - DISTANCE_MARGIN.km);
  return distanceWeight * (1 - 0.5 ** ((surely / commuteScaleKm(worker)) ** 2));
}

/** How far a job may be and lose at most `loss` on distance. */
const reachKm = (worker: WorkerDocument, distanceWeight: number, loss: number) =>
  loss >= distanceWeight ? Infinity : gaussReach(commuteScaleKm(worker), 1 - loss / distanceWeight);

/** Jobs the engine places within `km`, padded so that no job the reasons place within it is left out. */
function withinKm(worker: WorkerDocument, km: number): Json[] {
  if (!Number.isFinite(km)) return [];
  const padded = km * (1 + DISTANCE_MARGIN.relative) + DISTANCE_MARGIN.km;
  return [{ geo_distance: { distance: `${Math.ceil(padded * 1000) / 1000}km`, location: worker.location } }];
}

/** What a filter is built from. */
interface Reach {
  worker: WorkerDocument;
  weights: RankingWeights;
  threshold: number;
  now: Date;
  splits: JobClass[][];
  context: RankingContext;
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
  const base = baseClass(r.worker, r.weights, r.context);
  const maxLoss = base.ceiling + sum(r.splits.map(bestOf)) - r.threshold + ROUNDING_MARGIN;
  // What every job surely loses with distance: the decaying share (a willing worker keeps a floor on all but gigs).
  const distanceWeight = r.weights.distance * decayingShare(r.worker);
  const inBands = bands(r.worker, distanceWeight);
  const clauses = inBands.flatMap((band, i) => {
    const tree = branch(r, band, inBands[i + 1], base, 0);
    return tree ? [all([...withinKm(r.worker, Math.min(band.outerKm, reachKm(r.worker, distanceWeight, maxLoss))), tree])] : [];
  });
  return either(clauses);
}

/** Most leaf queries in one filter: each costs the engine time per index segment, however few jobs it selects (measured). */
const MAX_FILTER_LEAVES = 120;

/** The splits with the last one that still splits made one class of its best ceiling (no filter, no factors of its own). */
function coarsen(splits: JobClass[][]): JobClass[][] {
  const last = splits.map((split) => split.length > 1).lastIndexOf(true);
  return splits.map((split, i) => (i === last ? [{ ceiling: bestOf(split), filters: [], factors: [] }] : split));
}

/**
 * A filter on jobs containing every job that scores `threshold` or more for this worker at `now`
 * under these weights and outcomes (the context the ranking scores with); coarser (never smaller) when the fine one would be too big a query.
 */
export function jobsReaching(worker: WorkerDocument, weights: RankingWeights, threshold: number, now: Date, context: RankingContext = NO_OUTCOMES): Json {
  for (let splits = classSplits(worker, weights, context); ; splits = coarsen(splits)) {
    const filter = reachingFilter({ worker, weights, threshold, now, splits, context });
    if (leafCount(filter) <= MAX_FILTER_LEAVES || splits.every((split) => split.length === 1)) return filter;
  }
}
