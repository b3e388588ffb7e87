import { createEnvelope, deterministicUuid, TOPICS, TrainingCourseChanged, type TrainingCourseChangedData } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { type TrainingCourseEntity } from './training-course.entity';
import { postedByOf } from './training-course.response.dto';

/** The course's whole state, field by field from the row (never from a response DTO). */
export function trainingCourseChangedData(course: TrainingCourseEntity): TrainingCourseChangedData {
  return {
    courseId: course.id,
    version: course.version,
    status: course.status,
    title: course.title,
    skillCode: course.skillCode,
    regionCode: course.regionCode,
    startDate: course.startDate,
    endDate: course.endDate,
    seats: course.seats,
    subsidized: course.subsidized,
    postedBy: postedByOf(course),
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** Appends the course's TrainingCourseChanged to the outbox, in the caller's transaction; the id is derived from (course, version). */
export async function appendTrainingCourseChanged(manager: EntityManager, course: TrainingCourseEntity, producer: string): Promise<void> {
  const event = createEnvelope(TrainingCourseChanged, trainingCourseChangedData(course), {
    producer,
    id: deterministicUuid(`training-course:${course.id}:v${course.version}`),
    occurredAt: course.updatedAt,
  });
  await appendToOutbox(manager, SCHEMA, TOPICS.reference, [event]);
}
