import { DomainError, fieldProblems } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, validateSync } from 'class-validator';
import { ERRORS } from '../job-collection.errors';
import { CreateJobRequest } from './create-job.request.dto';

export const BULK_MAX_JOBS = 1000;

/**
 * Up to 1,000 jobs. Items are deliberately not validated here: each is checked on its own, so
 * one bad item gets its own error result instead of rejecting the whole call.
 */
export class BulkCreateJobsRequest {
  @ApiProperty({ type: [CreateJobRequest], maxItems: BULK_MAX_JOBS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_JOBS)
  jobs: unknown[];
}

/**
 * Checks the envelope of a bulk body (an object with `jobs`, 1 to 1,000 items) without the global
 * pipe's deep class-transform of every item, which would cost more than the whole write.
 */
export function readBulkRequest(body: unknown): BulkCreateJobsRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: 'jobs', problem: 'body must be an object with a jobs array' }]);
  }
  const request = Object.assign(new BulkCreateJobsRequest(), body);
  const problems = fieldProblems(validateSync(request, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length) throw DomainError.invalid(ERRORS.REQUEST_INVALID, problems);
  return request;
}

export class BulkItemError {
  @ApiProperty({ example: 'REQUEST.INVALID' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ example: [{ field: 'wage.max', problem: 'max must not be less than min' }] })
  details?: { field: string; problem: string }[];
  @ApiPropertyOptional({ description: 'On 409: the job that already has this externalId' }) existingId?: string;
}

export class BulkItemResult {
  @ApiProperty({ description: 'Position of the item in `jobs`' }) index: number;
  @ApiPropertyOptional({ format: 'uuid' }) id?: string;
  @ApiProperty({ description: '201 created, 200 identical repeat of an existing job, 400/409/422 as for a single create', example: 201 })
  status: number;
  @ApiPropertyOptional({ type: BulkItemError }) error?: BulkItemError;
}

export class BulkCreateJobsResponse {
  @ApiProperty({ type: [BulkItemResult] }) results: BulkItemResult[];
}
