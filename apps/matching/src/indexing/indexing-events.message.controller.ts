import { EventEnvelope, JobChangedData, TOPICS, WorkerChangedData } from '@laowu/contracts';
import { SEARCH_CLIENT, SearchClient } from '@laowu/search';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { InstantHiringService } from '../instant/instant-hiring.service';
import { latestPerId, writeVersioned } from './index-writer';
import { toJobDocument } from './job.document';
import { SearchIndices } from './search-indices';
import { toWorkerDocument } from './worker.document';

/**
 * Keeps `jobs` and `workers` in step with laowu.jobs.v1 and laowu.workers.v1. Envelopes arrive
 * validated (invalid ones went to `<topic>.dlq`); each batch is one bulk write with external
 * versions, and the offsets are committed after this returns. A crash halfway through a batch
 * re-delivers it: documents already written answer 409 and count as done.
 */
@Controller()
export class IndexingEventsMessageController {
  constructor(
    @Inject(SEARCH_CLIENT) private readonly client: SearchClient,
    private readonly indices: SearchIndices,
    private readonly instant: InstantHiringService,
  ) {}

  @EventPattern(TOPICS.jobs, { batch: true })
  async onJobsChanged(envelopes: EventEnvelope<JobChangedData>[]): Promise<void> {
    await this.indices.ensured();
    const jobs = latestPerId(envelopes.map((e) => ({ id: e.data.jobId, version: e.data.version, source: toJobDocument(e.data) })));
    // Side by side: the instant path queries `workers`, not the job just written. Both are
    // idempotent and the offsets are committed after both, so a crash in either repeats both.
    await Promise.all([writeVersioned(this.client, this.indices.jobs.alias, jobs), this.instant.handle(jobs.map((j) => j.source))]);
  }

  @EventPattern(TOPICS.workers, { batch: true })
  async onWorkersChanged(envelopes: EventEnvelope<WorkerChangedData>[]): Promise<void> {
    await this.indices.ensured();
    const workers = envelopes.map((e) => ({ id: e.data.workerId, version: e.data.version, source: toWorkerDocument(e.data) }));
    await writeVersioned(this.client, this.indices.workers.alias, latestPerId(workers));
  }
}
