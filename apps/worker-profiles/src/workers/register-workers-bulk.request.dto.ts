import { DomainError, fieldProblems } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional, validateSync } from 'class-validator';
import { ERRORS } from '../worker-profiles.errors';
import { RegisterWorkerRequest } from './register-worker.request.dto';

export const BULK_MAX_WORKERS = 1000;

/**
 * POST /v1/workers/bulk: 1 to 1,000 registrations. The rows are deliberately not validated here:
 * each is checked on its own with the rules of POST /v1/workers, so that one bad row gets its own
 * result instead of rejecting the whole call.
 */
export class RegisterWorkersBulkRequest {
  @ApiProperty({ type: [RegisterWorkerRequest], minItems: 1, maxItems: BULK_MAX_WORKERS, description: 'each row exactly as the body of POST /v1/workers' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_WORKERS)
  workers: unknown[];

  @ApiPropertyOptional({ default: false, description: 'check every row and write nothing (an import preview): `valid` for a row that would be created' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}

/**
 * Checks the envelope (an object with `workers`: 1 to 1,000 rows; `dryRun`; nothing else) without
 * the global pipe's deep transform of every row. 400 naming the field otherwise.
 */
export function readBulkRequest(body: unknown): RegisterWorkersBulkRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: 'workers', problem: 'the body must be an object with a workers array' }]);
  }
  const request = Object.assign(new RegisterWorkersBulkRequest(), body);
  const problems = fieldProblems(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) throw DomainError.invalid(ERRORS.REQUEST_INVALID, problems);
  return request;
}
