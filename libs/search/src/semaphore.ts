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
 * Counting semaphore, first come first served. A waiter with a bounded wait gives up (rejects)
 * when it runs out; one without waits as long as it takes. Waiters hold nothing but a closure.
 */
export class Semaphore {
  private active = 0;
  private readonly waiters: Waiter[] = [];

  constructor(readonly permits: number) {
    if (!Number.isInteger(permits) || permits < 1) throw new Error(`Semaphore: permits must be a positive integer (got ${permits})`);
  }

  get inUse(): number {
    return this.active;
  }

  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves to an (idempotent) release function; rejects with PermitTimeoutError after `maxWaitMs`. */
  acquire(maxWaitMs?: number): Promise<() => void> {
    if (this.active < this.permits && this.waiters.length === 0) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (maxWaitMs !== undefined && maxWaitMs <= 0) return Promise.reject(new PermitTimeoutError(0));
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
          const at = this.waiters.indexOf(waiter);
          if (at >= 0) this.waiters.splice(at, 1);
          reject(new PermitTimeoutError(maxWaitMs));
        }, maxWaitMs);
      }
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The permit passes straight to the next waiter, so a newcomer cannot overtake the queue.
      if (next) next.grant();
      else this.active--;
    };
  }
}
