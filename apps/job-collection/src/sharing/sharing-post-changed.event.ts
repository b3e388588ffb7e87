import { createEnvelope, deterministicUuid, type EventEnvelope, SharingPostChanged, type SharingPostChangedData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { type EntityManager } from 'typeorm';
import { type EmployerEntity } from '../employers/employer.entity';
import { SCHEMA } from '../schema';
import { type SharingPostEntity } from './sharing-post.entity';

/** The post's whole state, field by field from the row and its employer's (never from a response). */
function sharingPostChangedData(post: SharingPostEntity, employer: EmployerEntity): SharingPostChangedData {
  return {
    postId: post.id,
    side: post.side,
    version: post.version,
    status: post.status,
    agencyId: post.agencyId,
    employerId: employer.id,
    employerName: employer.name,
    employerCreditCode: employer.creditCode,
    headcount: post.headcount,
    openHeadcount: post.openHeadcount,
    skills: post.skills.map(({ code, level }) => (level === undefined ? { code } : { code, level })),
    from: post.from,
    to: post.to,
    regionCode: post.regionCode,
    wage: post.wage ? { min: post.wage.min, max: post.wage.max, unit: post.wage.unit } : undefined,
    updatedAt: post.updatedAt.toISOString(),
  };
}

/** The post's `sharing.post-changed` (id derived from post and version, so a version is written once). */
export function sharingPostChangedEvent(post: SharingPostEntity, employer: EmployerEntity, producer: string): EventEnvelope<SharingPostChangedData> {
  return createEnvelope(SharingPostChanged, sharingPostChangedData(post, employer), {
    producer,
    id: deterministicUuid(`sharing-post:${post.id}:v${post.version}`),
    occurredAt: post.updatedAt,
  });
}

/** Appends the posts' events to laowu.sharing.v1 in the caller's transaction. */
export async function appendSharingPostChanges(
  manager: EntityManager,
  posts: { post: SharingPostEntity; employer: EmployerEntity }[],
  producer: string,
): Promise<void> {
  await appendToOutbox(manager, SCHEMA, TOPICS.sharing, posts.map(({ post, employer }) => sharingPostChangedEvent(post, employer, producer)));
}
