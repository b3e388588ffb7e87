import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Dispatch's view of a registered employer (用工单位), kept from `laowu.reference.v1`
 * EmployerRegistered (newest version wins): a placement's or batch's `employerId` resolves here.
 * An organisation's data only.
 */
@Entity({ name: 'employer_view', schema: SCHEMA })
export class EmployerViewEntity {
  @PrimaryColumn({ name: 'employer_id', type: 'uuid' }) employerId: string;
  @Column('int') version: number;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column('text') name: string;
  @Column({ name: 'credit_code', type: 'text' }) creditCode: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  /** 就业帮扶车间 (十四) as its agency registered it. */
  @Column('boolean') workshop: boolean;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
