import { type SharingPostStatus, type SharingSide, type WageData } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A skill of a post: for an offer the lent staff's level, for a request the minimum level asked (absent: 1). */
export interface PostSkill {
  code: string;
  level?: number;
}

/** A 共享用工 (二) offer or request at its highest version seen on laowu.sharing.v1. */
@Entity({ schema: SCHEMA, name: 'sharing_posts' })
export class SharingPost {
  @PrimaryColumn('uuid', { name: 'post_id' }) postId: string;
  @Column('text') side: SharingSide;
  @Column('int') version: number;
  @Column('text') status: SharingPostStatus;
  @Column('text', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'employer_id' }) employerId: string;
  @Column('text', { name: 'employer_name' }) employerName: string;
  @Column('int') headcount: number;
  @Column('int', { name: 'open_headcount' }) openHeadcount: number;
  @Column('jsonb') skills: PostSkill[];
  /** The period, calendar dates 'YYYY-MM-DD', both days included. */
  @Column('date', { name: 'from_date' }) from: string;
  @Column('date', { name: 'to_date' }) to: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  @Column('jsonb', { nullable: true }) wage: WageData | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
