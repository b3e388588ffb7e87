import { createEnvelope, deterministicUuid, EventEnvelope, JobChange, JobChanged, JobChangedData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
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

/** 零工 gig work and jobs flagged instant travel in the instant lane (即时快招, 九). */
export const isInstantLaneJob = (job: Pick<JobEntity, 'kind' | 'instant'>): boolean => job.kind === 'gig' || job.instant;

/**
 * Appends the jobs' events in the caller's transaction: every job to laowu.jobs.v1 (the compacted
 * state topic, standard lane), and a gig or instant job's also to laowu.jobs.instant.v1, which
 * has its own outbox relay and consumers, so a bulk load queued in the standard lane never
 * delays it. The copy has an id of its own (the outbox's ids are unique); readers apply both
 * idempotently (external versions, announcement claims).
 */
export async function appendJobChanges(manager: EntityManager, jobs: JobEntity[], change: JobChange): Promise<void> {
  await appendToOutbox(manager, SCHEMA, TOPICS.jobs, jobs.map((job) => jobChangedEnvelope(job, change)));
  const instant = jobs.filter(isInstantLaneJob).map((job) => {
    const envelope = jobChangedEnvelope(job, change);
    return { ...envelope, id: deterministicUuid(`job:${job.id}:v${job.version}:instant`) };
  });
  await appendToOutbox(manager, SCHEMA, TOPICS.jobsInstant, instant);
}
