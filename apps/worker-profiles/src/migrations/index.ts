import { Outbox1764300000000 } from './1764300000000-outbox';
import { Workers1764400000000 } from './1764400000000-workers';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';
import { StatusRecordAudit1764610000000 } from './1764610000000-status-record-audit';
import { InboxRetention1764750000000 } from './1764750000000-inbox-retention';
import { PublicWelfare1764900000000 } from './1764900000000-public-welfare';
import { FollowUps1764910000000 } from './1764910000000-follow-ups';
import { LaborBrands1765000500000 } from './1765000500000-labor-brands';
import { PhoneIndex1765100000000 } from './1765100000000-phone-index';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, Workers1764400000000, OutboxLanes1764500000000, StatusRecordAudit1764610000000, InboxRetention1764750000000, PublicWelfare1764900000000, FollowUps1764910000000, LaborBrands1765000500000, PhoneIndex1765100000000];
