import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A 劳务品牌 (四) a bureau added to the registry, kept from `laowu.reference.v1` LaborBrandChanged
 * (newest `updatedAt` wins). The seeded brands of @laowu/domain are never stored here.
 */
@Entity({ name: 'labor_brands' })
export class LaborBrandEntity {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('text') trade: string;
  @Column('text', { array: true }) keywords: string[];
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
