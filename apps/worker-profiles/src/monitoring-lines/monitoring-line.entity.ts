import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericColumn } from '../common/numeric-column';

/** A region's monitoring line (防止返贫监测范围, 十六): annual income in CNY, set by its bureau. */
@Entity({ name: 'monitoring_lines' })
export class MonitoringLine {
  @PrimaryColumn('text', { name: 'region_code' }) regionCode: string;
  @Column('numeric', { name: 'annual_income', precision: 10, scale: 2, transformer: numericColumn }) annualIncome: number;
  /** The principal that set it last (`bureau:<id>`, `admin:<id>`). */
  @Column('text', { name: 'set_by' }) setBy: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
