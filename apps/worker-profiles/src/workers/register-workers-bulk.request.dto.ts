import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsOptional } from 'class-validator';
import { RegisterWorkerRequest } from './register-worker.request.dto';

export const BULK_MAX_WORKERS = 1000;

/**
 * POST /v1/workers/bulk: 1 to 1,000 registrations. The global pipe checks this envelope only: the
 * rows (no @Type, no @ValidateNested) are each checked later with the rules of POST /v1/workers, so
 * that one bad row gets its own result instead of rejecting the whole call.
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
