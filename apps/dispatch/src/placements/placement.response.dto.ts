import {
  JOB_KINDS, type JobKind, PLACEMENT_END_REASONS, PLACEMENT_SOURCES, type PlacementEndReason, type PlacementSource, PRIORITY_GROUPS, type PriorityGroup,
  RETENTION_CHECK_MONTHS, type RetentionCheckMonths,
} from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type PlacementCheckEntity } from './placement-check.entity';
import { type PlacementEntity } from './placement.entity';

export class PlacementCheckResponse {
  @ApiProperty({ enum: RETENTION_CHECK_MONTHS }) afterMonths: RetentionCheckMonths;
  @ApiProperty() stillEmployed: boolean;
  @ApiPropertyOptional({ description: 'ID- and phone-like digit runs masked' }) note?: string;
  @ApiProperty() checkedBy: string;
  @ApiProperty() checkedAt: string;

  static of(check: PlacementCheckEntity): PlacementCheckResponse {
    return {
      afterMonths: check.afterMonths,
      stillEmployed: check.stillEmployed,
      note: check.note ?? undefined,
      checkedBy: check.checkedBy,
      checkedAt: check.checkedAt.toISOString(),
    };
  }
}

export class PlacementEmployerResponse {
  @ApiPropertyOptional({ description: 'The registered employer (POST /v1/employers), when the placement names one' }) id?: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional() creditCode?: string;
}

export class PlacementResponse {
  @ApiProperty() id: string;
  @ApiProperty() workerId: string;
  @ApiPropertyOptional() jobId?: string;
  @ApiPropertyOptional() matchId?: string;
  @ApiPropertyOptional() batchId?: string;
  @ApiProperty({ enum: PLACEMENT_SOURCES }) source: PlacementSource;
  @ApiPropertyOptional({ description: 'The 共享用工 agreement a `sharing` placement comes from' }) agreementId?: string;
  @ApiPropertyOptional() agencyId?: string;
  @ApiPropertyOptional() stationId?: string;
  @ApiProperty({ type: PlacementEmployerResponse }) employer: PlacementEmployerResponse;
  @ApiProperty({ description: 'Where the work is' }) regionCode: string;
  @ApiProperty({ description: 'Where the worker lived when placed' }) workerRegionCode: string;
  @ApiPropertyOptional({ enum: JOB_KINDS }) jobKind?: JobKind;
  @ApiPropertyOptional({ enum: PRIORITY_GROUPS, isArray: true, description: 'Public side only (admin, station, bureau); never shown to an agency' })
  priorityGroups?: PriorityGroup[];
  @ApiProperty() concurrent: boolean;
  @ApiPropertyOptional() wage?: { amount: number; unit: string };
  @ApiProperty() startDate: string;
  @ApiPropertyOptional({ description: "When it ends by itself: a public-welfare post's at the job's end, a sharing placement on the return date" }) plannedEndDate?: string;
  @ApiPropertyOptional() endDate?: string;
  @ApiPropertyOptional({ enum: PLACEMENT_END_REASONS }) endReason?: PlacementEndReason;
  @ApiProperty() active: boolean;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() endedAt?: string;
  @ApiProperty({ type: [PlacementCheckResponse], description: 'Retention checks (稳岗回访), by afterMonths' }) checks: PlacementCheckResponse[];

  static of(placement: PlacementEntity, checks: PlacementCheckEntity[], options: { showPriorityGroups: boolean }): PlacementResponse {
    return {
      id: placement.id,
      workerId: placement.workerId,
      jobId: placement.jobId ?? undefined,
      matchId: placement.matchId ?? undefined,
      batchId: placement.batchId ?? undefined,
      source: placement.source,
      agreementId: placement.agreementId ?? undefined,
      agencyId: placement.agencyId ?? undefined,
      stationId: placement.stationId ?? undefined,
      employer: { id: placement.employerId ?? undefined, name: placement.employerName, creditCode: placement.employerCreditCode ?? undefined },
      regionCode: placement.regionCode,
      workerRegionCode: placement.workerRegionCode,
      jobKind: placement.jobKind ?? undefined,
      priorityGroups: options.showPriorityGroups ? placement.priorityGroups : undefined,
      concurrent: placement.concurrent,
      wage: placement.wage ?? undefined,
      startDate: placement.startDate,
      plannedEndDate: placement.plannedEndDate ?? undefined,
      endDate: placement.endDate ?? undefined,
      endReason: placement.endReason ?? undefined,
      active: placement.active,
      createdAt: placement.createdAt.toISOString(),
      endedAt: placement.endedAt?.toISOString(),
      checks: [...checks].sort((a, b) => a.afterMonths - b.afterMonths).map(PlacementCheckResponse.of),
    };
  }
}

export class PlacementListResponse {
  @ApiProperty({ type: [PlacementResponse] }) items: PlacementResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}
