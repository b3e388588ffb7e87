import { IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN } from '../../common.dto';
import { CALENDAR_DATE_PATTERN } from '../../dispatch/placements';
import { type EventDefinition } from '../../envelope/create-envelope';

export const TRAINING_COURSE_STATUSES = ['open', 'closed'] as const;
export type TrainingCourseStatus = (typeof TRAINING_COURSE_STATUSES)[number];

/** A training course (职业技能培训, 十) posted by a bureau or station; matching suggests it to workers. Keyed by course id. */
export class TrainingCourseChangedData {
  @IsUUID() courseId: string;
  @IsInt() @Min(1) version: number;
  @IsIn(TRAINING_COURSE_STATUSES) status: TrainingCourseStatus;
  @IsString() @MaxLength(200) title: string;
  @Matches(SKILL_CODE_PATTERN) skillCode: string;
  @Matches(REGION_CODE_PATTERN) regionCode: string;
  @Matches(CALENDAR_DATE_PATTERN) startDate: string;
  @Matches(CALENDAR_DATE_PATTERN) endDate: string;
  @IsInt() @Min(1) seats: number;
  @IsBoolean() subsidized: boolean;
  /** The poster's role and id (a bureau or a station), never a person's data. */
  @IsString() @MaxLength(100) postedBy: string;
  @IsISO8601() updatedAt: string;
}

export const TrainingCourseChanged: EventDefinition<TrainingCourseChangedData> = {
  type: 'reference.training-course-changed',
  schemaVersion: 1,
  keyOf: (data) => data.courseId,
};
