import { BATCH_STATES, BatchState, PriorityGroup } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { BatchWorkerEntity, SEAT_STATUSES, SeatBasis, SeatStatus, takesASeat } from './batch-worker.entity';
import { BatchEntity, TransportMode } from './batch.entity';

/** A manifest line: dispatch holds no personal data, so ids, station and priority groups only. */
export class ManifestWorkerResponse {
  @ApiProperty() workerId: string;
  @ApiPropertyOptional() stationId?: string;
  @ApiProperty({ type: [String] }) priorityGroups: PriorityGroup[];
  @ApiProperty() jobId: string;
  @ApiProperty({ enum: ['accepted_match', 'willing_to_migrate'] }) basis: SeatBasis;
  @ApiProperty({ enum: SEAT_STATUSES }) status: SeatStatus;
  @ApiProperty() seatedAt: string;
  @ApiPropertyOptional() boardedAt?: string;
  @ApiPropertyOptional() arrivedAt?: string;
}

/** The batch's escort (带队联系人), as the caller may see it. */
export class BatchContactResponse {
  @ApiProperty() name: string;
  @ApiProperty({ description: '13812345678 or 0834-2345678 to its coordinator and an admin; masked (138****5678, 0834-***5678) to a bureau' })
  phone: string;
}

export class BatchResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: BATCH_STATES }) state: BatchState;
  @ApiProperty() coordinatorId: string;
  @ApiProperty() originRegionCode: string;
  @ApiPropertyOptional() originStationId?: string;
  @ApiProperty({ description: '`employerId`: the registered employer, when named' })
  destination: { jobIds: string[]; regionCode: string; address: string; employer?: string; employerId?: string };
  @ApiProperty() departAt: string;
  @ApiProperty() transport: { mode: TransportMode; capacity: number };
  @ApiPropertyOptional({
    type: BatchContactResponse,
    description:
      '带队联系人 (extra to API.md), absent when the batch was planned without one. The phone in full only to callers who may change the batch ' +
      '(its coordinator, an admin: they print it on the manifest); masked for a bureau, who reads the batch but never calls on the trip',
  })
  contact?: BatchContactResponse;
  @ApiProperty() seatsTaken: number;
  @ApiProperty() seatsLeft: number;
  @ApiProperty({ type: [ManifestWorkerResponse] }) workers: ManifestWorkerResponse[];
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional() departedAt?: string;
  @ApiPropertyOptional() arrivedAt?: string;
  @ApiPropertyOptional() closedAt?: string;
  @ApiPropertyOptional() cancelledAt?: string;

  /** `contact`: the escort as this caller may see it (BatchesService decrypts and masks). */
  static of(batch: BatchEntity, seats: BatchWorkerEntity[], contact?: BatchContactResponse): BatchResponse {
    const onBoard = seats.filter(takesASeat);
    return {
      id: batch.id,
      state: batch.state,
      coordinatorId: batch.coordinatorId,
      originRegionCode: batch.originRegionCode,
      originStationId: batch.originStationId ?? undefined,
      destination: {
        jobIds: batch.jobIds,
        regionCode: batch.destinationRegionCode,
        address: batch.destinationAddress,
        employer: batch.employer ?? undefined,
        employerId: batch.employerId ?? undefined,
      },
      departAt: batch.departAt.toISOString(),
      transport: { mode: batch.transportMode, capacity: batch.capacity },
      ...(contact ? { contact } : {}),
      seatsTaken: onBoard.length,
      seatsLeft: Math.max(batch.capacity - onBoard.length, 0),
      workers: seats.map((s) => ({
        workerId: s.workerId,
        stationId: s.stationId ?? undefined,
        priorityGroups: s.priorityGroups,
        jobId: s.jobId,
        basis: s.basis,
        status: s.status,
        seatedAt: s.seatedAt.toISOString(),
        boardedAt: s.boardedAt?.toISOString(),
        arrivedAt: s.arrivedAt?.toISOString(),
      })),
      createdAt: batch.createdAt.toISOString(),
      departedAt: batch.departedAt?.toISOString(),
      arrivedAt: batch.arrivedAt?.toISOString(),
      closedAt: batch.closedAt?.toISOString(),
      cancelledAt: batch.cancelledAt?.toISOString(),
    };
  }
}

/** A batch without its manifest, for the coordinator's list. */
export class BatchSummaryResponse extends OmitType(BatchResponse, ['workers'] as const) {}

export class BatchPageResponse {
  @ApiProperty({ type: [BatchSummaryResponse] }) items: BatchSummaryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SeatProblem {
  @ApiProperty() workerId: string;
  @ApiProperty() code: string;
  @ApiProperty() problem: string;
}

export class AddBatchWorkersResponse {
  @ApiProperty({ type: [String] }) seated: string[];
  @ApiProperty({ type: [String] }) alreadySeated: string[];
  @ApiProperty({ type: [String], description: 'Eligible but no seat left (over-subscribed), in seating order' }) waitlisted: string[];
  @ApiProperty({ type: [SeatProblem] }) rejected: SeatProblem[];
  @ApiProperty() seatsLeft: number;
}
