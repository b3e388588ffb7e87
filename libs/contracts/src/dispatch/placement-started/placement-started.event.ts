import { IsArray, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { JOB_KINDS, type JobKind, PRIORITY_GROUPS, type PriorityGroup, REGION_CODE_PATTERN } from '../../common.dto';
import { type EventDefinition } from '../../envelope/create-envelope';
import { CALENDAR_DATE_PATTERN, CREDIT_CODE_PATTERN, PLACEMENT_SOURCES, type PlacementSource } from '../placements';

/**
 * A worker started work (就业) through a placement, whatever its source: job-collection raises the
 * job's `filled`, worker-profiles sets the worker employed. One event per placement, with an id
 * derived from the placement id, so readers dedupe on the envelope id. Keyed by worker: a
 * worker's starts and ends stay in order on one partition.
 */
export class PlacementStartedData {
  @IsUUID() placementId: string;
  @IsUUID() workerId: string;
  @IsOptional() @IsUUID() jobId?: string;
  /** The job's agency (none for a direct hire without a job). */
  @IsOptional() @IsString() @MaxLength(100) agencyId?: string;
  @IsOptional() @IsString() @MaxLength(100) stationId?: string;
  @IsOptional() @IsUUID() batchId?: string;
  @IsIn(PLACEMENT_SOURCES) source: PlacementSource;
  /** The registered employer (job-collection's registry), when the placement names one. */
  @IsOptional() @IsUUID() employerId?: string;
  /** The 共享用工 agreement a `sharing` placement comes from. */
  @IsOptional() @IsUUID() agreementId?: string;
  /** The employer's name (an organisation, never a person's data). */
  @IsString() @MaxLength(200) employerName: string;
  @IsOptional() @Matches(CREDIT_CODE_PATTERN) employerCreditCode?: string;
  /** Where the work is. */
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  @IsOptional() @IsIn(JOB_KINDS) jobKind?: JobKind;
  /** Held beside other active placements (a part-time public-welfare post allows other flexible work, 十六). */
  @IsBoolean() concurrent: boolean;
  @Matches(CALENDAR_DATE_PATTERN) startDate: string;
  /** When the placement ends by itself: a public-welfare post's at the job's end. */
  @IsOptional() @Matches(CALENDAR_DATE_PATTERN) plannedEndDate?: string;
  @IsArray() @IsIn(PRIORITY_GROUPS, { each: true }) priorityGroups: PriorityGroup[];
}

export const PlacementStarted: EventDefinition<PlacementStartedData> = {
  type: 'dispatch.placement-started',
  schemaVersion: 1,
  keyOf: (data) => data.workerId,
};
