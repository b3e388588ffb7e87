import { createEnvelope, type EventEnvelope, type JobChangedData, TOPICS, WorkerArrived, type WorkerArrivedData } from '@laowu/contracts';
import { createKafka, EventPublisher } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { asAgency, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

describe('job-collection: filled headcount from arrivals, and expiry', () => {
  let running: TestApp<JobCollectionConfig>;
  let jobs: TopicRecorder;
  let publisher: EventPublisher;

  beforeAll(async () => {
    jobs = await TopicRecorder.start([TOPICS.jobs]);
    running = await startTestApp(SPEC, { env: { EXPIRY_SWEEP_INTERVAL_MS: '300' } });
    publisher = new EventPublisher(createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'job-collection-test' }));
  });

  afterAll(async () => {
    await publisher?.close();
    await running?.close();
    await jobs?.stop();
  });

  const eventsFor = (jobId: string) => jobs.messages.filter((m) => m.key === jobId).map((m) => JSON.parse(m.value).data as JobChangedData);

  function arrival(jobId: string, agencyId: string): EventEnvelope<WorkerArrivedData> {
    const data: WorkerArrivedData = {
      batchId: randomUUID(), jobId, workerId: randomUUID(), agencyId, regionCode: '440306', priorityGroups: [], arrivedAt: new Date().toISOString(),
    };
    return createEnvelope(WorkerArrived, data, { producer: 'dispatch' });
  }

  const send = (envelopes: EventEnvelope[]) =>
    publisher.send(TOPICS.dispatch, envelopes.map((e) => ({ key: e.key, value: JSON.stringify(e) })));

  it('raises filled once per arrival (a redelivered arrival counts once) and marks the job filled at headcount', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const body = gigJob({ headcount: 2 });
    const { body: job } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(body).expect(201);
    const first = arrival(job.id, agency);
    // An arrival for a job nobody knows is skipped, and does not hold up the ones after it.
    await send([arrival(randomUUID(), agency), first, first]);
    await eventually(async () => {
      const { body } = await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', auth).expect(200);
      expect(body).toMatchObject({ filled: 1, status: 'open', version: 2 });
    }, 30000);

    await send([arrival(job.id, agency)]);
    await eventually(async () => {
      const { body } = await request(running.url).get(`/v1/jobs/${job.id}`).set('Authorization', auth).expect(200);
      expect(body).toMatchObject({ filled: 2, status: 'filled', version: 3, materialVersion: 1 });
    }, 30000);
    // Raising the headcount of a filled job opens it again (new material version).
    const { body: reopened } = await request(running.url).put(`/v1/jobs/${job.id}`).set('Authorization', auth).send({ ...body, headcount: 3 }).expect(200);
    expect(reopened).toMatchObject({ filled: 2, status: 'open', version: 4, materialVersion: 2 });
    await jobs.waitFor(() => eventsFor(job.id).length === 4);
    expect(eventsFor(job.id).map((e) => [e.version, e.materialVersion, e.change, e.status, e.filled])).toEqual([
      [1, 1, 'created', 'open', 0],
      [2, 1, 'filled_count', 'open', 1],
      [3, 1, 'filled_count', 'filled', 2],
      [4, 2, 'updated', 'open', 2],
    ]);
  });

  it('marks an open job whose endAt has passed as expired, with an event, and leaves others alone', async () => {
    const agency = newAgencyId();
    const auth = asAgency(agency);
    const soon = new Date(Date.now() + 1500).toISOString();
    const { body: ending } = await request(running.url)
      .post('/v1/jobs').set('Authorization', auth).send(gigJob({ startAt: new Date(Date.now() + 500).toISOString(), endAt: soon })).expect(201);
    const { body: lasting } = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob()).expect(201);
    await eventually(async () => {
      const { body } = await request(running.url).get(`/v1/jobs/${ending.id}`).set('Authorization', auth).expect(200);
      expect(body).toMatchObject({ status: 'expired', version: 2 });
    }, 20000);
    await jobs.waitFor(() => eventsFor(ending.id).length === 2);
    expect(eventsFor(ending.id)[1]).toMatchObject({ change: 'expired', status: 'expired', version: 2, materialVersion: 1 });
    const { body: still } = await request(running.url).get(`/v1/jobs/${lasting.id}`).set('Authorization', auth).expect(200);
    expect(still).toMatchObject({ status: 'open', version: 1 });
    const closing = await request(running.url).post(`/v1/jobs/${ending.id}/close`).set('Authorization', auth).expect(409);
    expect(closing.body.code).toBe('JOB.NOT_OPEN');
  });
});
