import { PageQuery } from '@laowu/platform';
import { JOB_KINDS, JOB_STATUSES, JobKind, JobStatus } from '@laowu/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListJobsRequest extends PageQuery {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES)
  status?: JobStatus;

  @ApiPropertyOptional({ enum: JOB_KINDS })
  @IsOptional()
  @IsIn(JOB_KINDS)
  kind?: JobKind;

  @ApiPropertyOptional({ description: 'Admin only: one agency’s jobs (an agency always sees its own)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agencyId?: string;
}
