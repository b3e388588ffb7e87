import { Type } from 'class-transformer';
import {
  IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { JOB_KINDS, JobKind, LocationData, WageData } from '../../common.dto';
import { EventDefinition } from '../../envelope/create-envelope';

export class MatchReasonData {
  @IsString() @MaxLength(50) factor: string;
  @IsNumber() contribution: number;
  @IsString() @MaxLength(500) detail: string;
}

export class MatchJobSummaryData {
  @IsString() @MaxLength(200) title: string;
  @IsIn(JOB_KINDS) kind: JobKind;
  @IsString() @MaxLength(100) agencyId: string;
  @ValidateNested() @Type(() => WageData) wage: WageData;
  @ValidateNested() @Type(() => LocationData) location: LocationData;
  @IsOptional() @IsISO8601() startAt?: string;
  @IsOptional() @IsISO8601() endAt?: string;
  @IsBoolean() instant: boolean;
  @IsInt() @Min(0) headcountLeft: number;
}

/**
 * `laowu.matches.v1`, keyed by the worker's station so one station's matches stay in order.
 * `matchId` is derived from job, worker and the job's material version: announcing the same
 * pair again for the same version yields the same id, which dispatch dedupes on.
 */
export class MatchFoundData {
  @IsUUID() matchId: string;
  @IsUUID() jobId: string;
  @IsInt() @Min(1) jobMaterialVersion: number;
  @IsUUID() workerId: string;
  @IsString() @MaxLength(100) stationId: string;
  @IsNumber() score: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MatchReasonData) reasons: MatchReasonData[];
  @ValidateNested() @Type(() => MatchJobSummaryData) job: MatchJobSummaryData;
  @IsISO8601() createdAt: string;
}

export const MatchFound: EventDefinition<MatchFoundData> = {
  type: 'match.found',
  schemaVersion: 1,
  keyOf: (data) => data.stationId,
};
