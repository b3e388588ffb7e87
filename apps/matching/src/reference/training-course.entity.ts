import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A training course (职业技能培训, 十) at its highest version seen on laowu.reference.v1. */
@Entity({ schema: SCHEMA, name: 'training_courses' })
export class TrainingCourse {
  @PrimaryColumn('uuid', { name: 'course_id' }) courseId: string;
  @Column('int') version: number;
  @Column('text') status: 'open' | 'closed';
  @Column('text') title: string;
  @Column('text', { name: 'skill_code' }) skillCode: string;
  @Column('text', { name: 'region_code' }) regionCode: string;
  /** Calendar dates, 'YYYY-MM-DD'. */
  @Column('date', { name: 'start_date' }) startDate: string;
  @Column('date', { name: 'end_date' }) endDate: string;
  @Column('int') seats: number;
  @Column('boolean') subsidized: boolean;
  @Column('text', { name: 'posted_by' }) postedBy: string;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
