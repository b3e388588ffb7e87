import { type TrainingCourseStatus } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A training course (职业技能培训, 十) posted by a bureau or a station in its region. */
@Entity({ name: 'training_courses', schema: SCHEMA })
export class TrainingCourseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column({ name: 'skill_code', type: 'text' }) skillCode: string;
  @Column({ name: 'region_code', type: 'char', length: 6 }) regionCode: string;
  /** YYYY-MM-DD (a Postgres date read back as text). */
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column('int') seats: number;
  @Column('boolean') subsidized: boolean;
  @Column('text') status: TrainingCourseStatus;
  @Column({ name: 'poster_role', type: 'text' }) posterRole: 'bureau' | 'station';
  @Column({ name: 'poster_id', type: 'text' }) posterId: string;
  @Column('int') version: number;
  @Column({ name: 'posted_at', type: 'timestamptz' }) postedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
