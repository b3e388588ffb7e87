import { type JobDocument } from '../indexing/job.document';
import { reachAreaHolds } from '../indexing/reach-area';
import { type WorkerDocument } from '../indexing/worker.document';
import { willingFromSources } from './factors/cross-region.factor';
import { type Json } from './factors/factor';
import { FACTORS } from './factors/factors';
import { eligibleWorkersFor, kindsOfferedTo } from './factors/public-welfare.factor';
import { NO_OUTCOMES, type RankingContext } from '../outcomes/ranking-context';
import { type RankingWeights } from './ranking-weights';
import { certifiedWorkersFor, jobsCertifiedFor } from './required-certificates';

/**
 * The two ranking queries, one per direction: a function_score over the hard-filtered set, each
 * factor's functions `weight × value` summed (score_mode sum, boost_mode replace). The values
 * follow the factors' own (factors/), which is what turns a hit back into reasons. The weights
 * come with each query (runtime weights): a factor of weight 0 has no function at all.
 */

/** Hard filters on jobs (ARCHITECTURE.md): open, headcount left, kind, not started; one worker's also certificates (jobFiltersFor). */
export function openJobFilters(kinds: readonly string[] | undefined, now: Date): Json[] {
  const iso = now.toISOString();
  // No date, or not before now: one clause, no scan of every document for the missing ones.
  const notPassed = (field: string) => ({ bool: { must_not: { range: { [field]: { lt: iso } } } } });
  return [
    { term: { status: 'open' } },
    { range: { headcountLeft: { gt: 0 } } },
    ...(kinds ? [{ terms: { kind: kinds } }] : []),
    notPassed('startAt'),
    notPassed('endAt'),
  ];
}

/**
 * The hard filters on one worker's jobs: open, of a kind the worker accepts and may be offered
 * (public-welfare posts only for poverty-alleviated workers and monitoring targets, 十六), and
 * requiring no certificate the worker does not validly hold (十).
 */
function jobFiltersFor(worker: WorkerDocument, now: Date): Json[] {
  return [...openJobFilters(kindsOfferedTo(worker), now), ...jobsCertifiedFor(worker, now)];
}

/**
 * Jobs for one worker; `candidates` narrows the jobs scored (score-bound.ts, declined pairs), not their scores.
 * Every job factor is a native function, no script: the same values as the reasons (equal engine
 * scores, measured), about 1.7× faster per job than painless scripts.
 */
export function jobsForWorkerQuery(worker: WorkerDocument, weights: RankingWeights, now: Date, candidates: Json[] = [], context: RankingContext = NO_OUTCOMES): Json {
  return rankingQuery([...jobFiltersFor(worker, now), ...candidates], weighted(weights, (factor, weight) => factor.jobFunctions(worker, now, weight, context)));
}

/**
 * Workers for one job: available, accepting its kind, for a public-welfare post a priority worker
 * (十六), holding each certificate it requires, valid today (十); `extraFilters` narrows the set
 * (a push's pool, declined pairs).
 */
export function workersForJobQuery(job: JobDocument, weights: RankingWeights, now: Date, extraFilters: Json[] = [], context: RankingContext = NO_OUTCOMES): Json {
  const filters = [{ term: { available: true } }, { term: { kinds: job.kind } }, ...eligibleWorkersFor(job), ...certifiedWorkersFor(job, now), ...extraFilters];
  return rankingQuery(filters, weighted(weights, (factor, weight) => factor.workerFunctions(job, now, weight, context)));
}

/**
 * The functions of the factors weighing more than 0. When some weigh 0, a function adding 0 to
 * every document comes first: a document no function matches would otherwise score 1 (the
 * engine's default), not the 0 its reasons add up to.
 */
function weighted(weights: RankingWeights, functionsOf: (factor: (typeof FACTORS)[number], weight: number) => Json[]): Json[] {
  const counted = FACTORS.filter((factor) => weights[factor.name] > 0);
  const functions = counted.flatMap((factor) => functionsOf(factor, weights[factor.name]));
  return counted.length < FACTORS.length ? [{ weight: 0 }, ...functions] : functions;
}

function rankingQuery(filters: Json[], functions: Json[]): Json {
  return { function_score: { query: { bool: { filter: filters } }, functions, score_mode: 'sum', boost_mode: 'replace' } };
}

/** Which workers a push reaches, beyond the workers query's own filters (available, accepting the job's kind). */
export type WorkerPool = 'instant' | 'crossRegion';

/** The filters of a pool. */
export function poolFilters(pool: WorkerPool, job: JobDocument): Json[] {
  return pool === 'instant' ? instantWorkerFilters(job) : crossRegionWorkerFilters(job);
}

/** Worker filters of the instant path (即时快招): who could take this job right now. */
function instantWorkerFilters(job: JobDocument): Json[] {
  const reachable: Json[] = [
    reachAreaHolds(job.location),
    { terms: { targetRegionCodes: job.regionCodes } },
  ];
  if (job.crossSourceCodes.length) reachable.push({ bool: { filter: willingFromSources(job) } });
  return [{ bool: { should: reachable, minimum_should_match: 1 } }, ...acceptsWageOf(job)];
}

/**
 * Worker filters of a cross-region push (五: 跨区域就业岗位信息): workers from the job's source
 * regions who would accept it — willing to migrate, and, when they named target regions, one of
 * them covers the job; the wage meets their minimum. Kind and availability are the query's own filters.
 */
export function crossRegionWorkerFilters(job: JobDocument): Json[] {
  const noTargets = { bool: { must_not: { exists: { field: 'targetRegionCodes' } } } };
  return [
    ...willingFromSources(job),
    { bool: { should: [noTargets, { terms: { targetRegionCodes: job.regionCodes } }], minimum_should_match: 1 } },
    ...acceptsWageOf(job),
  ];
}

/** A worker with no minimum wage, or one the job's best wage meets. */
function acceptsWageOf(job: JobDocument): Json[] {
  if (job.wagePerDayMax === undefined) return [];
  const noMinimum = { bool: { must_not: { exists: { field: 'minWagePerDay' } } } };
  return [{ bool: { should: [noMinimum, { range: { minWagePerDay: { lte: job.wagePerDayMax } } }], minimum_should_match: 1 } }];
}

/** A filter clause leaving out documents by id (declined pairs); none when there are none. */
export function excludingIds(ids: readonly string[]): Json[] {
  return ids.length ? [{ bool: { must_not: { ids: { values: ids } } } }] : [];
}
