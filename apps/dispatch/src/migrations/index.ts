import { Outbox1764300000000 } from './1764300000000-outbox';
import { Dispatch1764400000000 } from './1764400000000-dispatch';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, Dispatch1764400000000];
