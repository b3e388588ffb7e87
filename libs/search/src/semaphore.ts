/** Thrown by `Semaphore.acquire` when no permit came free within the caller's wait. */
export class PermitTimeoutError extends Error {
  constructor(readonly waitedMs: number) {
    super(`no permit within ${waitedMs} ms`);
    this.name = 'PermitTimeoutError';
  }
}

interface Waiter {
  grant(): void;
}

/**
 * Counting semaphore. A waiter with a bounded wait (a caller at an HTTP socket) gives up when it
 * runs out and goes ahead of the waiters without one (Kafka consumers, which wait as long as it
 * takes): first come first served within each. Served in one queue, a steady consumer backlog
 * starved every HTTP request (the demo's reads got 503 for a minute while 2,400 workers were
 * indexed). Waiters hold nothing but a closure.
 */
export class Semaphore {
  private active = 0;
  private readonly urgent: Waiter[] = [];
  private readonly patient: Waiter[] = [];

  constructor(readonly permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new Error(`Semaphore: permits must be a positive integer (got ${permits})`);
  }

  get inUse(): number {
    return this.active;
  }

  get waiting(): number {
    return this.urgent.length + this.patient.length;
  }

  /** Resolves to an (idempotent) release function; rejects with PermitTimeoutError after `maxWaitMs`. */
  acquire(maxWaitMs?: number): Promise<() => void> {
    const bounded = maxWaitMs !== undefined;
    const ahead = bounded ? this.urgent.length : this.waiting;
    if (this.active < this.permits && ahead === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (bounded && maxWaitMs <= 0) return Promise.reject(new PermitTimeoutError(0));
    const queue = bounded ? this.urgent : this.patient;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        grant: () => {
          if (timer) clearTimeout(timer);
          resolve(this.releaser());
        },
      };
      if (maxWaitMs !== undefined) {
        timer = setTimeout(() => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(new PermitTimeoutError(maxWaitMs));
        }, maxWaitMs);
      }
      queue.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.urgent.shift() ?? this.patient.shift();
      // The permit passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next) next.grant();
      else this.active--;
    };
  }
}
