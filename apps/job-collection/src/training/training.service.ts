import { type Principal } from '@laowu/auth';
import { isKnownRegion, isKnownSkill, regionPrefix } from '@laowu/domain';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { type ListTrainingCoursesRequest } from './list-training-courses.request.dto';
import { type PostTrainingCourseRequest } from './post-training-course.request.dto';
import { appendTrainingCourseChanged } from './training-course-changed.event';
import { assertMayPostIn, courseMissing, courseNotYours, mayClose } from './training-course.access';
import { TrainingCourseEntity } from './training-course.entity';

/** Training courses (职业技能培训, 十): the row and its TrainingCourseChanged (laowu.reference.v1) in one transaction. */
@Injectable()
export class TrainingService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async post(principal: Principal, request: PostTrainingCourseRequest): Promise<TrainingCourseEntity> {
    assertMayPostIn(principal, request.regionCode);
    if (!isKnownRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [{ field: 'regionCode', problem: `${request.regionCode} is not a known GB/T 2260 region code` }]);
    }
    if (!isKnownSkill(request.skillCode)) {
      throw DomainError.unprocessable(ERRORS.TRAINING_UNKNOWN_SKILL, [{ field: 'skillCode', problem: `${request.skillCode} is not a skill of the taxonomy` }]);
    }
    if (request.endDate < request.startDate) {
      throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: 'endDate', problem: 'endDate must be on or after startDate' }]);
    }
    const now = new Date();
    const course = Object.assign(new TrainingCourseEntity(), {
      id: randomUUID(),
      title: request.title.trim(),
      skillCode: request.skillCode,
      regionCode: request.regionCode,
      startDate: request.startDate,
      endDate: request.endDate,
      seats: request.seats,
      subsidized: request.subsidized,
      status: 'open' as const,
      posterRole: principal.role as 'bureau' | 'station',
      posterId: principal.sub,
      version: 1,
      postedAt: now,
      updatedAt: now,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(TrainingCourseEntity, course);
      await appendTrainingCourseChanged(manager, course, this.producer);
    });
    return course;
  }

  /** Closing a closed course changes nothing (no new version, no event). */
  async close(principal: Principal, id: string): Promise<TrainingCourseEntity> {
    return this.dataSource.transaction(async (manager) => {
      const course = await manager.findOne(TrainingCourseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!course) throw courseMissing(principal);
      if (!mayClose(principal, course)) throw courseNotYours();
      if (course.status === 'closed') return course;
      course.status = 'closed';
      course.version += 1;
      course.updatedAt = new Date();
      await manager.save(course);
      await appendTrainingCourseChanged(manager, course, this.producer);
      return course;
    });
  }

  /** By start date, then id. */
  async list(query: ListTrainingCoursesRequest): Promise<{ items: TrainingCourseEntity[]; total: number }> {
    const qb = this.dataSource.manager.createQueryBuilder(TrainingCourseEntity, 'c').where('c.status = :status', { status: query.status });
    if (query.regionCode) qb.andWhere('c.region_code LIKE :prefix', { prefix: `${regionPrefix(query.regionCode)}%` });
    if (query.skillCode) qb.andWhere('c.skill_code = :skill', { skill: query.skillCode });
    const [items, total] = await qb
      .orderBy('c.start_date', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }
}
