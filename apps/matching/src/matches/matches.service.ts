import { Principal, regionContains } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Inject, Injectable } from '@nestjs/common';
import { JobDocument } from '../indexing/job.document';
import { SearchIndices } from '../indexing/search-indices';
import { WorkerDocument } from '../indexing/worker.document';
import { DeclinedPairsService, excludingIds } from '../push/declined-pairs.service';
import { RankedJob, RankedWorker, RankingService } from '../ranking/ranking.service';

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
    const worker = await this.get<WorkerDocument>(this.indices.workers.alias, workerId, 'WORKER.NOT_FOUND', 'worker');
    if (principal.role === 'station' && worker.stationId !== principal.sub && !regionContains(principal.region, worker.residenceRegionCode)) {
      throw DomainError.forbidden('WORKER.NOT_YOURS', 'a station sees only workers it registered or who live in its region');
    }
    const declined = await this.declined.jobsDeclinedBy([workerId]);
    return this.ranking.jobsForWorker(worker, limit, new Date(), excludingIds(declined.get(workerId)));
  }

  async candidatesForJob(principal: Principal, jobId: string, limit: number): Promise<RankedWorker[]> {
    const job = await this.get<JobDocument>(this.indices.jobs.alias, jobId, 'JOB.NOT_FOUND', 'job');
    if (principal.role === 'agency' && job.agencyId !== principal.sub) {
      throw DomainError.forbidden('JOB.NOT_YOURS', 'an agency sees candidates for its own jobs only');
    }
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
