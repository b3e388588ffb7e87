import { TRAINING_COURSE_STATUSES, type TrainingCourseStatus } from '@laowu/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { type TrainingCourseEntity } from './training-course.entity';

export class TrainingCourseResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() skillCode: string;
  @ApiProperty() regionCode: string;
  @ApiProperty({ example: '2027-01-10' }) startDate: string;
  @ApiProperty({ example: '2027-01-24' }) endDate: string;
  @ApiProperty() seats: number;
  @ApiProperty() subsidized: boolean;
  @ApiProperty({ enum: TRAINING_COURSE_STATUSES }) status: TrainingCourseStatus;
  @ApiProperty({ description: 'bureau:<id> or station:<id>' }) postedBy: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) postedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class TrainingCoursePageResponse {
  @ApiProperty({ type: [TrainingCourseResponse] }) items: TrainingCourseResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export const postedByOf = (course: Pick<TrainingCourseEntity, 'posterRole' | 'posterId'>): string => `${course.posterRole}:${course.posterId}`;

export function toTrainingCourseResponse(course: TrainingCourseEntity): TrainingCourseResponse {
  const { id, title, skillCode, regionCode, startDate, endDate, seats, subsidized, status, version } = course;
  return {
    id, title, skillCode, regionCode, startDate, endDate, seats, subsidized, status, postedBy: postedByOf(course), version,
    postedAt: course.postedAt.toISOString(), updatedAt: course.updatedAt.toISOString(),
  };
}
