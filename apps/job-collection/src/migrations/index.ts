import { Outbox1764300000000 } from './1764300000000-outbox';
import { Jobs1764300000001 } from './1764300000001-jobs';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';
import { InboxRetention1764750000000 } from './1764750000000-inbox-retention';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, Jobs1764300000001, OutboxLanes1764500000000, InboxRetention1764750000000];
