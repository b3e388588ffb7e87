import { JobEntity } from './jobs/job.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [JobEntity];
