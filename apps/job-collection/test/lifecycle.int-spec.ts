import { type JobChangedData, TOPICS } from '@laowu/contracts';
import { eventually } from '@laowu/testkit';
import request from 'supertest';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { asAgency, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

describe('job-collection: expiry', () => {
  let running: TestApp<JobCollectionConfig>;
  let jobs: TopicRecorder;

  beforeAll(async () => {
    jobs = await TopicRecorder.start([TOPICS.jobs]);
    running = await startTestApp(SPEC, { env: { EXPIRY_SWEEP_INTERVAL_MS: '300' }, consume: false });
  });

  afterAll(async () => {
    await running?.close();
    await jobs?.stop();
  });

  const eventsFor = (jobId: string) => jobs.messages.filter((m) => m.key === jobId).map((m) => JSON.parse(m.value).data as JobChangedData);

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
