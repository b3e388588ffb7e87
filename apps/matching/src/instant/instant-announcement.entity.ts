import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * The last material version of a job whose candidates were announced (即时快招). Written in the
 * same transaction as the MatchFound events in the outbox: a replay or restart sees it and does
 * not announce the same version again.
 */
@Entity({ schema: SCHEMA, name: 'instant_announcements' })
export class InstantAnnouncement {
  @PrimaryColumn('uuid', { name: 'job_id' })
  jobId: string;

  @Column('int', { name: 'material_version' })
  materialVersion: number;

  @Column('int', { name: 'match_count' })
  matchCount: number;

  @Column('timestamptz', { name: 'announced_at' })
  announcedAt: Date;
}
