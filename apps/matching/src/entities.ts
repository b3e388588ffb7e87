import { InstantAnnouncement } from './instant/instant-announcement.entity';

/** Every TypeORM entity of this app. */
export const ENTITIES: Function[] = [InstantAnnouncement];
