import { callerIsWaiting, currentRequestScope, metricsRegistry, OverloadedError } from '@laowu/platform';
import { errors, Transport } from '@opensearch-project/opensearch';
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

const UNBOUNDED = Symbol('laowu.search.unbounded');

/** Request options for a call that bypasses the bound (the readiness probe: one small call that must answer under load). */
export const UNBOUNDED_CALL = { context: { [UNBOUNDED]: true } } as const;

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

type RequestFn = (params: unknown, options?: Record<string, unknown>, callback?: (err: unknown, result: unknown) => void) => unknown;
type TransportPromise = Promise<unknown> & { abort(): unknown };

/**
 * The client's transport with a bound on calls in progress. Every API method of the client goes
 * through `request`, so no caller can bypass it by accident.
 * - For an HTTP request still being worked on: a short wait for a slot (OverloadedError → 503 +
 *   Retry-After), then one attempt with `httpTimeoutMs`; no call at all for a caller who has gone.
 * - Anything else (Kafka consumers, the outbox, timers): waits its turn, however long; its
 *   per-attempt timeout is the client's `requestTimeoutMs`.
 * Memory stays bounded by the permits: beyond them a call is a closure in a queue, the query is
 * only serialized once a slot is free.
 */
export function limitedTransport(limits: SearchLimits): typeof Transport {
  const semaphore = new Semaphore(limits.maxConcurrent);
  semaphores.add(semaphore);

  class LimitedTransport extends Transport {
    override request(params: any, options?: any, callback?: any): any {
      if (typeof options === 'function') [callback, options] = [options, {}];
      const opts = { ...((options ?? {}) as Record<string, unknown>) } as Record<string, unknown> & { context?: Record<symbol, unknown> };
      const base = (super.request as RequestFn).bind(this);
      if (opts.context?.[UNBOUNDED]) return base(params, opts, callback as never);
      let inner: TransportPromise | undefined;
      let aborted = false;
      const call = bounded(semaphore, limits, opts, () => {
        if (aborted) throw new errors.RequestAbortedError('Request aborted', null as never);
        inner = base(params, opts) as TransportPromise;
        return inner;
      });
      if (typeof callback === 'function') {
        call.then(
          (result) => callback(null, result),
          (error: { meta?: unknown }) => callback(error, error?.meta ?? null),
        );
      }
      return Object.assign(call, {
        abort() {
          aborted = true;
          inner?.abort();
          return this;
        },
      });
    }
  }
  return LimitedTransport as unknown as typeof Transport;
}

async function bounded(semaphore: Semaphore, limits: SearchLimits, options: Record<string, unknown>, start: () => Promise<unknown>): Promise<unknown> {
  const forWaitingCaller = callerIsWaiting();
  if (currentRequestScope()?.state === 'gone') {
    throw new OverloadedError('the caller has gone; no search-engine call is made for it', 'caller_gone', limits.retryAfterSeconds);
  }
  let release: () => void;
  try {
    release = await semaphore.acquire(forWaitingCaller ? limits.httpWaitMs : undefined);
  } catch (error) {
    if (!(error instanceof PermitTimeoutError)) throw error;
    throw new OverloadedError(`${semaphore.permits} search-engine calls are in progress here; retry after ${limits.retryAfterSeconds} s`, 'search', limits.retryAfterSeconds);
  }
  try {
    if (forWaitingCaller) {
      options.requestTimeout ??= limits.httpTimeoutMs;
      options.maxRetries ??= 0;
    }
    return await start();
  } finally {
    release();
  }
}
