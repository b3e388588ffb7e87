import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../common/numeric-column';

/** One month of a worker's flexible income (灵活就业收入, 十六), as the station last recorded it. */
@Entity({ name: 'worker_income' })
export class WorkerIncome {
  @PrimaryColumn('uuid', { name: 'worker_id' }) workerId: string;
  /** YYYY-MM */
  @PrimaryColumn('text') month: string;
  /** CNY */
  @Column('numeric', { name: 'flexible_income', precision: 10, scale: 2, transformer: numericColumn }) flexibleIncome: number;
  /** The principal that recorded it (`station:<id>`, `admin:<id>`). */
  @Column('text', { name: 'recorded_by' }) recordedBy: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
