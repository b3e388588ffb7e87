import { IsIn, IsISO8601, IsString, IsUUID, MaxLength } from 'class-validator';
import { EventDefinition } from '../../envelope/create-envelope';

/** A match in a station's inbox: new → offered → accepted | declined | expired. */
export const MATCH_STATUSES = ['new', 'offered', 'accepted', 'declined', 'expired'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/**
 * `laowu.dispatch.v1`: a station offered, accepted or declined a match, or it expired. matching
 * never pushes or lists a declined (job, worker) pair again. Keyed by the worker, so one worker's
 * outcomes stay in order.
 */
export class MatchStatusChangedData {
  @IsUUID() matchId: string;
  @IsUUID() jobId: string;
  @IsUUID() workerId: string;
  @IsString() @MaxLength(100) stationId: string;
  @IsIn(MATCH_STATUSES) status: MatchStatus;
  @IsISO8601() changedAt: string;
}

export const MatchStatusChanged: EventDefinition<MatchStatusChangedData> = {
  type: 'dispatch.match-status-changed',
  schemaVersion: 1,
  keyOf: (data) => data.workerId,
};
