import { type JobKind, type PlacementEndReason, type PlacementSource, type PriorityGroup } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A worker at work for an employer (就业), from an accepted match, a batch arrival, a direct hire or a 共享用工 agreement. */
@Entity({ name: 'placements', schema: SCHEMA })
export class PlacementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'worker_id', type: 'uuid' }) workerId: string;
  @Column({ name: 'job_id', type: 'uuid', nullable: true }) jobId: string | null;
  @Column({ name: 'match_id', type: 'uuid', nullable: true }) matchId: string | null;
  @Column({ name: 'batch_id', type: 'uuid', nullable: true }) batchId: string | null;
  @Column('text') source: PlacementSource;
  /** The job's agency; none for a station's direct hire without a job. */
  @Column({ name: 'agency_id', type: 'text', nullable: true }) agencyId: string | null;
  /** The worker's station when the placement was made. */
  @Column({ name: 'station_id', type: 'text', nullable: true }) stationId: string | null;
  /** The registered employer (employer_view), when the placement names one. */
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId: string | null;
  /** The 共享用工 agreement a `sharing` placement comes from. */
  @Column({ name: 'agreement_id', type: 'uuid', nullable: true }) agreementId: string | null;
  @Column({ name: 'employer_name', type: 'text' }) employerName: string;
  @Column({ name: 'employer_credit_code', type: 'text', nullable: true }) employerCreditCode: string | null;
  /** Where the work is. */
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  /** The worker's residence when placed: a bureau there sees the placement too. */
  @Column({ name: 'worker_region_code', type: 'char', length: 6 }) workerRegionCode: string;
  @Column({ name: 'job_kind', type: 'text', nullable: true }) jobKind: JobKind | null;
  @Column({ name: 'priority_groups', type: 'text', array: true }) priorityGroups: PriorityGroup[];
  @Column('boolean') concurrent: boolean;
  @Column({ type: 'jsonb', nullable: true }) wage: { amount: number; unit: string } | null;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'planned_end_date', type: 'date', nullable: true }) plannedEndDate: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason: PlacementEndReason | null;
  @Column('boolean') active: boolean;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
}
