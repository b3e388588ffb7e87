import { sleep } from '@laowu/platform';

/**
 * Within one app, the standard lane gives way to the instant lane (v1.1 push lanes). The lanes
 * have their own topics, outbox relays and consumers, but an app's consumers share its CPU, its
 * database pool and the search engine: while an instant-lane batch is being handled, a
 * standard-lane consumer waits before its next chunk, at most `maxWaitMs` at a time, so a steady
 * gig stream slows a bulk load down without ever stopping it.
 */
export class LanePriority {
  private instantBatches = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly maxWaitMs = 1000) {}

  /** Runs an instant-lane batch; standard-lane chunks wait while any runs. */
  async instant<T>(work: () => Promise<T>): Promise<T> {
    this.instantBatches++;
    try {
      return await work();
    } finally {
      if (--this.instantBatches === 0) this.release();
    }
  }

  /** Resolves when no instant-lane batch runs, or after maxWaitMs. */
  async standardTurn(): Promise<void> {
    if (this.instantBatches === 0) return;
    let done!: () => void;
    const idle = new Promise<void>((resolve) => (done = resolve));
    this.waiting.push(done);
    await Promise.race([idle, sleep(this.maxWaitMs)]);
    this.waiting = this.waiting.filter((w) => w !== done);
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resume of waiting) resume();
  }
}
