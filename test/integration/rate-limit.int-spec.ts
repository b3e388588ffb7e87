import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { asAgency, newAgencyId, SPEC } from '../../apps/job-collection/test/job-collection.fixtures';
import { TcpProxy } from '../support/tcp-proxy';
import { startTestApp, type TestApp } from '../support/test-app';

/** The machine's Redis (CI's too); a per-run key prefix keeps runs from sharing counters. */
const REDIS_URL = process.env.LAOWU_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

function sharedEnv(prefix: string, overrides: Record<string, string> = {}): Record<string, string> {
  return { REDIS_URL, RATE_LIMIT_KEY_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '4', RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '3', ...overrides };
}

const fallbackCount = async (url: string): Promise<number> => {
  const { text } = await request(url).get('/metrics').expect(200);
  return Number(/^laowu_rate_limit_store_fallbacks_total (\d+)/m.exec(text)?.[1] ?? 0);
};

describe('rate limits shared through Redis by two instances of an app', () => {
  let first: TestApp<unknown>;
  let second: TestApp<unknown>;

  beforeAll(async () => {
    const prefix = `test-rl-${randomUUID()}`;
    first = await startTestApp(SPEC, { consume: false, env: sharedEnv(prefix) });
    second = await startTestApp(SPEC, { consume: false, env: sharedEnv(prefix) });
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('counts one principal once across both instances: the fifth request is 429 with Retry-After', async () => {
    const busy = asAgency(newAgencyId());
    for (const app of [first, second, first, second]) await request(app.url).get('/v1/jobs').set('Authorization', busy).expect(200);

    const refused = await request(first.url).get('/v1/jobs').set('Authorization', busy).expect(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    await request(second.url).get('/v1/jobs').set('Authorization', busy).expect(429);

    await request(second.url).get('/v1/jobs').set('Authorization', asAgency(newAgencyId())).expect(200);
  });

  it('limits requests without a valid token by address, counting failed authentications on both instances', async () => {
    await request(first.url).get('/v1/jobs').expect(401);
    await request(second.url).get('/v1/jobs').set('Authorization', 'Bearer not-a-token').expect(401);
    await request(first.url).get('/v1/jobs').set('Authorization', 'Bearer eyJhbGciOiJub25lIn0.e30.').expect(401);

    for (const app of [second, first]) {
      const refused = await request(app.url).get('/v1/jobs').set('Authorization', 'Bearer guess').expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    // A valid token from the same address (a shared NAT) is not held back by the failures.
    await request(second.url).get('/v1/jobs').set('Authorization', asAgency(newAgencyId())).expect(200);
  });
});

describe('rate limits when Redis goes away', () => {
  let proxy: TcpProxy;
  let app: TestApp<unknown>;

  beforeAll(async () => {
    proxy = await TcpProxy.forUrl(REDIS_URL).open();
    app = await startTestApp(SPEC, { consume: false, env: sharedEnv(`test-rl-${randomUUID()}`, { REDIS_URL: proxy.url(REDIS_URL) }) });
  });

  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  it('keeps answering (never 500) and falls back to this instance’s memory, counting each fallback', async () => {
    const principal = asAgency(newAgencyId());
    await request(app.url).get('/v1/jobs').set('Authorization', principal).expect(200);
    const before = await fallbackCount(app.url);

    await proxy.close();

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(app.url).get('/v1/jobs').set('Authorization', principal)).status);
    // One hit went to Redis before the outage; memory starts afresh, so the limit of 4 holds per instance.
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    await request(app.url).get('/v1/jobs').expect(401);
    // 5 principal checks, 1 failed authentication, and the /metrics request itself (public: limited by address).
    expect((await fallbackCount(app.url)) - before).toBe(7);
  });
});

describe('the client address behind a trusted proxy', () => {
  let app: TestApp<unknown>;

  beforeAll(async () => {
    app = await startTestApp(SPEC, { consume: false, env: { TRUST_PROXY_HOPS: '1', RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1' } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('comes from X-Forwarded-For, so clients behind one ingress are limited each on its own', async () => {
    const from = (address: string) => request(app.url).get('/v1/jobs').set('X-Forwarded-For', address);
    await from('198.51.100.1').expect(401);
    await from('198.51.100.1').expect(429);
    await from('198.51.100.2').expect(401);
  });
});
