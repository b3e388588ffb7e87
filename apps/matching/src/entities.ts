import { DeclinedPair, JobAnnouncement, WorkerPushState } from './push/push.entities';
import { LaborBrandRow } from './reference/labor-brand.entity';
import { TrainingCourse } from './reference/training-course.entity';
import { SharingPost } from './sharing/sharing-post.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [JobAnnouncement, WorkerPushState, DeclinedPair, LaborBrandRow, TrainingCourse, SharingPost];
