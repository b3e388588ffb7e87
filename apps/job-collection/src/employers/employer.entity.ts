import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A registered employer (用人单位), identified by its 统一社会信用代码 (unique). `workshop`: a
 * 就业帮扶车间 (十四). `agencyId`: the agency that registered it.
 */
@Entity({ name: 'employers' })
export class EmployerEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column('text') name: string;
  @Column({ name: 'credit_code', type: 'char', length: 18 }) creditCode: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column('boolean') workshop: boolean;
  @Column('integer') version: number;
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
