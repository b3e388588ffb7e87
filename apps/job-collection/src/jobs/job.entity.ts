import type { JobKind, JobStatus, WageUnit } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export interface JobSkill {
  code: string;
  minLevel?: number;
}

export interface JobBenefits {
  housing?: boolean;
  meals?: boolean;
  transport?: boolean;
  injuryInsurance?: boolean;
}

/** numeric comes back from pg as a string; wages are small enough for a JS number. */
const numericAsNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/** A posted job. `version` rises on every change, `materialVersion` only when its content does. */
@Entity({ name: 'jobs' })
export class JobEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column({ name: 'external_id', type: 'text', nullable: true }) externalId: string | null;
  /** Hash of the create request, so a repeated create with the same externalId can be told apart. */
  @Column({ name: 'request_hash', type: 'text', nullable: true }) requestHash: string | null;
  /** Hash of what a worker judges the job by; a PUT that changes it bumps materialVersion. */
  @Column({ name: 'material_hash', type: 'text' }) materialHash: string;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column('text') kind: JobKind;
  @Column({ name: 'occupation_code', type: 'text', nullable: true }) occupationCode: string | null;
  @Column('jsonb') skills: JobSkill[];
  @Column('integer') headcount: number;
  @Column('integer') filled: number;
  @Column({ name: 'wage_min', type: 'numeric', transformer: numericAsNumber }) wageMin: number;
  @Column({ name: 'wage_max', type: 'numeric', transformer: numericAsNumber }) wageMax: number;
  @Column({ name: 'wage_unit', type: 'text' }) wageUnit: WageUnit;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  @Column('double precision') lat: number;
  @Column('double precision') lon: number;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ name: 'source_region_codes', type: 'text', array: true, nullable: true }) sourceRegionCodes: string[] | null;
  @Column({ name: 'age_min', type: 'integer', nullable: true }) ageMin: number | null;
  @Column({ name: 'age_max', type: 'integer', nullable: true }) ageMax: number | null;
  @Column({ name: 'older_worker_friendly', type: 'boolean' }) olderWorkerFriendly: boolean;
  @Column({ name: 'start_at', type: 'timestamptz', nullable: true }) startAt: Date | null;
  @Column({ name: 'end_at', type: 'timestamptz', nullable: true }) endAt: Date | null;
  @Column('boolean') instant: boolean;
  @Column({ type: 'jsonb', nullable: true }) benefits: JobBenefits | null;
  @Column({ name: 'relocation_quota_pct', type: 'integer', nullable: true }) relocationQuotaPct: number | null;
  /** A 劳务品牌 code (seeded or bureau-added); a posted name is stored as its code. */
  @Column({ name: 'labor_brand', type: 'text', nullable: true }) laborBrand: string | null;
  /** The brand's name when the job was written (brands are never renamed), for responses. */
  @Column({ name: 'labor_brand_name', type: 'text', nullable: true }) laborBrandName: string | null;
  /** Certificate codes the work legally needs (特种作业, 十). */
  @Column({ name: 'required_certificates', type: 'text', array: true }) requiredCertificates: string[];
  /** Placements ever started in the job (dispatch's PlacementStarted), for per-brand figures; never decreases. */
  @Column({ name: 'placements_started', type: 'integer' }) placementsStarted: number;
  /** The registered employer (用人单位) the job is for. */
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId: string | null;
  @Column('text') status: JobStatus;
  @Column('integer') version: number;
  @Column({ name: 'material_version', type: 'integer' }) materialVersion: number;
  @Column({ name: 'posted_at', type: 'timestamptz' }) postedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** A nullable column as an optional field: JSON (a response, an event) leaves `undefined` out. */
export const orUndefined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

export function ageRangeOf(job: Pick<JobEntity, 'ageMin' | 'ageMax'>): { min?: number; max?: number } | undefined {
  return job.ageMin === null && job.ageMax === null ? undefined : { min: orUndefined(job.ageMin), max: orUndefined(job.ageMax) };
}
