import { Outbox1764300000000 } from './1764300000000-outbox';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000];
