import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { EventDefinition } from '../../envelope/create-envelope';
import { Lane, LANES } from '../../topics';
import { MatchJobSummaryData, MatchReasonData } from '../match-found/match-found.event';

/** Why a match was pushed (v1.1 push engine). */
export const PUSH_TRIGGERS = ['instant_job', 'cross_region_job', 'worker_available'] as const;
export type PushTrigger = (typeof PUSH_TRIGGERS)[number];

/** 即时快招 jobs go in the instant lane; cross-region jobs and 转岗服务 (worker available) in the standard one. */
export const LANE_OF_TRIGGER: Readonly<Record<PushTrigger, Lane>> = {
  instant_job: 'instant',
  cross_region_job: 'standard',
  worker_available: 'standard',
};

/** At most this many matches in one event (one job's top N at one station). */
export const MAX_MATCHES_PER_EVENT = 500;

export class FoundMatchData {
  /** Derived from job, worker and the job's material version (deterministicUuid), whatever the trigger. */
  @IsUUID() matchId: string;
  @IsUUID() workerId: string;
  @IsNumber() score: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => MatchReasonData) reasons: MatchReasonData[];
}

/**
 * `laowu.matches.v1` (standard lane) and `laowu.matches.instant.v1` (instant lane): one job's
 * matches at one station, best first, keyed by the station so one station's pushes stay in order.
 * One event per (job, station) instead of one per pair: the job summary travels and is validated
 * once. dispatch stores each match once (its id, and the job–worker–material-version triple) and
 * delivers each one on its own, as before.
 */
export class MatchesFoundData {
  @IsString() @MaxLength(100) stationId: string;
  @IsIn(PUSH_TRIGGERS) trigger: PushTrigger;
  @IsIn(LANES) lane: Lane;
  @IsUUID() jobId: string;
  @IsInt() @Min(1) jobMaterialVersion: number;
  @ValidateNested() @Type(() => MatchJobSummaryData) job: MatchJobSummaryData;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_MATCHES_PER_EVENT) @ValidateNested({ each: true }) @Type(() => FoundMatchData)
  matches: FoundMatchData[];
  @IsISO8601() createdAt: string;
  /**
   * The ranking weights version the matches were ranked with (matching's /v1/admin/ranking-weights;
   * 0: the code defaults). Optional: events published before runtime weights have none.
   */
  @IsOptional() @IsInt() @Min(0) weightsVersion?: number;
}

export const MatchesFound: EventDefinition<MatchesFoundData> = {
  type: 'matches.found',
  schemaVersion: 1,
  keyOf: (data) => data.stationId,
};
