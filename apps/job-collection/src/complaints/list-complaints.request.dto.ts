import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { PageQuery } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint-status';

export class ListComplaintsRequest extends PageQuery {
  @ApiPropertyOptional({ example: '513400', description: "Complaints routed into this region; a bureau's must lie inside its own (403 REGION.FORBIDDEN); default: the bureau's region" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES })
  @IsOptional()
  @IsIn(COMPLAINT_STATUSES)
  status?: ComplaintStatus;

  @ApiPropertyOptional({ format: 'uuid', description: "one worker's complaints (a worker's page), inside the caller's scope" })
  @IsOptional()
  @IsUUID('all', { message: 'workerId must be a UUID' })
  workerId?: string;
}

export class ComplaintsByEmployerRequest {
  @ApiPropertyOptional({ example: '513400', description: "Complaints routed into this region (a bureau's must lie inside its own); default: the bureau's region, for admin everywhere" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;
}
