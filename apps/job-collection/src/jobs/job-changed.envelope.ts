import { createEnvelope, deterministicUuid, EventEnvelope, JobChange, JobChanged, JobChangedData } from '@laowu/contracts';
import { JobEntity } from './job.entity';
import { toJobResponse } from './job.response.dto';

export const PRODUCER = 'job-collection';

/**
 * The job's whole state as a `job.changed` event. The event id is derived from (job, version),
 * so writing the same version twice is refused by the outbox's unique id and readers can dedupe.
 */
export function jobChangedEnvelope(job: JobEntity, change: JobChange): EventEnvelope<JobChangedData> {
  const { id, materialVersion: _m, postedAt, updatedAt, ...view } = toJobResponse(job);
  const data: JobChangedData = { ...view, jobId: id, change, materialVersion: job.materialVersion, postedAt, updatedAt };
  return createEnvelope(JobChanged, data, { producer: PRODUCER, id: deterministicUuid(`job:${job.id}:v${job.version}`), occurredAt: job.updatedAt });
}
