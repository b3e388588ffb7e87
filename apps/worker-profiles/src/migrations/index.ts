import { Outbox1764300000000 } from './1764300000000-outbox';
import { Workers1764400000000 } from './1764400000000-workers';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, Workers1764400000000, OutboxLanes1764500000000];
