import { type BaseConfig } from '@laowu/platform';
import { eventually } from '@laowu/testkit';
import request from 'supertest';
import { testInfra } from './infra';
import { TcpProxy } from './tcp-proxy';
import { startTestApp, type TestApp, type TestAppSpec } from './test-app';

/**
 * The shared readiness contract of every app: /health/ready answers 200 while its dependencies
 * answer, and 503 naming the one that is down. PostgreSQL and the search engine are taken down
 * with a proxy in front of the real server; Kafka by pointing the app at a port where no broker
 * listens (its clients follow the broker's advertised address, so a proxy would be bypassed).
 */
export function describeReadiness<C extends BaseConfig>(spec: TestAppSpec<C>, uses: { search: boolean }): void {
  describe(`${spec.about.name} health and readiness`, () => {
    let postgresProxy: TcpProxy;
    let searchProxy: TcpProxy;
    let running: TestApp<C>;

    beforeAll(async () => {
      const infra = testInfra();
      postgresProxy = await TcpProxy.forUrl(infra.databaseUrl).open();
      searchProxy = await TcpProxy.forUrl(infra.searchUrl).open();
      running = await startTestApp(spec, {
        consume: false,
        env: { DATABASE_URL: postgresProxy.url(infra.databaseUrl), ELASTICSEARCH_URL: searchProxy.url(infra.searchUrl) },
      });
    });

    afterAll(async () => {
      await running?.close();
      await postgresProxy?.close();
      await searchProxy?.close();
    });

    it('is live and ready while its dependencies answer', async () => {
      await request(running.url).get('/health').expect(200);
      const ready = await request(running.url).get('/health/ready').expect(200);
      const expected = ['postgres', 'kafka', ...(uses.search ? ['search'] : [])];
      expect(Object.keys(ready.body.info).sort()).toEqual(expected.sort());
    });

    it('serves Prometheus metrics and the OpenAPI page, with the usual security headers and no framework banner', async () => {
      const metrics = await request(running.url).get('/metrics').expect(200);
      expect(metrics.text).toContain('process_resident_memory_bytes');
      expect(metrics.headers['x-powered-by']).toBeUndefined();
      expect(metrics.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' });
      const docs = await request(running.url).get('/docs/json').expect(200);
      expect(docs.body.info.title).toBe(spec.about.title);
    });

    it('answers 503 naming PostgreSQL while it is down, and recovers', async () => {
      await postgresProxy.close();
      const down = await request(running.url).get('/health/ready').expect(503);
      expect(down.body.error.postgres.status).toBe('down');
      await request(running.url).get('/health').expect(200);
      await postgresProxy.open();
      await eventually(() => request(running.url).get('/health/ready').expect(200));
    });

    if (uses.search) {
      it('answers 503 naming the search engine while it is down', async () => {
        await searchProxy.close();
        const down = await request(running.url).get('/health/ready').expect(503);
        expect(down.body.error.search.status).toBe('down');
        await searchProxy.open();
        await eventually(() => request(running.url).get('/health/ready').expect(200));
      });
    }

    it('boots while Kafka is down and answers 503 naming Kafka', async () => {
      const withoutKafka = await startTestApp(spec, { env: { KAFKA_BROKERS: '127.0.0.1:1' } });
      try {
        await request(withoutKafka.url).get('/health').expect(200);
        const down = await request(withoutKafka.url).get('/health/ready').expect(503);
        expect(down.body.error.kafka.status).toBe('down');
        expect(down.body.info.postgres.status).toBe('up');
      } finally {
        await withoutKafka.close();
      }
    });
  });
}
