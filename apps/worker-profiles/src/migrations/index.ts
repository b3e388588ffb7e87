import { Outbox1764300000000 } from './1764300000000-outbox';
import { Workers1764400000000 } from './1764400000000-workers';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';
import { StatusRecordAudit1764610000000 } from './1764610000000-status-record-audit';
import { InboxRetention1764750000000 } from './1764750000000-inbox-retention';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, Workers1764400000000, OutboxLanes1764500000000, StatusRecordAudit1764610000000, InboxRetention1764750000000];
