import { ApiProperty } from '@nestjs/swagger';
import { MATCH_STATUSES, MatchEntity, MatchStatus } from './match.entity';

export class MatchResponse {
  @ApiProperty() matchId: string;
  @ApiProperty() jobId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() stationId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) reasons: unknown[];
  @ApiProperty({ type: 'object', additionalProperties: true }) job: unknown;
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
      status: match.status,
      createdAt: new Date(match.createdAt).toISOString(),
      statusChangedAt: new Date(match.statusChangedAt).toISOString(),
    };
  }
}

export class MatchListResponse {
  @ApiProperty({ type: [MatchResponse] }) items: MatchResponse[];
}
