import type { SharingPostStatus, SharingSide, WageUnit } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface SharingSkill {
  code: string;
  level?: number;
}

export interface SharingWage {
  min: number;
  max: number;
  unit: WageUnit;
}

/**
 * A 共享用工 post (二): an offer lends an employer's idle staff, a request asks staff for an
 * employer short of labour, for a period in a region. Agreements lower `openHeadcount`; `version`
 * rises on every change.
 */
@Entity({ name: 'sharing_posts' })
export class SharingPostEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') side: SharingSide;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'employer_id', type: 'uuid' }) employerId: string;
  @Column('integer') headcount: number;
  @Column({ name: 'open_headcount', type: 'integer' }) openHeadcount: number;
  @Column('jsonb') skills: SharingSkill[];
  @Column({ name: 'from_date', type: 'date' }) from: string;
  @Column({ name: 'to_date', type: 'date' }) to: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column({ type: 'jsonb', nullable: true }) wage: SharingWage | null;
  @Column('text') status: SharingPostStatus;
  @Column('integer') version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
