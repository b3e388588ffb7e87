import { Outbox1764300000000 } from './1764300000000-outbox';
import { InstantAnnouncements1764400000000 } from './1764400000000-instant-announcements';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, InstantAnnouncements1764400000000];
