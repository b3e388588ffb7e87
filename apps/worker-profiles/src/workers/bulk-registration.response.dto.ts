import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export const BULK_ROW_STATUSES = ['created', 'exists', 'valid', 'invalid', 'forbidden', 'failed'] as const;
export type BulkRowStatus = (typeof BULK_ROW_STATUSES)[number];

export class BulkRowError {
  @ApiProperty({ example: 'REQUEST.INVALID', description: 'the code a single POST /v1/workers would have answered with' })
  code: string;

  @ApiProperty() message: string;

  @ApiPropertyOptional({ example: [{ field: 'idNumber', problem: 'is not a valid resident ID number: wrong check character' }], description: 'the failing fields of the row, as in a 400 body' })
  details?: { field: string; problem: string }[];
}

export class BulkRowResult {
  @ApiProperty({ description: 'position of the row in `workers`' }) index: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`created`; `exists` when the caller may read that worker' })
  id?: string;

  @ApiProperty({
    enum: BULK_ROW_STATUSES,
    description:
      '`created`: registered now (with its WorkerChanged event). `exists`: this resident ID number is already registered — with `id` only when ' +
      'the caller may read that worker (GET /v1/workers/{id}), otherwise nothing about it. `valid` (dryRun only): would be created. ' +
      '`invalid`: refused as POST /v1/workers would refuse it with 400 or 422 (REQUEST.INVALID, WORKER.UNKNOWN_CODE), or ' +
      'WORKER.DUPLICATE_IN_REQUEST for a resident ID number of an earlier row of the same call. `forbidden`: stationId is not the ' +
      "calling station's (WORKER.FORBIDDEN). `failed`: could not be saved (WORKER.NOT_SAVED), nothing of it written; import the file again.",
  })
  status: BulkRowStatus;

  @ApiPropertyOptional({ type: BulkRowError, description: '`invalid`, `forbidden`, `failed`' })
  error?: BulkRowError;
}

export class RegisterWorkersBulkResponse {
  @ApiProperty({ type: [BulkRowResult], description: 'one result per row, in the order of `workers`' })
  results: BulkRowResult[];
}
