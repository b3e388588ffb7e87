import { Lane, LANES, MATCH_STATUSES, MatchStatus, PUSH_TRIGGERS, PushTrigger } from '@laowu/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { MatchEntity } from './match.entity';

export class MatchResponse {
  @ApiProperty() matchId: string;
  @ApiProperty() jobId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() stationId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) reasons: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true }) job: unknown;
  @ApiProperty({ enum: PUSH_TRIGGERS, description: 'Why it was pushed' }) trigger: PushTrigger;
  @ApiProperty({ enum: LANES }) lane: Lane;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty() createdAt: string;
  @ApiProperty() statusChangedAt: string;

  static of(match: MatchEntity): MatchResponse {
    return {
      matchId: match.id,
      jobId: match.jobId,
      workerId: match.workerId,
      stationId: match.stationId,
      score: match.score,
      reasons: match.reasons,
      job: match.job,
      trigger: match.trigger,
      lane: match.lane,
      status: match.status,
      createdAt: new Date(match.createdAt).toISOString(),
      statusChangedAt: new Date(match.statusChangedAt).toISOString(),
    };
  }
}

export class MatchListResponse {
  @ApiProperty({ type: [MatchResponse] }) items: MatchResponse[];
}
