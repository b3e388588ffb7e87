import { TransientError } from '@laowu/messaging';
import { metricsRegistry } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { JobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { OutcomeSignals } from '../outcomes/outcome-signals';
import { breaksNoRule, candidatePoolSize, diversify, DiversityPolicy } from './diversify';
import { Json } from './factors/factor';
import { PairScore, scorePair } from './pair-score';
import { RankingContext } from '../outcomes/ranking-context';
import { RankingWeights } from './ranking-weights';
import { excludingIds, jobsForWorkerQuery, poolFilters, WorkerPool, workersForJobQuery } from './ranking.queries';
import { jobsReaching } from './score-bound';
import { workersReaching } from './worker-score-bound';

export interface RankedJob extends PairScore {
  job: JobDocument;
}

export interface RankedWorker extends PairScore {
  worker: WorkerDocument;
}

/** A push's job: its workers in the pool, without those who declined it. */
interface PoolRequest {
  job: JobDocument;
  /** The weights for this job (its province's: ranking-weights.service.ts). */
  weights: RankingWeights;
  pool: WorkerPool;
  excludedWorkerIds: readonly string[];
}

interface MultiSearchOptions {
  /** How many of the queries the engine runs at once (its default: as many as its search threads take). */
  maxConcurrentSearches?: number;
}

/** Hits beyond `limit` fetched so that rounding differences between engine and reasons never drop one. */
const SLACK = 10;

/**
 * A fixed 1/128 of all jobs (workers): ids are random UUIDs, so its best scores are a fair sample
 * of the scores, and the search engine caches the filter (the same in every request).
 */
const sampleOf = (idField: IdField): Json => ({ range: { [idField]: { gte: '00', lt: '02' } } });

/**
 * The guess is the sample's ⌈limit ÷ this⌉-th best score: too high only when that many of the
 * best `limit` fell in the 1/128 sample, about 1 request in 100 for a limit of 20.
 */
const GUESS_PER_SAMPLED = 10;

type Tier = 'guess' | 'floor' | 'all';
const tierCounter = (name: string, help: string) => new Counter({ name, help, labelNames: ['tier'] as const, registers: [metricsRegistry] });
const jobsForWorkerTiers = tierCounter(
  'laowu_matching_jobs_for_worker_total',
  'Matches-for-worker rankings by the score threshold that answered: guessed from a sample, the sample floor, or none (all open jobs scored)',
);
const workersForJobTiers = tierCounter(
  'laowu_matching_workers_for_job_total',
  'Candidates-for-job rankings by the score threshold that answered: guessed from a sample, the sample floor, or none (all workers scored)',
);

/**
 * The top `limit` of all candidates, scoring only those that can make it. `reaching(t)` is a
 * filter holding every candidate scoring t or more (score-bound.ts, worker-score-bound.ts). So
 * when the top `limit` of the candidates reaching t all score ≥ t, no other candidate can enter
 * it (not even on a tie: those score below t), and it is the top `limit` of all, ties ordered by id.
 *
 * t comes from a random sample. Its best few scores are a guess near the `limit`-th best (about
 * the 256th best for a limit of 20): usually right, and then only the candidates reaching it are
 * scored. Its `limit`-th score is a floor: the `limit`-th best of all is at least the `limit`-th
 * best of any subset, so ranking the candidates reaching the floor is exact too, only larger;
 * that is the answer when the guess was too high. A sample with fewer than `limit` candidates
 * means few candidates at all: then all are ranked.
 */
async function rankedByThreshold<T extends PairScore>(
  limit: number,
  sample: Json,
  rank: (candidates: Json[]) => Promise<T[]>,
  reaching: (threshold: number) => Json,
  tiers: Counter<'tier'>,
): Promise<T[]> {
  const answeredBy = (tier: Tier, ranked: T[]) => {
    tiers.inc({ tier });
    return ranked;
  };
  const sampled = await rank([sample]);
  if (sampled.length < limit) return answeredBy('all', await rank([]));
  const guess = sampled[Math.ceil(limit / GUESS_PER_SAMPLED) - 1].score;
  const guessed = await rank([reaching(guess)]);
  if (guessed.length === limit && guessed[limit - 1].score >= guess) return answeredBy('guess', guessed);
  const floor = Math.max(sampled[limit - 1].score, guessed.length === limit ? guessed[limit - 1].score : -Infinity);
  return answeredBy('floor', await rank([reaching(floor)]));
}

/**
 * Runs the ranking queries and turns each hit into a scored result with reasons (pair-score.ts,
 * same formulas). The engine picks and orders the candidates; the reasons' sum is the score.
 * The caller passes the weights (RankingWeightsService picks them by province) and records their version.
 * What was learned from outcomes (OutcomeSignals) is read once per ranking and given to both the
 * query and the reasons: the worker's accepted history for a worker's jobs, the rates for both.
 */
@Injectable()
export class RankingService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly outcomes: OutcomeSignals,
  ) {}

  /**
   * The worker's top `limit` of all open jobs, scoring only the jobs that can make it
   * (rankedByThreshold with jobsReaching). `excludedJobIds` (declined pairs) narrows every tier
   * alike, so the argument holds for what is left.
   */
  async jobsForWorker(
    worker: WorkerDocument,
    limit: number,
    weights: RankingWeights,
    now = new Date(),
    excludedJobIds: readonly string[] = [],
  ): Promise<RankedJob[]> {
    return this.topJobs(worker, limit, weights, now, excludedJobIds, await this.outcomes.forWorker(worker.workerId));
  }

  private topJobs(worker: WorkerDocument, limit: number, weights: RankingWeights, now: Date, excludedJobIds: readonly string[], context: RankingContext): Promise<RankedJob[]> {
    const rank = (candidates: Json[]) => this.rankJobs(worker, limit, weights, now, [...candidates, ...excludingIds(excludedJobIds)], context);
    return rankedByThreshold(limit, sampleOf('jobId'), rank, (t) => jobsReaching(worker, weights, t, now, context), jobsForWorkerTiers);
  }

  /**
   * The worker's best `limit` jobs, with no agency or near-duplicate title filling them when others
   * match (diversify.ts). The exact top `limit` first: when it breaks no rule, the re-ranking of any
   * longer list would place it unchanged, and it is the answer. Otherwise the exact top K of all
   * open jobs (the same threshold ranking with K for its limit, so the argument above holds for the K)
   * re-ranked, then cut to `limit`. Re-ranking within the exact top K only defers jobs within it,
   * never brings in one from outside.
   */
  async diversifiedJobsForWorker(
    worker: WorkerDocument,
    policy: DiversityPolicy,
    limit: number,
    weights: RankingWeights,
    now = new Date(),
    excludedJobIds: readonly string[] = [],
  ): Promise<RankedJob[]> {
    const context = await this.outcomes.forWorker(worker.workerId);
    const top = await this.topJobs(worker, limit, weights, now, excludedJobIds, context);
    if (top.length < limit || breaksNoRule(top, limit, policy)) return diversify(top, limit, policy);
    return diversify(await this.topJobs(worker, candidatePoolSize(limit), weights, now, excludedJobIds, context), limit, policy);
  }

  private async rankJobs(worker: WorkerDocument, limit: number, weights: RankingWeights, now: Date, candidates: Json[], context: RankingContext): Promise<RankedJob[]> {
    const query = jobsForWorkerQuery(worker, weights, now, candidates, context);
    const hits = await this.search<JobDocument>(this.indices.jobs.alias, query, limit + SLACK, 'jobId');
    return hits
      .map((job) => ({ job, ...scorePair(job, worker, weights, now, context) }))
      .sort((a, b) => b.score - a.score || a.job.jobId.localeCompare(b.job.jobId))
      .slice(0, limit);
  }

  /** The job's top `limit` of all available workers, scoring only those that can make it (rankedByThreshold with workersReaching). */
  async workersForJob(job: JobDocument, limit: number, weights: RankingWeights, now = new Date()): Promise<RankedWorker[]> {
    const context = this.outcomes.forJobs();
    const rank = async (candidates: Json[]) => {
      const query = workersForJobQuery(job, weights, now, candidates, context);
      return this.rankWorkers(job, weights, await this.search<WorkerDocument>(this.indices.workers.alias, query, limit + SLACK, 'workerId'), limit, now, context);
    };
    return rankedByThreshold(limit, sampleOf('workerId'), rank, (t) => workersReaching(job, weights, t, now, context), workersForJobTiers);
  }

  /**
   * The workers of a push's pool for several jobs in one round trip (_msearch): the engine runs
   * the queries side by side on its search threads, where one request per job would queue them
   * behind each other. The caller keeps the batch small (the instant path: 20 jobs). A pool is
   * ranked whole: rankedByThreshold's extra round trips cost the ingest benchmark a quarter of its
   * throughput at 100k workers (bench/ingest.ts, docs/BENCHMARKS.md), where most pools are small.
   */
  async workersForJobs(requests: PoolRequest[], limit: number, now = new Date(), options: MultiSearchOptions = {}): Promise<RankedWorker[][]> {
    const context = this.outcomes.forJobs();
    const queries = requests.map(({ job, weights, pool, excludedWorkerIds }) =>
      workersForJobQuery(job, weights, now, [...poolFilters(pool, job), ...excludingIds(excludedWorkerIds)], context),
    );
    const hitLists = await this.multiSearch<WorkerDocument>(this.indices.workers.alias, queries, limit + SLACK, 'workerId', options);
    return hitLists.map((hits, k) => this.rankWorkers(requests[k].job, requests[k].weights, hits, limit, now, context));
  }

  private rankWorkers(job: JobDocument, weights: RankingWeights, hits: WorkerDocument[], limit: number, now: Date, context: RankingContext): RankedWorker[] {
    return hits
      .map((worker) => ({ worker, ...scorePair(job, worker, weights, now, context) }))
      .sort((a, b) => b.score - a.score || a.worker.workerId.localeCompare(b.worker.workerId))
      .slice(0, limit);
  }

  private async multiSearch<T>(index: string, queries: object[], size: number, idField: IdField, options: MultiSearchOptions): Promise<T[][]> {
    const searches = queries.map((query) => ({ index, body: rankedSearch(query, size, idField) }));
    const items = await this.client.msearch<T>(searches, { maxConcurrentSearches: options.maxConcurrentSearches });
    return items.map(({ result, failure }) => {
      if (failure) {
        const message = `candidates query failed: ${failure.status} ${failure.type ?? ''} ${failure.reason ?? ''}`.trim();
        throw failure.status === 429 || failure.status >= 500 ? new TransientError(message) : new Error(message);
      }
      return result.hits.map((hit) => hit.source);
    });
  }

  private async search<T>(index: string, query: object, size: number, idField: IdField): Promise<T[]> {
    const { hits } = await this.client.search<T>(index, rankedSearch(query, size, idField));
    return hits.map((hit) => hit.source);
  }
}

/** The document's id field (its _id too): Elasticsearch 8 refuses to sort on _id by default. */
type IdField = 'jobId' | 'workerId';

/** Best first, ties by id: the order the reasons' re-sort keeps. */
function rankedSearch(query: object, size: number, idField: IdField): Record<string, unknown> {
  return { query, size, sort: [{ _score: 'desc' }, { [idField]: 'asc' }], track_total_hits: false };
}
