import { EMPLOYMENT_STATUSES, type EmploymentStatus, PRIORITY_GROUPS, type PriorityGroup } from '@laowu/contracts';
import { PageQuery } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CommaSeparatedWorkerIds, IsKnownSkillCode, MAX_WORKER_IDS } from '../common/validators';

/** GET /v1/workers: filters (all optional, combined with AND) and a page. A value given twice is a 400. */
export class ListWorkersRequest extends PageQuery {
  @ApiPropertyOptional({ enum: EMPLOYMENT_STATUSES, description: 'the current employment status' })
  @IsOptional()
  @IsIn(EMPLOYMENT_STATUSES)
  status?: EmploymentStatus;

  @ApiPropertyOptional({ enum: PRIORITY_GROUPS, description: 'workers in this priority group (重点群体)' })
  @IsOptional()
  @IsIn(PRIORITY_GROUPS)
  priorityGroup?: PriorityGroup;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'willingToMigrate must be true or false' })
  willingToMigrate?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'welding', description: 'workers with this skill (a code of GET /v1/reference/skills), at any level' })
  @IsOptional()
  @IsKnownSkillCode()
  skill?: string;

  @ApiPropertyOptional({
    type: String,
    example: '3f1c…,9a2b…',
    description: `only these of the caller's workers (comma-separated ids, at most ${MAX_WORKER_IDS}; others are left out as if absent): e.g. the console's feed reading its workers' masked names in one request`,
  })
  @IsOptional()
  @CommaSeparatedWorkerIds()
  workerIds?: string[];
}
