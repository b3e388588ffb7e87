import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../job-collection.errors';
import { type TrainingCourseEntity } from './training-course.entity';

/**
 * Who may do what with a training course (十):
 * - bureau, station: post courses held inside their own region;
 * - close: the bureau whose region contains the course's, the station that posted it, admin;
 * - every signed-in principal reads the list (courses are public information).
 */
export function assertMayPostIn(principal: Principal, regionCode: string): void {
  if ((principal.role === 'bureau' || principal.role === 'station') && regionContains(principal.region, regionCode)) return;
  throw DomainError.forbidden(ERRORS.REGION_FORBIDDEN, `region ${regionCode} is outside your region ${principal.region}`);
}

export function mayClose(principal: Principal, course: Pick<TrainingCourseEntity, 'regionCode' | 'posterRole' | 'posterId'>): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'bureau':
      return regionContains(principal.region, course.regionCode);
    case 'station':
      return course.posterRole === 'station' && course.posterId === principal.sub;
    default:
      return false;
  }
}

/** One body for a course outside the caller's reach and one that does not exist. */
export const courseNotYours = (): DomainError => DomainError.forbidden(ERRORS.TRAINING_COURSE_NOT_YOURS, 'this course is not yours to close');

export const courseMissing = (principal: Principal): DomainError =>
  principal.role === 'admin' ? DomainError.notFound(ERRORS.TRAINING_COURSE_NOT_FOUND, 'training course') : courseNotYours();
