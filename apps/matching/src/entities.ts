import { DeclinedPair, JobAnnouncement, WorkerPushState } from './push/push.entities';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [JobAnnouncement, WorkerPushState, DeclinedPair];
