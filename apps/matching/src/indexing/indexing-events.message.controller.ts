import { EventEnvelope, JobChangedData, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { latestPerId } from '@laowu/messaging';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { writeVersioned } from './index-writer';
import { toJobDocument } from './job.document';
import { LaborBrandNames } from './labor-brand-names';
import { SearchIndices } from './search-indices';
import { JobPushes, WorkerPushes } from './triggered-pushes';
import { toWorkerDocument } from './worker.document';

/**
 * Keeps `jobs` and `workers` in step with the job and worker topics, and starts the pushes they
 * trigger. Envelopes arrive validated (invalid ones went to `<topic>.dlq`); each batch is one bulk
 * write with external versions, and the offsets are committed after this returns. A crash halfway
 * through a batch re-delivers it: documents already written answer 409 and count as done, pushes
 * already committed are claimed and not repeated.
 *
 * A gig or instant job arrives twice: on laowu.jobs.instant.v1 (the instant lane's own consumer
 * group, so no standard-lane backlog delays it) and on laowu.jobs.v1. Whichever comes second
 * writes nothing new (same external version).
 */
@Controller()
export class IndexingEventsMessageController {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly jobPushes: JobPushes,
    private readonly workerPushes: WorkerPushes,
    private readonly brands: LaborBrandNames,
  ) {}

  /** Instant lane: 即时快招. The candidates query reads `workers`, not the job just written, so both run side by side. */
  @EventPattern(TOPICS.jobsInstant, { batch: true })
  async onInstantJobsChanged(envelopes: EventEnvelope<JobChangedData>[]): Promise<void> {
    const jobs = await this.latestJobs(envelopes);
    await Promise.all([writeVersioned(this.client, this.indices.jobs.alias, jobs), this.jobPushes.push('instant_job', jobs.map((j) => j.source))]);
  }

  /** Standard lane: every job, and the cross-region pushes (五). */
  @EventPattern(TOPICS.jobs, { batch: true })
  async onJobsChanged(envelopes: EventEnvelope<JobChangedData>[]): Promise<void> {
    const jobs = await this.latestJobs(envelopes);
    await Promise.all([writeVersioned(this.client, this.indices.jobs.alias, jobs), this.jobPushes.push('cross_region_job', jobs.map((j) => j.source))]);
  }

  /** Standard lane: every worker, and the best jobs of a worker who became available (十四). */
  @EventPattern(TOPICS.workers, { batch: true })
  async onWorkersChanged(envelopes: EventEnvelope<WorkerChangedData>[]): Promise<void> {
    await this.indices.ensured();
    const states = envelopes.map((e) => toWorkerDocument(e.data));
    const workers = latestPerId(states, (w) => w.workerId).map((source) => ({ id: source.workerId, version: source.version, source }));
    // Every state, not only the latest: a registration and a status change may arrive together.
    await Promise.all([writeVersioned(this.client, this.indices.workers.alias, workers), this.workerPushes.push(states)]);
  }

  private async latestJobs(envelopes: EventEnvelope<JobChangedData>[]) {
    await this.indices.ensured();
    return latestPerId(envelopes.map((e) => e.data), (job) => job.jobId).map((job) => ({ id: job.jobId, version: job.version, source: toJobDocument(job, (code) => this.brands.namesOf(code)) }));
  }
}
