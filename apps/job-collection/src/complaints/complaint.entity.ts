import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';
import { type ComplaintKind, type ComplaintStatus } from './complaint-status';

/** One status change of a complaint: who (a bureau or admin id, never a person's data), when, and the note (numbers redacted). */
export interface ComplaintStatusChange {
  status: ComplaintStatus;
  at: string;
  by: string;
  note?: string;
}

/**
 * A 维权 / 根治欠薪 complaint (十一) filed by a station for one of its workers. Holds the worker's
 * id only: never the worker's name, ID number or phone.
 */
@Entity({ name: 'complaints', schema: SCHEMA })
export class ComplaintEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'station_id', type: 'text' }) stationId: string;
  @Column({ name: 'worker_id', type: 'uuid' }) workerId: string;
  @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId: string | null;
  @Column({ name: 'employer_name', type: 'text' }) employerName: string;
  @Column({ name: 'employer_credit_code', type: 'char', length: 18, nullable: true }) employerCreditCode: string | null;
  @Column({ name: 'employer_region_code', type: 'char', length: 6, nullable: true }) employerRegionCode: string | null;
  /** Where the complaint is handled: every bureau whose region contains it sees it. */
  @Column({ name: 'routed_region_code', type: 'char', length: 6 }) routedRegionCode: string;
  @Column('text') kind: ComplaintKind;
  /** CNY; numeric(12,2) read back as a number. */
  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  amount: number | null;
  @Column('text') description: string;
  @Column('text') status: ComplaintStatus;
  @Column({ type: 'jsonb' }) history: ComplaintStatusChange[];
  @Column({ name: 'filed_at', type: 'timestamptz' }) filedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
