import type { EmploymentStatus } from '@laowu/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationBasis } from './worker.entity';

/**
 * `default`: the assumed starting status of a worker registered without one (seeking, from the
 * registration day). It is a guess, so any recorded entry outranks it, whatever its date.
 */
export type StatusSource = 'default' | 'registration' | 'station' | 'dispatch';

/**
 * What let a station that cannot read the worker record the entry (九, see worker.access):
 * an employment of the worker on record inside the station's region, or the station's own
 * declaration that the worker is insured there. Null when the recorder may read the worker.
 */
export type AuditedBasis = 'workplace_on_record' | 'insurance_declared';

/**
 * One entry of a worker's employment-status history, effective from `effectiveDate`. Entries
 * are only ever added; the current status is the latest effective one (by date, then by entry),
 * a `default` entry only while nothing else is recorded.
 */
@Entity({ name: 'employment_status_history' })
export class EmploymentStatusEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) seq: string;
  @Column('uuid', { name: 'worker_id' }) workerId: string;
  @Column('text') status: EmploymentStatus;
  @Column('date', { name: 'effective_date' }) effectiveDate: string;
  /** Where the status was registered (for unemployment: residence, employment or insurance place, 九). */
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('text', { name: 'registered_at', nullable: true }) registeredAt: RegistrationBasis | null;
  @Column('text', { nullable: true }) employer: string | null;
  @Column('text') source: StatusSource;
  @Column('text', { nullable: true }) basis: AuditedBasis | null;
  /** The principal (or event) that recorded it. */
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' }) recordedAt: Date;
}
