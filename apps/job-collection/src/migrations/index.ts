import { Outbox1764300000000 } from './1764300000000-outbox';
import { Jobs1764300000001 } from './1764300000001-jobs';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';
import { InboxRetention1764750000000 } from './1764750000000-inbox-retention';
import { LaborBrands1765000000000 } from './1765000000000-labor-brands';
import { EmployersAndSharing1765000100000 } from './1765000100000-employers-and-sharing';
import { ComplaintsTraining1765000200000 } from './1765000200000-complaints-training';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [
  Outbox1764300000000, Jobs1764300000001, OutboxLanes1764500000000, InboxRetention1764750000000, LaborBrands1765000000000,
  EmployersAndSharing1765000100000, ComplaintsTraining1765000200000,
];
