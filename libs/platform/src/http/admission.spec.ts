import express, { type Request, type Response } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry } from '../metrics/metrics.registry';
import { currentRequestScope, InFlightLimiter, installAdmission, type RequestScope } from './admission';

/** A request the test holds open until it says so. */
class Gates {
  private readonly open = new Map<string, () => void>();
  readonly arrived = new Set<string>();
  readonly scopes = new Map<string, RequestScope | undefined>();

  wait(id: string): Promise<void> {
    this.arrived.add(id);
    this.scopes.set(id, currentRequestScope());
    return new Promise((resolve) => this.open.set(id, resolve));
  }

  release(id: string): void {
    this.open.get(id)?.();
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

async function shedCount(app: string): Promise<number> {
  const metric = await metricsRegistry.getSingleMetric('laowu_http_shed_total')!.get();
  return metric.values.filter((v) => v.labels.app === app && v.labels.reason === 'in_flight').reduce((sum, v) => sum + v.value, 0);
}

describe('admission control (installAdmission)', () => {
  let server: Server;
  let base: string;
  let limiter: InFlightLimiter;
  let gates: Gates;
  let bodiesParsed: number;
  const app = `admission-spec-${process.pid}`;

  beforeEach(async () => {
    gates = new Gates();
    bodiesParsed = 0;
    const express_ = express();
    limiter = installAdmission(express_, { app, maxInFlight: 2, retryAfterSeconds: 7 });
    express_.use((req, _res, next) => {
      if (req.method === 'POST') bodiesParsed++;
      next();
    });
    express_.use(express.json());
    express_.get('/health', (_req, res) => void res.json({ status: 'ok' }));
    express_.get('/metrics', (_req, res) => void res.send('# metrics'));
    express_.get('/hold/:id', async (req: Request, res: Response) => {
      await gates.wait(String(req.params.id));
      res.json({ id: req.params.id });
    });
    express_.get('/stream/:id', async (req: Request, res: Response) => {
      res.setHeader('Content-Type', 'text/event-stream');
      res.flushHeaders();
      await gates.wait(String(req.params.id));
      res.end('data: done\n\n');
    });
    express_.post('/hold/:id', async (req: Request, res: Response) => {
      await gates.wait(String(req.params.id));
      res.json({ got: req.body });
    });
    server = express_.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses the request beyond the bound at once: 503, Retry-After, the API error body, counted', async () => {
    const shedBefore = await shedCount(app);
    const first = fetch(`${base}/hold/a`);
    const second = fetch(`${base}/hold/b`);
    await until(() => gates.arrived.size === 2);

    const third = await fetch(`${base}/hold/c`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('7');
    expect(await third.json()).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'SERVICE.OVERLOADED', message: expect.stringContaining('2 requests') });
    expect(gates.arrived.has('c')).toBe(false);
    expect(await shedCount(app)).toBe(shedBefore + 1);

    // Probes and metrics are not counted and not refused.
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(200);

    gates.release('a');
    gates.release('b');
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    await until(() => limiter.inFlight === 0);
    const after = fetch(`${base}/hold/d`);
    await until(() => gates.arrived.has('d'));
    gates.release('d');
    expect((await after).status).toBe(200);
  });

  it('refuses before the body is read', async () => {
    const held = [fetch(`${base}/hold/a`), fetch(`${base}/hold/b`)];
    await until(() => gates.arrived.size === 2);
    const refused = await fetch(`${base}/hold/c`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ big: 'x'.repeat(10_000) }) });
    expect(refused.status).toBe(503);
    expect(bodiesParsed).toBe(0);
    gates.release('a');
    gates.release('b');
    await Promise.all(held);
  });

  it('a streamed answer stops counting once its head is written', async () => {
    const streams = [fetch(`${base}/stream/s1`), fetch(`${base}/stream/s2`)];
    await until(() => gates.arrived.size === 2);
    await Promise.all(streams); // fetch resolves on the response head
    expect(limiter.inFlight).toBe(0);
    const next = fetch(`${base}/hold/a`);
    await until(() => gates.arrived.has('a'));
    gates.release('a');
    expect((await next).status).toBe(200);
    gates.release('s1');
    gates.release('s2');
    for (const stream of await Promise.all(streams)) await stream.text();
  });

  it('a caller who goes away frees its place, and the work left behind sees it gone', async () => {
    const abort = new AbortController();
    const gone = fetch(`${base}/hold/a`, { signal: abort.signal }).catch((error: Error) => error.name);
    await until(() => gates.arrived.has('a'));
    expect(gates.scopes.get('a')?.state).toBe('working');
    abort.abort();
    expect(await gone).toBe('AbortError');
    await until(() => limiter.inFlight === 0);
    expect(gates.scopes.get('a')?.state).toBe('gone');
    gates.release('a');
  });
});

describe('InFlightLimiter', () => {
  it('admits up to its bound; a release (once, however often called) makes room for one more', () => {
    const limiter = new InFlightLimiter(2);
    const a = limiter.tryAcquire()!;
    expect(limiter.tryAcquire()).toBeDefined();
    expect(limiter.tryAcquire()).toBeUndefined();
    a();
    a();
    expect(limiter.inFlight).toBe(1);
    expect(limiter.tryAcquire()).toBeDefined();
    expect(limiter.tryAcquire()).toBeUndefined();
  });
});
