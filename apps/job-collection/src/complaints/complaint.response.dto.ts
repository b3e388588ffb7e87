import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMPLAINT_KINDS, COMPLAINT_STATUSES, type ComplaintKind, type ComplaintStatus } from './complaint-status';
import { type ComplaintEntity } from './complaint.entity';

export class ComplaintEmployerView {
  @ApiProperty() name: string;
  @ApiPropertyOptional() creditCode?: string;
  @ApiPropertyOptional({ description: 'As the station gave it' }) regionCode?: string;
}

export class ComplaintStatusChangeView {
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The station, bureau or admin id that made the change' }) by: string;
  @ApiPropertyOptional() note?: string;
}

/** A complaint as the API shows it: the worker by id only (no ID number, no phone). */
export class ComplaintResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) workerId: string;
  @ApiPropertyOptional({ format: 'uuid' }) placementId?: string;
  @ApiProperty({ description: 'The filing station' }) stationId: string;
  @ApiProperty({ type: ComplaintEmployerView }) employer: ComplaintEmployerView;
  @ApiProperty({ description: "The region it is routed to: the employer's regionCode, else a registered employer's, else the credit code's characters 3–8" })
  routedRegionCode: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind: ComplaintKind;
  @ApiPropertyOptional({ description: 'CNY' }) amount?: number;
  @ApiProperty({ description: 'Runs of 11+ digits masked' }) description: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({ type: [ComplaintStatusChangeView], description: 'Every status, from received, oldest first' }) history: ComplaintStatusChangeView[];
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ComplaintPageResponse {
  @ApiProperty({ type: [ComplaintResponse] }) items: ComplaintResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

/** Complaints about one employer (by credit code, else by name) routed into the region. */
export class EmployerComplaintCountsView {
  @ApiPropertyOptional() creditCode?: string;
  @ApiProperty({ description: 'The name on the latest complaint' }) name: string;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'received or accepted' }) open: number;
  @ApiProperty({ example: { wage_arrears: 2, injury: 1 }, description: 'Counts per kind (kinds with none left out)' })
  byKind: Partial<Record<ComplaintKind, number>>;
}

export function toComplaintResponse(c: ComplaintEntity): ComplaintResponse {
  const employer: ComplaintEmployerView = { name: c.employerName };
  if (c.employerCreditCode) employer.creditCode = c.employerCreditCode;
  if (c.employerRegionCode) employer.regionCode = c.employerRegionCode;
  return {
    id: c.id,
    workerId: c.workerId,
    ...(c.placementId ? { placementId: c.placementId } : {}),
    stationId: c.stationId,
    employer,
    routedRegionCode: c.routedRegionCode,
    kind: c.kind,
    ...(c.amount !== null ? { amount: c.amount } : {}),
    description: c.description,
    status: c.status,
    history: c.history.map(({ status, at, by, note }) => (note === undefined ? { status, at, by } : { status, at, by, note })),
    filedAt: c.filedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
