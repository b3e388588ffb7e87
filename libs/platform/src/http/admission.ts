import type { Express, NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Counter, Gauge } from 'prom-client';
import { metricsRegistry } from '../metrics/metrics.registry';
import { type OverloadedError } from './overload';

export const httpShed = new Counter({
  name: 'laowu_http_shed_total',
  help: 'HTTP requests refused with 503 + Retry-After because this instance was at a bound (reason: in_flight, search, caller_gone)',
  labelNames: ['app', 'reason'] as const,
  registers: [metricsRegistry],
});

const httpInFlight = new Gauge({
  name: 'laowu_http_in_flight',
  help: 'HTTP requests admitted and not yet answered (health and metrics not counted)',
  labelNames: ['app'] as const,
  registers: [metricsRegistry],
});

/**
 * A bound on requests being worked on at once. No queue: beyond the bound a request is refused at
 * once, so memory grows with the bound and not with the offered traffic.
 */
export class InFlightLimiter {
  private current = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`InFlightLimiter: max must be a positive integer (got ${max})`);
  }

  get inFlight(): number {
    return this.current;
  }

  /** A release function (idempotent) when admitted; undefined when at the bound. */
  tryAcquire(): (() => void) | undefined {
    if (this.current >= this.max) return undefined;
    this.current++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.current--;
    };
  }
}

/**
 * Where an admitted request stands, visible to everything it awaits (AsyncLocalStorage): the
 * search lib bounds its waits and timeouts only while a caller is waiting for the answer, and
 * starts no engine call for a caller who has gone.
 */
export interface RequestScope {
  state: 'working' | 'answered' | 'gone';
}

const scopes = new AsyncLocalStorage<RequestScope>();

/** The scope of the HTTP request this code runs for, if any (undefined in Kafka consumers and timers). */
export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/** Runs `fn` as the work of a request in `scope` (the admission middleware; tests). */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return scopes.run(scope, fn);
}

/** True while an HTTP caller waits for this code's answer: waits must be short, failures quick. */
export function callerIsWaiting(): boolean {
  return scopes.getStore()?.state === 'working';
}

export interface AdmissionOptions {
  /** The app's name: the metrics' `app` label. */
  app: string;
  maxInFlight: number;
  retryAfterSeconds: number;
}

/** Liveness, readiness and metrics answer whatever the load: a probe that times out restarts a busy pod. */
const EXEMPT = /^\/(health|metrics)(\/|$)/;

export function overloadBody(message: string) {
  return { statusCode: 503, error: 'Service Unavailable', code: 'SERVICE.OVERLOADED', message };
}

export function countShed(app: string, reason: OverloadedError['reason']): void {
  httpShed.inc({ app, reason });
}

/**
 * Admission control, first in the middleware chain (before the body is read): at most
 * `maxInFlight` requests are worked on at once; beyond that 503 + Retry-After with the API's
 * error body, at once. A request stops counting when its answer's head is written (an SSE stream
 * or a CSV export is then bounded by its own caps) or when its caller goes away.
 */
export function installAdmission(app: Express, options: AdmissionOptions): InFlightLimiter {
  const limiter = new InFlightLimiter(options.maxInFlight);
  httpInFlight.set({ app: options.app }, 0);
  httpShed.inc({ app: options.app, reason: 'in_flight' }, 0);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (EXEMPT.test(req.path)) return next();
    const release = limiter.tryAcquire();
    if (!release) {
      countShed(options.app, 'in_flight');
      res.setHeader('Retry-After', String(options.retryAfterSeconds));
      res.status(503).json(overloadBody(`${limiter.max} requests are in progress here; retry after ${options.retryAfterSeconds} s`));
      return;
    }
    httpInFlight.inc({ app: options.app });
    const scope: RequestScope = { state: 'working' };
    const settle = (state: RequestScope['state']) => {
      if (scope.state !== 'working') return;
      scope.state = state;
      release();
      httpInFlight.dec({ app: options.app });
    };
    const writeHead = res.writeHead;
    // Every answer passes here (res.end and flushHeaders write the head through it).
    res.writeHead = function (this: Response, ...args: unknown[]) {
      settle('answered');
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
    res.once('close', () => settle(res.headersSent ? 'answered' : 'gone'));
    runInRequestScope(scope, next);
  });
  return limiter;
}

/** The 503 every operation may answer, in each app's OpenAPI page. */
export const SERVICE_UNAVAILABLE_DOC =
  'Retry after the seconds in Retry-After. SERVICE.OVERLOADED: this instance is at its bound of requests in progress (MAX_IN_FLIGHT) ' +
  'or of search-engine calls and refused the request at once, before reading its body: nothing was done. DEPENDENCY.UNAVAILABLE: ' +
  'PostgreSQL, Kafka or the search engine is away or timed out (a write is rolled back; a job create may be sent again with the same externalId).';

interface OpenApiLike {
  paths: object;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Adds the 503 (with its Retry-After header) to every operation of an OpenAPI document that does not name one. */
export function documentServiceUnavailable<T extends OpenApiLike>(document: T): T {
  for (const [path, item] of Object.entries(document.paths as Record<string, object>)) {
    if (EXEMPT.test(path)) continue;
    for (const [method, operation] of Object.entries(item as Record<string, unknown>)) {
      if (!HTTP_METHODS.has(method) || typeof operation !== 'object' || operation === null) continue;
      const responses = ((operation as { responses?: Record<string, unknown> }).responses ??= {});
      responses['503'] ??= {
        description: SERVICE_UNAVAILABLE_DOC,
        headers: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } } },
      };
    }
  }
  return document;
}
