import { indicesBehind } from '@laowu/search';
import request from 'supertest';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { indexed, type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';
import { jobData, workerData } from '@laowu/testkit';

jest.setTimeout(600000);

describe('admin reindex from the compacted topics (real Kafka, OpenSearch)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;

  beforeAll(async () => {
    matching = await startMatching(prefix, 'reindex');
  });
  afterAll(() => matching?.close());

  it('is for admins only', async () => {
    await request(matching.running.url).post('/v1/admin/reindex').set('Authorization', bearer({ sub: 'a', role: 'agency', region: '440300' })).expect(403);
  });

  it('builds new indices from the topics and swaps the aliases while every query keeps answering', async () => {
    // In 曲麻莱县, where no other test, bench or the demo posts jobs: the reindex reads the shared
    // topics' whole history, and the job must still rank in this worker's top 200 afterwards.
    const place = { lat: 34.1264, lon: 95.7974 };
    const worker = workerData({ homeRegionCode: '632726', residenceRegionCode: '632726', location: place });
    const job = jobData({ location: { regionCode: '632726', ...place } });
    await matching.producer.workers(worker);
    await matching.producer.jobs(job, { ...job, version: 2, filled: 1 });
    await indexed(matching.client, `${prefix}workers`, worker.workerId, 1);
    await indexed(matching.client, `${prefix}jobs`, job.jobId, 2);
    await matching.client.refresh(`${prefix}*`);
    const before = [...(await indicesBehind(matching.client, `${prefix}jobs`)), ...(await indicesBehind(matching.client, `${prefix}workers`))];

    let reindexing = true;
    const statuses: number[] = [];
    const queries = (async () => {
      while (reindexing) {
        const matches = await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches`).set('Authorization', asAdmin());
        const search = await request(matching.running.url).post('/v1/search/jobs').set('Authorization', asAdmin()).send({ regionCode: '440300' });
        statuses.push(matches.status, search.status);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const response = await request(matching.running.url).post('/v1/admin/reindex').set('Authorization', asAdmin());
    reindexing = false;
    await queries;

    expect(response.status).toBe(200);
    expect(statuses.length).toBeGreaterThan(2);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const after = [...(await indicesBehind(matching.client, `${prefix}jobs`)), ...(await indicesBehind(matching.client, `${prefix}workers`))];
    expect(after).toHaveLength(2);
    for (const index of after) expect(before).not.toContain(index);
    const doc = await matching.client.get(`${prefix}jobs`, job.jobId);
    expect(doc?.version).toBe(2);
    const matches = await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches?limit=200`).set('Authorization', asAdmin()).expect(200);
    expect(matches.body.items.map((i: { jobId: string }) => i.jobId)).toContain(job.jobId);
  });
});
