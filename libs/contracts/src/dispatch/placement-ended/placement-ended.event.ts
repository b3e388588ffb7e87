import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { JOB_KINDS, type JobKind } from '../../common.dto';
import { type EventDefinition } from '../../envelope/create-envelope';
import { CALENDAR_DATE_PATTERN, PLACEMENT_END_REASONS, type PlacementEndReason } from '../placements';

/**
 * A placement ended. job-collection frees the seat of a job that lost its worker early (any reason
 * but `contract_end`); worker-profiles records the worker unemployed from the end date when no
 * other placement of the worker is still active. One event per placement; readers dedupe on the
 * envelope id. Keyed by worker, like PlacementStarted.
 */
export class PlacementEndedData {
  @IsUUID() placementId: string;
  @IsUUID() workerId: string;
  @IsOptional() @IsUUID() jobId?: string;
  @IsOptional() @IsString() @MaxLength(100) agencyId?: string;
  @IsOptional() @IsIn(JOB_KINDS) jobKind?: JobKind;
  @Matches(CALENDAR_DATE_PATTERN) endDate: string;
  @IsIn(PLACEMENT_END_REASONS) reason: PlacementEndReason;
  /** The worker's placements still active after this one ended. */
  @IsInt() @Min(0) otherActivePlacements: number;
}

export const PlacementEnded: EventDefinition<PlacementEndedData> = {
  type: 'dispatch.placement-ended',
  schemaVersion: 1,
  keyOf: (data) => data.workerId,
};
