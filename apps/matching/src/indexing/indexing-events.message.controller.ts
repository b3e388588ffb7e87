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
 *
 * The standard lane's pushes run in a consumer group of their own (`consumer: 'pushes'`,
 * consumer-groups.ts of @laowu/messaging): each reads the topic at its own pace, so a bulk load
 * is searchable at indexing speed while its cross-region pushes (a ranking query per job) follow.
 * Each group commits its offsets after its own effect.
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

  /** Standard lane: every job. */
  @EventPattern(TOPICS.jobs, { batch: true })
  async onJobsChanged(envelopes: EventEnvelope<JobChangedData>[]): Promise<void> {
    await writeVersioned(this.client, this.indices.jobs.alias, await this.latestJobs(envelopes));
  }

  /** Standard lane, its pushes' own consumer: the cross-region pushes (五). */
  @EventPattern(TOPICS.jobs, { batch: true, consumer: 'pushes' })
  async onJobsToPush(envelopes: EventEnvelope<JobChangedData>[]): Promise<void> {
    const jobs = await this.latestJobs(envelopes);
    await this.jobPushes.push('cross_region_job', jobs.map((j) => j.source));
  }

  /** Standard lane: every worker. */
  @EventPattern(TOPICS.workers, { batch: true })
  async onWorkersChanged(envelopes: EventEnvelope<WorkerChangedData>[]): Promise<void> {
    await this.indices.ensured();
    const workers = latestPerId(envelopes.map((e) => toWorkerDocument(e.data)), (w) => w.workerId);
    await writeVersioned(this.client, this.indices.workers.alias, workers.map((source) => ({ id: source.workerId, version: source.version, source })));
  }

  /** Standard lane, its pushes' own consumer: the best jobs of a worker who became available (十四). */
  @EventPattern(TOPICS.workers, { batch: true, consumer: 'pushes' })
  async onWorkersToPush(envelopes: EventEnvelope<WorkerChangedData>[]): Promise<void> {
    await this.indices.ensured();
    // Every state, not only the latest: a registration and a status change may arrive together.
    await this.workerPushes.push(envelopes.map((e) => toWorkerDocument(e.data)));
  }

  private async latestJobs(envelopes: EventEnvelope<JobChangedData>[]) {
    await this.indices.ensured();
    return latestPerId(envelopes.map((e) => e.data), (job) => job.jobId).map((job) => ({ id: job.jobId, version: job.version, source: toJobDocument(job, (code) => this.brands.namesOf(code)) }));
  }
}
