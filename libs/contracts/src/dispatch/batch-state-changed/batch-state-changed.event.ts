import { IsArray, IsIn, IsInt, IsISO8601, IsUUID, Min } from 'class-validator';
import { EventDefinition } from '../../envelope/create-envelope';

export const BATCH_STATES = ['planned', 'boarding', 'departed', 'arrived', 'closed', 'cancelled'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export class BatchStateChangedData {
  @IsUUID() batchId: string;
  @IsIn(BATCH_STATES) state: BatchState;
  @IsIn(BATCH_STATES) previousState: BatchState;
  @IsArray() @IsUUID('all', { each: true }) workerIds: string[];
  @IsInt() @Min(0) seatsTaken: number;
  @IsISO8601() at: string;
}

export const BatchStateChanged: EventDefinition<BatchStateChangedData> = {
  type: 'dispatch.batch-state-changed',
  schemaVersion: 1,
  keyOf: (data) => data.batchId,
};
