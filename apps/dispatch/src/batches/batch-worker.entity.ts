import { PriorityGroup } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

export const SEAT_STATUSES = ['seated', 'boarded', 'arrived', 'no_show'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];
export type SeatBasis = 'accepted_match' | 'willing_to_migrate';

/** A seat counts against capacity unless its worker did not show up at departure. */
export const takesASeat = (seat: Pick<BatchWorkerEntity, 'status'>): boolean => seat.status !== 'no_show';
/** takesASeat as SQL over batch_workers. */
export const TAKES_A_SEAT_SQL = `status <> 'no_show'`;

/** One worker on a batch's manifest. `active` is true while the batch is neither closed nor cancelled. */
@Entity({ name: 'batch_workers', schema: SCHEMA })
export class BatchWorkerEntity {
  @PrimaryColumn({ name: 'batch_id', type: 'uuid' }) batchId: string;
  @PrimaryColumn({ name: 'worker_id', type: 'uuid' }) workerId: string;
  /** The job the worker goes to: the accepted match's job, or the batch's first job. */
  @Column({ name: 'job_id', type: 'uuid' }) jobId: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'match_id', type: 'uuid', nullable: true }) matchId: string | null;
  @Column('text') basis: SeatBasis;
  @Column({ name: 'station_id', type: 'text', nullable: true }) stationId: string | null;
  @Column({ name: 'priority_groups', type: 'text', array: true }) priorityGroups: PriorityGroup[];
  @Column('text') status: SeatStatus;
  @Column('boolean') active: boolean;
  @Column({ name: 'seated_at', type: 'timestamptz' }) seatedAt: Date;
  @Column({ name: 'boarded_at', type: 'timestamptz', nullable: true }) boardedAt: Date | null;
  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true }) arrivedAt: Date | null;
}
