import { Outbox1764300000000 } from './1764300000000-outbox';
import { InstantAnnouncements1764400000000 } from './1764400000000-instant-announcements';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';
import { PushEngine1764600000000 } from './1764600000000-push-engine';
import { InboxRetention1764750000000 } from './1764750000000-inbox-retention';
import { SharingAndReference1765000400000 } from './1765000400000-sharing-and-reference';
import { RankingWeights1765100000000 } from './1765100000000-ranking-weights';
import { DispatchOutcomes1765200000000 } from './1765200000000-dispatch-outcomes';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, InstantAnnouncements1764400000000, OutboxLanes1764500000000, PushEngine1764600000000, InboxRetention1764750000000, SharingAndReference1765000400000, RankingWeights1765100000000, DispatchOutcomes1765200000000];
