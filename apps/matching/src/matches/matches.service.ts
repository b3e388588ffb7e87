import { Principal } from '@laowu/auth';
import { APP_CONFIG, DomainError } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { JobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { MatchingConfig } from '../matching.config';
import { ERRORS } from '../matching.errors';
import { DeclinedPairsService } from '../push/declined-pairs.service';
import { diversityPolicy } from '../ranking/diversify';
import { RankedJob, RankedWorker, RankingService } from '../ranking/ranking.service';
import { LiveRankingWeights } from '../ranking-weights/live-ranking-weights';
import { assertMayReadCandidates } from './job.access';
import { assertMayReadWorker } from './worker.access';

/** A ranking and the weights version it was ranked with. */
export interface Ranked<T> {
  weightsVersion: number;
  items: T[];
}

/**
 * Read-only: ranked jobs for a worker (without the jobs declined for them, diversified: no agency
 * fills the list when others match) and ranked workers for a job, with who-may-see rules.
 */
@Injectable()
export class MatchesService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly ranking: RankingService,
    private readonly declined: DeclinedPairsService,
    private readonly weights: LiveRankingWeights,
    @Inject(APP_CONFIG) private readonly config: MatchingConfig,
  ) {}

  /** Ranked with the weights of the worker's residence province (LiveRankingWeights), whose version the result names. */
  async matchesForWorker(principal: Principal, workerId: string, limit: number): Promise<Ranked<RankedJob>> {
    const worker = await this.get<WorkerDocument>(this.indices.workers.alias, workerId, ERRORS.WORKER_NOT_FOUND, 'worker');
    assertMayReadWorker(principal, worker);
    const declined = await this.declined.jobsDeclinedBy([workerId]);
    const { version, weights } = this.weights.forWorker(worker);
    const items = await this.ranking.diversifiedJobsForWorker(worker, diversityPolicy(this.config, limit), limit, weights, new Date(), declined.get(workerId));
    return { weightsVersion: version, items };
  }

  /** Ranked with the weights of the job's province. */
  async candidatesForJob(principal: Principal, jobId: string, limit: number): Promise<Ranked<RankedWorker>> {
    const job = await this.get<JobDocument>(this.indices.jobs.alias, jobId, ERRORS.JOB_NOT_FOUND, 'job');
    assertMayReadCandidates(principal, job);
    const { version, weights } = this.weights.forJob(job);
    return { weightsVersion: version, items: await this.ranking.workersForJob(job, limit, weights) };
  }

  /** A real-time get: a document written a moment ago is found without waiting for a refresh. */
  private async get<T>(index: string, id: string, code: string, what: string): Promise<T> {
    await this.indices.ensured();
    const document = await this.client.get<T>(index, id);
    if (!document) throw DomainError.notFound(code, what);
    return document.source;
  }
}
