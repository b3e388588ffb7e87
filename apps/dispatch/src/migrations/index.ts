import { Outbox1764300000000 } from './1764300000000-outbox';
import { Dispatch1764400000000 } from './1764400000000-dispatch';
import { OutboxLanes1764500000000 } from './1764500000000-outbox-lanes';
import { PushEngine1764600000000 } from './1764600000000-push-engine';
import { WebhookSafety1764700000000 } from './1764700000000-webhook-safety';
import { Retention1764750000000 } from './1764750000000-retention';
import { StationMatchesRecent1764800000000 } from './1764800000000-station-matches-recent';
import { Placements1764900000000 } from './1764900000000-placements';
import { EmployersSharing1765000500000 } from './1765000500000-employers-sharing';
import { MatchWeightsVersion1765100000000 } from './1765100000000-match-weights-version';
import { BatchContact1765230000000 } from './1765230000000-batch-contact';

/** In order; run at start by TypeORM (migrationsRun). */
export const MIGRATIONS = [Outbox1764300000000, Dispatch1764400000000, OutboxLanes1764500000000, PushEngine1764600000000, WebhookSafety1764700000000, Retention1764750000000, StationMatchesRecent1764800000000, Placements1764900000000, EmployersSharing1765000500000, MatchWeightsVersion1765100000000, BatchContact1765230000000];
