import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import {
  AmountPerUnitData, EMPLOYMENT_STATUSES, EmploymentStatus, GeoPointData, JOB_KINDS, JobKind, PRIORITY_GROUPS, PriorityGroup,
  REGION_CODE_PATTERN, SkillLevelData,
} from '../../common.dto';
import { CALENDAR_DATE_PATTERN } from '../../dispatch/placements';
import { EventDefinition } from '../../envelope/create-envelope';

/** A certificate the worker holds; it counts for a job's `requiredCertificates` until `validUntil` (none: no expiry known). */
export class CertificateHeldData extends SkillLevelData {
  @IsOptional() @Matches(CALENDAR_DATE_PATTERN) validUntil?: string;
}

export class WorkerPreferencesData {
  @IsArray() @IsIn(JOB_KINDS, { each: true }) kinds: JobKind[];
  @IsBoolean() willingToMigrate: boolean;
  @IsArray() @Matches(REGION_CODE_PATTERN, { each: true }) targetRegionCodes: string[];
  @IsNumber() @Min(0) @Max(5000) maxCommuteKm: number;
  @IsOptional() @ValidateNested() @Type(() => AmountPerUnitData) minWage?: AmountPerUnitData;
  @IsOptional() @IsISO8601() availableFrom?: string;
}

/**
 * `laowu.workers.v1` — the projection matching needs and nothing more. Deliberately absent: name,
 * resident ID number, phone, birth date (age in years only).
 */
export class WorkerChangedData {
  @IsUUID() workerId: string;
  @IsInt() @Min(1) version: number;
  @IsString() @MaxLength(100) stationId: string;
  @IsInt() @Min(0) @Max(130) ageYears: number;
  @IsIn(['male', 'female']) gender: 'male' | 'female';
  @Matches(REGION_CODE_PATTERN) homeRegionCode: string;
  @Matches(REGION_CODE_PATTERN) residenceRegionCode: string;
  /**
   * Snapped to the 0.01° grid by the producer (coarseLocation, ≈ 1 km): never the worker's exact
   * point. Not refused when finer, so that events published before the grid (still the latest of
   * a worker in the compacted topic until their next change) replay; consumers snap again.
   */
  @IsOptional() @ValidateNested() @Type(() => GeoPointData) location?: GeoPointData;
  @IsArray() @ValidateNested({ each: true }) @Type(() => SkillLevelData) skills: SkillLevelData[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => CertificateHeldData) certificates: CertificateHeldData[];
  /** A 劳务品牌 code of the labour-brand registry. */
  @IsOptional() @IsString() @MaxLength(64) laborBrand?: string;
  @IsArray() @IsIn(PRIORITY_GROUPS, { each: true }) priorityGroups: PriorityGroup[];
  @ValidateNested() @Type(() => WorkerPreferencesData) preferences: WorkerPreferencesData;
  @IsIn(EMPLOYMENT_STATUSES) employmentStatus: EmploymentStatus;
  /** False while the worker is employed or on an active dispatch batch. */
  @IsBoolean() available: boolean;
  @IsISO8601() updatedAt: string;
}

export const WorkerChanged: EventDefinition<WorkerChangedData> = {
  type: 'worker.changed',
  schemaVersion: 1,
  keyOf: (data) => data.workerId,
};
