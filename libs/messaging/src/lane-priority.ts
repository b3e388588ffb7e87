import { sleep } from '@laowu/platform';
import { type ConsumerName } from './consumer-groups';

/** Precedence of an app's consumers: a consumer's chunks give way while one ranked above it works. */
const RANK: Record<ConsumerName, number> = { instant: 0, standard: 1, pushes: 2 };

/**
 * Within one app, the standard lane gives way to the instant lane (v1.1 push lanes), and the
 * standard lane's pushes to the rest of it (indexing). The consumers have their own groups, but
 * share the app's CPU, its database pool and the search engine: while a higher consumer's batch is
 * being handled, a lower one waits before its next chunk, at most its maximum wait at a time, so a
 * steady gig stream slows a bulk load down without ever stopping it, and a bulk load's ranking
 * queries (its pushes) leave the search engine to its indexing without ever stopping.
 */
export class LanePriority {
  private readonly working = [0, 0, 0];
  private waiting: (() => void)[] = [];
  private readonly maxWaitMs: Record<Exclude<ConsumerName, 'instant'>, number>;

  constructor(maxWaitMs: Partial<Record<Exclude<ConsumerName, 'instant'>, number>> = {}) {
    this.maxWaitMs = { standard: 1000, pushes: 10_000, ...maxWaitMs };
  }

  /** Runs a batch of this consumer; the consumers ranked below it wait while any runs. */
  async run<T>(consumer: ConsumerName, work: () => Promise<T>): Promise<T> {
    this.working[RANK[consumer]]++;
    try {
      return await work();
    } finally {
      this.working[RANK[consumer]]--;
      this.release();
    }
  }

  /** Resolves when no consumer ranked above this one is working, or after its maximum wait. */
  async turn(consumer: ConsumerName): Promise<void> {
    if (consumer === 'instant' || !this.anyAbove(consumer)) return;
    const deadline = sleep(this.maxWaitMs[consumer]).then(() => true);
    while (this.anyAbove(consumer)) {
      let done!: () => void;
      const changed = new Promise<boolean>((resolve) => (done = () => resolve(false)));
      this.waiting.push(done);
      const timedOut = await Promise.race([changed, deadline]);
      this.waiting = this.waiting.filter((w) => w !== done);
      if (timedOut) return;
    }
  }

  private anyAbove(consumer: ConsumerName): boolean {
    return this.working.slice(0, RANK[consumer]).some((n) => n > 0);
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }
}
