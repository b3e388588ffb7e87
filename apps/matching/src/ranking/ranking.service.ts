import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { JobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { PairScore, scorePair } from './pair-score';
import { jobsForWorkerQuery, workersForJobQuery } from './ranking.queries';

export interface RankedJob extends PairScore {
  job: JobDocument;
}

export interface RankedWorker extends PairScore {
  worker: WorkerDocument;
}

/** Hits beyond `limit` fetched so that rounding differences between engine and reasons never drop one. */
const SLACK = 10;

/**
 * Runs the ranking queries and turns each hit into a scored result with reasons (pair-score.ts,
 * same formulas). The engine picks and orders the candidates; the reasons' sum is the score.
 */
@Injectable()
export class RankingService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
  ) {}

  async jobsForWorker(worker: WorkerDocument, limit: number, now = new Date()): Promise<RankedJob[]> {
    const hits = await this.search<JobDocument>(this.indices.jobs.alias, jobsForWorkerQuery(worker, now), limit + SLACK);
    return hits
      .map((job) => ({ job, ...scorePair(job, worker, now) }))
      .sort((a, b) => b.score - a.score || a.job.jobId.localeCompare(b.job.jobId))
      .slice(0, limit);
  }

  async workersForJob(job: JobDocument, limit: number, now = new Date(), extraFilters: object[] = []): Promise<RankedWorker[]> {
    const query = workersForJobQuery(job, now, extraFilters as Record<string, unknown>[]);
    const hits = await this.search<WorkerDocument>(this.indices.workers.alias, query, limit + SLACK);
    return hits
      .map((worker) => ({ worker, ...scorePair(job, worker, now) }))
      .sort((a, b) => b.score - a.score || a.worker.workerId.localeCompare(b.worker.workerId))
      .slice(0, limit);
  }

  private async search<T>(index: string, query: object, size: number): Promise<T[]> {
    const { body } = await this.client.search({
      index,
      body: { query, size, sort: [{ _score: 'desc' }, { _id: 'asc' }], track_total_hits: false },
    } as never);
    return (body.hits.hits as { _source: T }[]).map((hit) => hit._source);
  }
}
