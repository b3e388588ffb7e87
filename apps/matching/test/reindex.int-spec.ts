import { indicesBehind, type SearchClient } from '@laowu/search';
import request from 'supertest';
import { positionGroupsAtEnds } from '../../../test/support/kafka';
import { searchClient } from '../../../test/support/search';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { ABOUT, AppModule } from '../src/app.module';
import { MatchingConfig } from '../src/matching.config';
import { indexed, CONSUMED_TOPICS, jobData, Producer, uniquePrefix, workerData } from './matching.fixtures';

jest.setTimeout(600000);

describe('admin reindex from the compacted topics (real Kafka, OpenSearch)', () => {
  const prefix = uniquePrefix();
  let running: TestApp<MatchingConfig>;
  let client: SearchClient;
  let producer: Producer;

  beforeAll(async () => {
    const group = `test-${uniquePrefix()}reindex`;
    await positionGroupsAtEnds([group], CONSUMED_TOPICS);
    running = await startTestApp({ configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot }, { env: { SEARCH_INDEX_PREFIX: prefix, KAFKA_GROUP_ID: group } });
    client = searchClient();
    producer = new Producer();
  });

  afterAll(async () => {
    await producer?.close();
    await running?.close();
    await client?.deleteIndex(`${prefix}*`).catch(() => undefined);
    await client?.close();
  });

  it('is for admins only', async () => {
    await request(running.url).post('/v1/admin/reindex').set('Authorization', bearer({ sub: 'a', role: 'agency', region: '440300' })).expect(403);
  });

  it('builds new indices from the topics and swaps the aliases while every query keeps answering', async () => {
    // In 曲麻莱县, where no other test, bench or the demo posts jobs: the reindex reads the shared
    // topics' whole history, and the job must still rank in this worker's top 200 afterwards.
    const place = { lat: 34.1264, lon: 95.7974 };
    const worker = workerData({ homeRegionCode: '632726', residenceRegionCode: '632726', location: place });
    const job = jobData({ location: { regionCode: '632726', ...place } });
    await producer.workers(worker);
    await producer.jobs(job, { ...job, version: 2, filled: 1 });
    await indexed(client, `${prefix}workers`, worker.workerId, 1);
    await indexed(client, `${prefix}jobs`, job.jobId, 2);
    await client.refresh(`${prefix}*`);
    const before = [...(await indicesBehind(client, `${prefix}jobs`)), ...(await indicesBehind(client, `${prefix}workers`))];

    let reindexing = true;
    const statuses: number[] = [];
    const queries = (async () => {
      while (reindexing) {
        const matches = await request(running.url).get(`/v1/workers/${worker.workerId}/matches`).set('Authorization', asAdmin());
        const search = await request(running.url).post('/v1/search/jobs').set('Authorization', asAdmin()).send({ regionCode: '440300' });
        statuses.push(matches.status, search.status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const response = await request(running.url).post('/v1/admin/reindex').set('Authorization', asAdmin());
    reindexing = false;
    await queries;

    expect(response.status).toBe(200);
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const after = [...(await indicesBehind(client, `${prefix}jobs`)), ...(await indicesBehind(client, `${prefix}workers`))];
    expect(after).toHaveLength(2);
    for (const index of after) expect(before).not.toContain(index);
    const doc = await client.get(`${prefix}jobs`, job.jobId);
    expect(doc?.version).toBe(2);
    const matches = await request(running.url).get(`/v1/workers/${worker.workerId}/matches?limit=200`).set('Authorization', asAdmin()).expect(200);
    expect(matches.body.items.map((i: { jobId: string }) => i.jobId)).toContain(job.jobId);
  });
});
