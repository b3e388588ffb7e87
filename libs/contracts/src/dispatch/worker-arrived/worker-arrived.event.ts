import { IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PRIORITY_GROUPS, PriorityGroup, REGION_CODE_PATTERN } from '../../common.dto';
import { EventDefinition } from '../../envelope/create-envelope';

/**
 * A dispatched worker arrived at the employer: an employment outcome (policy 五). job-collection
 * raises the job's `filled`; worker-profiles sets the worker employed there. Readers dedupe on
 * the envelope id.
 */
export class WorkerArrivedData {
  @IsUUID() batchId: string;
  @IsUUID() jobId: string;
  @IsUUID() workerId: string;
  @IsString() @MaxLength(100) agencyId: string;
  @IsOptional() @IsString() @MaxLength(200) employer?: string;
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  @IsArray() @IsIn(PRIORITY_GROUPS, { each: true }) priorityGroups: PriorityGroup[];
  @IsISO8601() arrivedAt: string;
}

export const WorkerArrived: EventDefinition<WorkerArrivedData> = {
  type: 'dispatch.worker-arrived',
  schemaVersion: 1,
  keyOf: (data) => data.batchId,
};
