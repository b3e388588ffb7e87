import { OverloadedError, type RequestScope, runInRequestScope } from '@laowu/platform';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SEARCH_ENGINES, type SearchClient } from './search-client';
import { createSearchClient } from './search.module';

/** A stand-in engine (either kind) that answers only when the test releases a request (or never). */
class HeldEngine {
  private server?: Server;
  readonly held: ServerResponse[] = [];
  received = 0;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      req.resume();
      this.received++;
      this.held.push(res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  releaseAll(): void {
    for (const res of this.held.splice(0)) {
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('x-elastic-product', 'Elasticsearch');
      res.end(JSON.stringify({ hits: { hits: [] }, status: 'green' }));
    }
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

const search = (client: SearchClient) => client.search('jobs', { query: { match_all: {} } });
const inScope = <T>(state: RequestScope['state'], fn: () => T): T => runInRequestScope({ state }, fn);

describe.each(SEARCH_ENGINES)('the search client bounds its engine calls (EngineCalls), over %s', (kind) => {
  let engine: HeldEngine;
  let client: SearchClient;
  // Held requests must outlive a loaded CI machine's scheduling delays; only the timeout case times out.
  const clientWith = (timeoutMs: number) =>
    createSearchClient({ node: engine.url, engine: kind }, { maxConcurrent: 2, httpWaitMs: 20, httpTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs, retryAfterSeconds: 4 });

  beforeEach(async () => {
    engine = await new HeldEngine().start();
    client = clientWith(30_000);
  });

  afterEach(async () => {
    engine.releaseAll();
    await client.close();
    await engine.stop();
  });

  it('sends at most maxConcurrent calls at once; the others (no HTTP caller) wait and then go', async () => {
    const calls = [1, 2, 3, 4].map(() => search(client));
    await until(() => engine.received === 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(engine.received).toBe(2);
    engine.releaseAll();
    await until(() => engine.received === 4);
    engine.releaseAll();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.hits)).toEqual([[], [], [], []]);
  });

  it('a call for a waiting HTTP caller gives up after its short wait: OverloadedError (503), nothing sent', async () => {
    const busy = [search(client), search(client)];
    await until(() => engine.received === 2);
    const refused = await inScope('working', () => search(client)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(OverloadedError);
    expect(refused).toMatchObject({ reason: 'search', retryAfterSeconds: 4, code: 'SERVICE.OVERLOADED' });
    expect(engine.received).toBe(2);
    engine.releaseAll();
    await Promise.all(busy);
  });

  it('makes no call at all for a caller who has gone', async () => {
    const refused = await inScope('gone', () => search(client)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'OverloadedError', reason: 'caller_gone' });
    expect(engine.received).toBe(0);
  });

  it('an HTTP caller gets one attempt with the HTTP timeout; other calls are retried by the client', async () => {
    await client.close();
    client = clientWith(150);
    const http = await inScope('working', () => search(client)).catch((error: Error) => error);
    expect((http as Error).name).toBe('TimeoutError');
    expect(engine.received).toBe(1);

    const consumer = await search(client).catch((error: Error) => error);
    expect((consumer as Error).name).toBe('TimeoutError');
    expect(engine.received).toBe(1 + 3); // maxRetries 2
  });

  it('a call after the answer was sent (work left running) is not bounded like an HTTP one', async () => {
    const busy = [search(client), search(client)];
    await until(() => engine.received === 2);
    const late = inScope('answered', () => search(client));
    await new Promise((resolve) => setTimeout(resolve, 60)); // past httpWaitMs: it still waits
    engine.releaseAll();
    await until(() => engine.received === 3);
    engine.releaseAll();
    expect((await late).hits).toEqual([]);
    await Promise.all(busy);
  });

  it('the readiness probe passes the bound', async () => {
    const busy = [search(client), search(client)];
    await until(() => engine.received === 2);
    const probe = client.health();
    await until(() => engine.received === 3);
    engine.releaseAll();
    expect((await probe).status).toBe('green');
    await Promise.all(busy);
  });
});
