import { Principal } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { JobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { ERRORS } from '../matching.errors';
import { DeclinedPairsService } from '../push/declined-pairs.service';
import { RankedJob, RankedWorker, RankingService } from '../ranking/ranking.service';
import { assertMayReadCandidates } from './job.access';
import { assertMayReadWorker } from './worker.access';

/** Read-only: ranked jobs for a worker (without the jobs declined for them) and ranked workers for a job, with who-may-see rules. */
@Injectable()
export class MatchesService {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly ranking: RankingService,
    private readonly declined: DeclinedPairsService,
  ) {}

  async matchesForWorker(principal: Principal, workerId: string, limit: number): Promise<RankedJob[]> {
    const worker = await this.get<WorkerDocument>(this.indices.workers.alias, workerId, ERRORS.WORKER_NOT_FOUND, 'worker');
    assertMayReadWorker(principal, worker);
    const declined = await this.declined.jobsDeclinedBy([workerId]);
    return this.ranking.jobsForWorker(worker, limit, new Date(), declined.get(workerId));
  }

  async candidatesForJob(principal: Principal, jobId: string, limit: number): Promise<RankedWorker[]> {
    const job = await this.get<JobDocument>(this.indices.jobs.alias, jobId, ERRORS.JOB_NOT_FOUND, 'job');
    assertMayReadCandidates(principal, job);
    return this.ranking.workersForJob(job, limit);
  }

  /** A real-time get: a document written a moment ago is found without waiting for a refresh. */
  private async get<T>(index: string, id: string, code: string, what: string): Promise<T> {
    await this.indices.ensured();
    const document = await this.client.get<T>(index, id);
    if (!document) throw DomainError.notFound(code, what);
    return document.source;
  }
}
