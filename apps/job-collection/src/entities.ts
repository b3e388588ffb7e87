import { ComplaintEntity } from './complaints/complaint.entity';
import { EmployerPlacementEntity } from './employers/employer-placement.entity';
import { EmployerEntity } from './employers/employer.entity';
import { JobEntity } from './jobs/job.entity';
import { LaborBrandEntity } from './labor-brands/labor-brand.entity';
import { SharingAgreementEntity } from './sharing/sharing-agreement.entity';
import { SharingPostEntity } from './sharing/sharing-post.entity';
import { TrainingCourseEntity } from './training/training-course.entity';
import { WorkerViewEntity } from './workers-view/worker-view.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [
  JobEntity, LaborBrandEntity, WorkerViewEntity, ComplaintEntity, TrainingCourseEntity, EmployerEntity, EmployerPlacementEntity, SharingPostEntity,
  SharingAgreementEntity,
];
