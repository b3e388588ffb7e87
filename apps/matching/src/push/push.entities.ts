import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * The last material version of a job whose candidates were pushed, per trigger (instant_job,
 * cross_region_job). Written in the same transaction as the MatchesFound events in the outbox:
 * a replay or restart sees it and does not push the same version again.
 */
@Entity({ schema: SCHEMA, name: 'job_announcements' })
export class JobAnnouncement {
  @PrimaryColumn('uuid', { name: 'job_id' }) jobId: string;
  @PrimaryColumn('text') trigger: string;
  @Column('int', { name: 'material_version' }) materialVersion: number;
  @Column('int', { name: 'match_count' }) matchCount: number;
  @Column('timestamptz', { name: 'announced_at' }) announcedAt: Date;
}

/**
 * The last version and employment status of each worker seen on laowu.workers.v1: a worker who
 * *becomes* unemployed or seeking is told apart from one whose profile merely changed.
 */
@Entity({ schema: SCHEMA, name: 'worker_push_states' })
export class WorkerPushState {
  @PrimaryColumn('uuid', { name: 'worker_id' }) workerId: string;
  @Column('int') version: number;
  @Column('text', { name: 'employment_status' }) employmentStatus: string;
  @Column('timestamptz', { name: 'announced_at', nullable: true }) announcedAt: Date | null;
}

/** A (job, worker) pair a station declined: never pushed again, never in the worker's matches. */
@Entity({ schema: SCHEMA, name: 'declined_pairs' })
export class DeclinedPair {
  @PrimaryColumn('uuid', { name: 'worker_id' }) workerId: string;
  @PrimaryColumn('uuid', { name: 'job_id' }) jobId: string;
  @Column('timestamptz', { name: 'declined_at' }) declinedAt: Date;
}
