import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { deleteIndices } from '../../../test/support/faults';
import { testInfra } from '../../../test/support/infra';
import { searchClient } from '../../../test/support/search';
import { TcpProxy } from '../../../test/support/tcp-proxy';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { bearer } from '../../../test/support/tokens';
import { ABOUT, AppModule } from '../src/app.module';
import { MatchingConfig } from '../src/matching.config';

const spec = { configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot };
const station = bearer({ sub: 'station-admission-test', role: 'station', region: '510000' });

/** A sample of the app's own /metrics (0 when absent). */
async function metric(app: TestApp<MatchingConfig>, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && wanted.every((w) => l.includes(w)));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

const matchesOf = (app: TestApp<MatchingConfig>, workerId = randomUUID()) =>
  fetch(`${app.url}/v1/workers/${workerId}/matches`, { headers: { Authorization: station } });

/**
 * Issue 14: under load matching took every request, queued them behind a saturated engine and
 * ran out of heap. Here the engine stops answering (its TCP proxy holds every byte), so requests
 * stay in flight; the bounds must answer the rest 503 + Retry-After at once, and the app must
 * answer normally once the engine is back.
 */
describe('matching sheds load beyond its bounds (admission control)', () => {
  const search = searchClient();
  const prefixes: string[] = [];
  let proxy: TcpProxy;
  let app: TestApp<MatchingConfig> | undefined;

  const start = async (env: Record<string, string>) => {
    const prefix = `t-adm-${randomUUID().slice(0, 8)}-`;
    prefixes.push(prefix);
    proxy = await TcpProxy.forUrl(testInfra().searchUrl).open();
    app = await startTestApp(spec, {
      consume: false,
      env: { ELASTICSEARCH_URL: proxy.url(testInfra().searchUrl), SEARCH_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000', ...env },
    });
    // Indices in place and a first call through: what is held later is the request's own call.
    await eventually(async () => (await matchesOf(app!)).status === 404, 60_000, 50, 'matching answers 404 for an unknown worker');
    return app;
  };

  afterEach(async () => {
    proxy?.release();
    await app?.close();
    app = undefined;
    await proxy?.close();
  });

  afterAll(async () => {
    for (const prefix of prefixes) await deleteIndices(search, prefix);
    await search.close();
  });

  it('MAX_IN_FLIGHT=2: the third concurrent request is refused 503 with Retry-After, and the app answers after the flood', async () => {
    const matching = await start({ MAX_IN_FLIGHT: '2', OVERLOAD_RETRY_AFTER_S: '2', SEARCH_HTTP_TIMEOUT_MS: '120000' });
    proxy.hold();
    const held = [matchesOf(matching), matchesOf(matching)];
    await eventually(async () => (await metric(matching, 'laowu_http_in_flight', { app: 'matching' })) === 2, 60_000, 50, 'two requests in flight');

    const refused = await matchesOf(matching);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(await refused.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable', code: 'SERVICE.OVERLOADED' });
    const search = await fetch(`${matching.url}/v1/search/jobs`, {
      method: 'POST',
      headers: { Authorization: station, 'Content-Type': 'application/json' },
      body: JSON.stringify({ q: '焊工' }),
    });
    expect(search.status).toBe(503);
    expect(search.headers.get('retry-after')).toBe('2');
    // Liveness and metrics are never refused.
    expect((await fetch(`${matching.url}/health`)).status).toBe(200);
    expect(await metric(matching, 'laowu_http_shed_total', { app: 'matching', reason: 'in_flight' })).toBe(2);

    proxy.release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([404, 404]);
    const flood = await Promise.all(Array.from({ length: 20 }, () => matchesOf(matching)));
    expect(flood.every((r) => r.status === 404 || r.status === 503)).toBe(true);
    expect(flood.filter((r) => r.status === 503).every((r) => r.headers.get('retry-after') === '2')).toBe(true);
    await eventually(async () => (await metric(matching, 'laowu_http_in_flight', { app: 'matching' })) === 0, 60_000, 50, 'nothing in flight');
    expect((await matchesOf(matching)).status).toBe(404);

    // The OpenAPI page names the 503 and its Retry-After on every operation.
    const openapi = (await (await fetch(`${matching.url}/docs/json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, any> }>> };
    const documented = openapi.paths['/v1/workers/{id}/matches'].get.responses['503'];
    expect(documented.description).toMatch(/SERVICE\.OVERLOADED/);
    expect(Object.keys(documented.headers)).toEqual(['Retry-After']);
  });

  it('SEARCH_MAX_CONCURRENCY=1: a request that cannot get an engine slot in time is refused 503 with Retry-After', async () => {
    const matching = await start({ SEARCH_MAX_CONCURRENCY: '1', SEARCH_HTTP_WAIT_MS: '200', SEARCH_HTTP_TIMEOUT_MS: '120000' });
    proxy.hold();
    const held = matchesOf(matching);
    await eventually(async () => (await metric(matching, 'laowu_search_engine_calls', { state: 'active' })) === 1, 60_000, 50, 'one engine call in progress');

    const refused = await matchesOf(matching);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ code: 'SERVICE.OVERLOADED' });
    expect(await metric(matching, 'laowu_http_shed_total', { app: 'matching', reason: 'search' })).toBe(1);

    proxy.release();
    expect((await held).status).toBe(404);
    expect((await matchesOf(matching)).status).toBe(404);
  });
});
