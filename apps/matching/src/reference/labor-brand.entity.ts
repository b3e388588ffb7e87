import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A bureau-added labour brand (劳务品牌, 四) as laowu.reference.v1 last carried it; seeded brands live in @laowu/domain. */
@Entity({ schema: SCHEMA, name: 'labor_brands' })
export class LaborBrandRow {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('text') trade: string;
  @Column('text', { array: true }) keywords: string[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
