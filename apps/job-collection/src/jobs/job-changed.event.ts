import { createEnvelope, deterministicUuid, type EventEnvelope, type JobChange, JobChanged, type JobChangedData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { ageRangeOf, type JobEntity, orUndefined } from './job.entity';

/**
 * The job's whole state as JobChangedData, built field by field from the row (never from the
 * HTTP response: consumers refuse unknown fields, so an API-only field would dead-letter every
 * job event).
 */
function jobChangedData(job: JobEntity, change: JobChange): JobChangedData {
  return {
    jobId: job.id,
    version: job.version,
    change,
    status: job.status,
    agencyId: job.agencyId,
    externalId: orUndefined(job.externalId),
    title: job.title,
    description: orUndefined(job.description),
    kind: job.kind,
    occupationCode: orUndefined(job.occupationCode),
    skills: job.skills.map(({ code, minLevel }) => ({ code, minLevel })),
    headcount: job.headcount,
    filled: job.filled,
    wage: { min: job.wageMin, max: job.wageMax, unit: job.wageUnit },
    location: { regionCode: job.regionCode, lat: job.lat, lon: job.lon, address: orUndefined(job.address) },
    crossRegion: job.sourceRegionCodes ? { sourceRegionCodes: [...job.sourceRegionCodes] } : undefined,
    ageRange: ageRangeOf(job),
    olderWorkerFriendly: job.olderWorkerFriendly,
    startAt: job.startAt?.toISOString(),
    endAt: job.endAt?.toISOString(),
    instant: job.instant,
    benefits: job.benefits ? benefitsOf(job.benefits) : undefined,
    relocationQuotaPct: orUndefined(job.relocationQuotaPct),
    laborBrand: orUndefined(job.laborBrand),
    requiredCertificates: job.requiredCertificates.length ? [...job.requiredCertificates] : undefined,
    employerId: orUndefined(job.employerId),
    materialVersion: job.materialVersion,
    postedAt: job.postedAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}

const benefitsOf = ({ housing, meals, transport, injuryInsurance }: NonNullable<JobEntity['benefits']>) => ({ housing, meals, transport, injuryInsurance });

/**
 * The job's `job.changed` event. The event id is derived from (job, version), so writing the same
 * version twice is refused by the outbox's unique id and readers can dedupe.
 */
export function jobChangedEvent(job: JobEntity, change: JobChange, producer: string): EventEnvelope<JobChangedData> {
  return createEnvelope(JobChanged, jobChangedData(job, change), {
    producer,
    id: deterministicUuid(`job:${job.id}:v${job.version}`),
    occurredAt: job.updatedAt,
  });
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
export async function appendJobChanges(manager: EntityManager, jobs: JobEntity[], change: JobChange, producer: string): Promise<void> {
  await appendToOutbox(manager, SCHEMA, TOPICS.jobs, jobs.map((job) => jobChangedEvent(job, change, producer)));
  const instant = jobs.filter(isInstantLaneJob).map((job) => {
    const event = jobChangedEvent(job, change, producer);
    return { ...event, id: deterministicUuid(`job:${job.id}:v${job.version}:instant`) };
  });
  await appendToOutbox(manager, SCHEMA, TOPICS.jobsInstant, instant);
}
