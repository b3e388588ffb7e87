import { callerIsWaiting, currentRequestScope, metricsRegistry, OverloadedError } from '@laowu/platform';
import { Gauge } from 'prom-client';
import { PermitTimeoutError, Semaphore } from './semaphore';

/** The bounds on one client's calls to the search engine. */
export interface SearchLimits {
  /** Calls in progress at once, HTTP and consumers together. */
  maxConcurrent: number;
  /** How long a call made for a waiting HTTP caller waits for a slot (then 503). */
  httpWaitMs: number;
  /** Timeout of such a call (no retry): the caller is better served by a quick 503. */
  httpTimeoutMs: number;
  /** Timeout per attempt of every other call (consumers' bulk writes, reindex). */
  requestTimeoutMs: number;
  /** Retry-After of the 503 a refused call becomes. */
  retryAfterSeconds: number;
}

export const DEFAULT_SEARCH_LIMITS: SearchLimits = { maxConcurrent: 8, httpWaitMs: 500, httpTimeoutMs: 5000, requestTimeoutMs: 30_000, retryAfterSeconds: 1 };

export function searchLimitsOf(config: {
  SEARCH_MAX_CONCURRENCY: number;
  SEARCH_HTTP_WAIT_MS: number;
  SEARCH_HTTP_TIMEOUT_MS: number;
  SEARCH_REQUEST_TIMEOUT_MS: number;
  OVERLOAD_RETRY_AFTER_S: number;
}): SearchLimits {
  return {
    maxConcurrent: config.SEARCH_MAX_CONCURRENCY,
    httpWaitMs: config.SEARCH_HTTP_WAIT_MS,
    httpTimeoutMs: config.SEARCH_HTTP_TIMEOUT_MS,
    requestTimeoutMs: config.SEARCH_REQUEST_TIMEOUT_MS,
    retryAfterSeconds: config.OVERLOAD_RETRY_AFTER_S,
  };
}

const semaphores = new Set<Semaphore>();
new Gauge({
  name: 'laowu_search_engine_calls',
  help: 'Search-engine calls of this process in progress (state="active") and waiting for a slot (state="waiting")',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    let active = 0;
    let waiting = 0;
    for (const s of semaphores) (active += s.inUse), (waiting += s.waiting);
    this.set({ state: 'active' }, active);
    this.set({ state: 'waiting' }, waiting);
  },
});

/**
 * The bound on one client's calls in progress. Every call of the client goes through `run`, so
 * no caller can bypass it by accident (only the readiness probe does, on purpose).
 * - For an HTTP request still being worked on: a short wait for a slot (OverloadedError → 503 +
 *   Retry-After), then one attempt with `httpTimeoutMs`; no call at all for a caller who has gone.
 * - Anything else (Kafka consumers, the outbox, timers): waits its turn, however long; its
 *   per-attempt timeout is the client's `requestTimeoutMs`.
 * Memory stays bounded by the permits: beyond them a call is a closure in a queue, the request is
 * only built once a slot is free.
 */
export class EngineCalls {
  private readonly semaphore: Semaphore;

  constructor(private readonly limits: SearchLimits) {
    this.semaphore = new Semaphore(limits.maxConcurrent);
    semaphores.add(this.semaphore);
  }

  async run<R>(send: (options: { requestTimeout?: number; maxRetries?: number }) => Promise<R>): Promise<R> {
    const forWaitingCaller = callerIsWaiting();
    if (currentRequestScope()?.state === 'gone') {
      throw new OverloadedError('the caller has gone; no search-engine call is made for it', 'caller_gone', this.limits.retryAfterSeconds);
    }
    const release = await this.acquire(forWaitingCaller);
    try {
      return await send(forWaitingCaller ? { requestTimeout: this.limits.httpTimeoutMs, maxRetries: 0 } : {});
    } finally {
      release();
    }
  }

  private async acquire(forWaitingCaller: boolean): Promise<() => void> {
    try {
      return await this.semaphore.acquire(forWaitingCaller ? this.limits.httpWaitMs : undefined);
    } catch (error) {
      if (!(error instanceof PermitTimeoutError)) throw error;
      const { permits } = this.semaphore;
      throw new OverloadedError(`${permits} search-engine calls are in progress here; retry after ${this.limits.retryAfterSeconds} s`, 'search', this.limits.retryAfterSeconds);
    }
  }
}
