import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * An employer flagged as a 就业帮扶车间 (十四) by the bureau of its region. Until the employer
 * registry (issue 13) exists, the employer is its 统一社会信用代码, as placements carry it.
 */
@Entity({ name: 'workshops', schema: SCHEMA })
export class WorkshopEntity {
  @PrimaryColumn({ name: 'credit_code', type: 'text' }) creditCode: string;
  @Column('text') name: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column({ name: 'flagged_by', type: 'text' }) flaggedBy: string;
  @Column({ name: 'flagged_at', type: 'timestamptz' }) flaggedAt: Date;
}
