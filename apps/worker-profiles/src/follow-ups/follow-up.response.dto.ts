import { PRIORITY_GROUPS, PriorityGroup } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DueReason } from './due-rule';
import { FOLLOW_UP_KINDS, FOLLOW_UP_OUTCOMES, type FollowUp, type FollowUpKind, type FollowUpOutcome } from './follow-up.entity';

/** A follow-up as its readers see it: the note decrypted, its phone and ID-like numbers masked since it was written. */
export class FollowUpResponse {
  @ApiProperty() id: string;
  @ApiProperty() workerId: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: FollowUpKind;
  @ApiProperty({ example: '2026-11-03T02:00:00.000Z' }) at: string;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) outcome: FollowUpOutcome;
  @ApiPropertyOptional({ nullable: true, example: '电话138******34已接通' }) note: string | null;
  @ApiPropertyOptional({ nullable: true }) nextDueAt: string | null;
  @ApiProperty({ example: 'station:station-513401-01' }) recordedBy: string;
  @ApiProperty() recordedAt: string;

  static of(followUp: FollowUp, note: string | null): FollowUpResponse {
    return {
      id: followUp.id,
      workerId: followUp.workerId,
      kind: followUp.kind,
      at: followUp.at.toISOString(),
      outcome: followUp.outcome,
      note,
      nextDueAt: followUp.nextDueAt?.toISOString() ?? null,
      recordedBy: followUp.recordedBy,
      recordedAt: followUp.recordedAt.toISOString(),
    };
  }
}

export class LastFollowUpResponse {
  @ApiProperty() at: string;
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: FollowUpKind;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) outcome: FollowUpOutcome;
  @ApiPropertyOptional({ nullable: true }) nextDueAt: string | null;
}

export class DueFollowUpItem {
  @ApiProperty() workerId: string;
  @ApiProperty({ example: '张**', description: 'masked, as in the lists' }) name: string;
  @ApiProperty() stationId: string;
  @ApiProperty({ description: '户籍地' }) homeRegionCode: string;
  @ApiProperty({ enum: PRIORITY_GROUPS, isArray: true }) priorityGroups: PriorityGroup[];
  @ApiPropertyOptional({ type: LastFollowUpResponse, nullable: true, description: 'the last follow-up up to `before`; null: none ever' })
  lastFollowUp: LastFollowUpResponse | null;
  @ApiProperty({ enum: ['none_this_month', 'past_due'], description: 'none_this_month: no follow-up yet in the month of `before`; past_due: the last one’s nextDueAt has passed' })
  reason: DueReason;
  @ApiProperty({ description: 'when it is or was due: the last nextDueAt when that comes before the month’s end, else the month’s end (00:00 China time of the next month)' })
  dueAt: string;
}

export class DueFollowUpsResponse {
  @ApiProperty() before: string;
  @ApiProperty({ example: '2026-11', description: 'the China calendar month of `before`' }) month: string;
  @ApiPropertyOptional({ nullable: true }) regionCode: string | null;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: [DueFollowUpItem], description: 'earliest due first' }) items: DueFollowUpItem[];
}

export class DueCount {
  @ApiProperty({ example: '513401', description: 'home region (户籍地) of the workers counted' }) homeRegionCode: string;
  @ApiProperty({ enum: ['none_this_month', 'past_due'] }) reason: DueReason;
  @ApiProperty() count: number;
}

export class DueFollowUpsSummaryResponse {
  @ApiProperty() before: string;
  @ApiProperty({ example: '2026-11', description: 'the China calendar month of `before`' }) month: string;
  @ApiPropertyOptional({ nullable: true }) regionCode: string | null;
  @ApiProperty({ description: 'workers due, as the total of GET /v1/follow-ups/due for the same query' }) total: number;
  @ApiProperty({ type: [DueCount], description: 'one row per home region and reason with workers due; ordered by region, then reason' }) counts: DueCount[];
}

export class LedgerRowResponse {
  @ApiProperty() followUpId: string;
  @ApiProperty() workerId: string;
  @ApiProperty({ example: '5134**********1234' }) idNumber: string;
  @ApiProperty({ example: '张**' }) name: string;
  @ApiProperty() homeRegionCode: string;
  @ApiProperty() stationId: string;
  @ApiProperty({ enum: PRIORITY_GROUPS, isArray: true }) priorityGroups: PriorityGroup[];
  @ApiProperty({ enum: FOLLOW_UP_KINDS }) kind: FollowUpKind;
  @ApiProperty() at: string;
  @ApiProperty({ enum: FOLLOW_UP_OUTCOMES }) outcome: FollowUpOutcome;
  @ApiPropertyOptional({ nullable: true }) nextDueAt: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'phone and ID-like numbers masked' }) note: string | null;

  static of(row: Omit<LedgerRowResponse, 'at' | 'nextDueAt'> & { at: Date; nextDueAt: Date | null }): LedgerRowResponse {
    return { ...row, at: row.at.toISOString(), nextDueAt: row.nextDueAt?.toISOString() ?? null };
  }
}

export class FollowUpLedgerResponse {
  @ApiProperty() month: string;
  @ApiPropertyOptional({ nullable: true }) regionCode: string | null;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: [LedgerRowResponse], description: 'in order of `at`' }) items: LedgerRowResponse[];
}
