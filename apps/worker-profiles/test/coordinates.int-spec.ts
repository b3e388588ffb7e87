import { TOPICS } from '@laowu/contracts';
import { createKafka, ensureTopics, OutboxRelay } from '@laowu/messaging';
import request from 'supertest';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

/**
 * Issue 14 (#14): a worker's exact point stays in worker-profiles; the compacted workers topic (and
 * so matching's index) gets it on the 0.01° grid (≈ 1 km).
 */
describe('worker-profiles: exact coordinates stay here, events carry ≈ 1 km points', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    await ensureTopics(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'coordinates-test' }));
    recorder = await TopicRecorder.start([TOPICS.workers]);
    running = await startWorkerProfiles();
  });

  afterAll(async () => {
    await recorder?.stop();
    await running?.close();
  });

  it('publishes the registered and the patched location rounded to two decimals, and answers the station with the exact one', async () => {
    const station = stationToken();
    // 西昌: six decimals, as a phone's GPS gives them.
    const exact = { lat: 27.883746, lon: 102.267512 };
    const moved = { lat: 27.896251, lon: 102.254999 };
    const created = await request(running.url).post('/v1/workers').set('Authorization', station).send(registration({ location: exact })).expect(201);
    const id: string = created.body.id;
    await request(running.url).patch(`/v1/workers/${id}`).set('Authorization', station).send({ location: moved }).expect(200);

    const read = await request(running.url).get(`/v1/workers/${id}`).set('Authorization', station).expect(200);
    expect(read.body.location).toEqual(moved);

    await running.app.get(OutboxRelay).drain();
    const mine = (await recorder.waitFor((all) => all.filter((m) => m.key === id).length === 2)).filter((m) => m.key === id);
    const locations = mine.map((m) => JSON.parse(m.value).data.location);
    // Rounded by hand: 27.883746 → 27.88, 102.267512 → 102.27; 27.896251 → 27.90 (27.9), 102.254999 → 102.25.
    expect(locations).toEqual([
      { lat: 27.88, lon: 102.27 },
      { lat: 27.9, lon: 102.25 },
    ]);
    const text = mine.map((m) => m.value).join('\n');
    for (const digits of ['27.8837', '102.2675', '27.8962', '102.2549']) expect(text).not.toContain(digits);
  });
});
