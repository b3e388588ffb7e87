import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A 劳务品牌 added by a bureau or admin (the seeded ones live in @laowu/domain and are not stored). */
@Entity({ name: 'labor_brands' })
export class LaborBrandEntity {
  @PrimaryColumn('text') code: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column('text') trade: string;
  @Column({ type: 'text', array: true }) keywords: string[];
  /** `<role>:<sub>` of who added it. */
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
