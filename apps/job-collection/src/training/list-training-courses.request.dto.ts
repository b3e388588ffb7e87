import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN, TRAINING_COURSE_STATUSES, type TrainingCourseStatus } from '@laowu/contracts';
import { PageQuery } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ListTrainingCoursesRequest extends PageQuery {
  @ApiPropertyOptional({ example: '513400', description: 'Courses held inside this region' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ example: 'welding' })
  @IsOptional()
  @Matches(SKILL_CODE_PATTERN, { message: 'skillCode must be a skill code (lowercase letters, digits, dashes)' })
  skillCode?: string;

  @ApiPropertyOptional({ enum: TRAINING_COURSE_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(TRAINING_COURSE_STATUSES)
  status: TrainingCourseStatus = 'open';
}
