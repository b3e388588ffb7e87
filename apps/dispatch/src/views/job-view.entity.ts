import { type JobKind } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Dispatch's local view of a job, kept from `laowu.jobs.v1` (newest version wins). Dispatch never
 * reads job-collection's tables; headcount checks and outcome figures use this.
 */
@Entity({ name: 'job_view', schema: SCHEMA })
export class JobViewEntity {
  @PrimaryColumn({ name: 'job_id', type: 'uuid' }) jobId: string;
  /** 0 for a provisional row made from a match's job summary before the job event arrived. */
  @Column('int') version: number;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column('text') status: string;
  @Column('int') headcount: number;
  @Column('int') filled: number;
  @Column('text') title: string;
  @Column('text') kind: JobKind;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** The job's `endAt`: a public-welfare post's placements end with it. */
  @Column({ name: 'end_at', type: 'timestamptz', nullable: true }) endAt: Date | null;
}
