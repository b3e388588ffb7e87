import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { AgeRangeData, JOB_KINDS, JobKind, LocationData, REGION_CODE_PATTERN, SKILL_CODE_PATTERN, WageData } from '../../common.dto';
import { EventDefinition } from '../../envelope/create-envelope';
import { JOB_LIMITS } from '../job-limits';

export const JOB_STATUSES = ['open', 'filled', 'closed', 'expired'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** What happened to the job; the event always carries the job's whole current state. */
export const JOB_CHANGES = ['created', 'updated', 'closed', 'expired', 'filled_count'] as const;
export type JobChange = (typeof JOB_CHANGES)[number];

export class JobSkillData {
  @IsString()
  @MaxLength(64)
  code: string;

  @IsOptional()
  @IsInt()
  @Min(JOB_LIMITS.skillLevel.min)
  @Max(JOB_LIMITS.skillLevel.max)
  minLevel?: number;
}

export class CrossRegionData {
  @IsArray()
  @Matches(REGION_CODE_PATTERN, { each: true })
  sourceRegionCodes: string[];
}

export class BenefitsData {
  @IsOptional() @IsBoolean() housing?: boolean;
  @IsOptional() @IsBoolean() meals?: boolean;
  @IsOptional() @IsBoolean() transport?: boolean;
  @IsOptional() @IsBoolean() injuryInsurance?: boolean;
}

/**
 * `laowu.jobs.v1` — the job's latest state (the topic is compacted). `version` is monotonic per
 * job: readers use it as an external version so a replay or a stale duplicate changes nothing.
 */
export class JobChangedData {
  @IsUUID() jobId: string;
  @IsInt() @Min(1) version: number;
  @IsIn(JOB_CHANGES) change: JobChange;
  @IsIn(JOB_STATUSES) status: JobStatus;
  @IsString() @MaxLength(100) agencyId: string;
  @IsOptional() @IsString() @MaxLength(JOB_LIMITS.externalId.maxLength) externalId?: string;
  @IsString() @MaxLength(JOB_LIMITS.title.maxLength) title: string;
  @IsOptional() @IsString() @MaxLength(JOB_LIMITS.description.maxLength) description?: string;
  @IsIn(JOB_KINDS) kind: JobKind;
  @IsOptional() @IsString() @MaxLength(20) occupationCode?: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => JobSkillData) skills: JobSkillData[];
  @IsInt() @Min(JOB_LIMITS.headcount.min) headcount: number;
  @IsInt() @Min(0) filled: number;
  @ValidateNested() @Type(() => WageData) wage: WageData;
  @ValidateNested() @Type(() => LocationData) location: LocationData;
  @IsOptional() @ValidateNested() @Type(() => CrossRegionData) crossRegion?: CrossRegionData;
  @IsOptional() @ValidateNested() @Type(() => AgeRangeData) ageRange?: AgeRangeData;
  @IsBoolean() olderWorkerFriendly: boolean;
  @IsOptional() @IsISO8601() startAt?: string;
  @IsOptional() @IsISO8601() endAt?: string;
  @IsBoolean() instant: boolean;
  @IsOptional() @ValidateNested() @Type(() => BenefitsData) benefits?: BenefitsData;
  @IsOptional() @IsInt() @Min(JOB_LIMITS.relocationQuotaPct.min) @Max(JOB_LIMITS.relocationQuotaPct.max) relocationQuotaPct?: number;
  /** A 劳务品牌 code of the labour-brand registry (job-collection resolves a posted name to its code). */
  @IsOptional() @IsString() @MaxLength(JOB_LIMITS.laborBrand.maxLength) laborBrand?: string;
  /** Special-operations certificates the work legally needs: a hard filter (a worker needs each, still valid). */
  @IsOptional() @IsArray() @Matches(SKILL_CODE_PATTERN, { each: true }) requiredCertificates?: string[];
  /** The registered employer (POST /v1/employers) the job is for. */
  @IsOptional() @IsUUID() employerId?: string;
  /**
   * Bumped only when what a worker would judge the job by changes (not for filled counts): the
   * instant path announces each job–worker pair once per material version.
   */
  @IsInt() @Min(1) materialVersion: number;
  @IsISO8601() postedAt: string;
  @IsISO8601() updatedAt: string;
}

export const JobChanged: EventDefinition<JobChangedData> = {
  type: 'job.changed',
  schemaVersion: 1,
  keyOf: (data) => data.jobId,
};
