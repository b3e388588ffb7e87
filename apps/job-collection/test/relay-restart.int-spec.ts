import { type JobChangedData, TOPICS } from '@laowu/contracts';
import { ensureDatabase } from '@laowu/persistence';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp } from '../../../test/support/test-app';
import { SCHEMA } from '../src/schema';
import { asAgency, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

/**
 * A database of its own: in the shared test database any running job-collection instance (other
 * test files, e2e runs) would relay these rows too, and the test could not tell who did.
 */
function ownDatabaseUrl(): string {
  const url = new URL(testInfra().databaseUrl);
  url.pathname = '/laowu_job_collection_restart_test';
  return url.toString();
}

describe('job-collection: events written while no broker was reachable survive a restart', () => {
  const env = { DATABASE_URL: ownDatabaseUrl() };
  let recorder: TopicRecorder;

  beforeAll(async () => {
    await ensureDatabase(env.DATABASE_URL);
    recorder = await TopicRecorder.start([TOPICS.jobs]);
  });

  afterAll(async () => {
    await recorder?.stop();
  });

  it('publishes, from a new instance, what an instance that never reached Kafka accepted', async () => {
    const agency = newAgencyId();
    const ids: string[] = [];
    // First instance: pointed at a port where no broker listens, so nothing can be published.
    const cutOff = await startTestApp(SPEC, { consume: false, env: { ...env, KAFKA_BROKERS: '127.0.0.1:1' } });
    try {
      for (let i = 0; i < 20; i++) {
        const res = await request(cutOff.url).post('/v1/jobs').set('Authorization', asAgency(agency)).send(gigJob()).expect(201);
        ids.push(res.body.id);
      }
      await request(cutOff.url).post(`/v1/jobs/${ids[0]}/close`).set('Authorization', asAgency(agency)).expect(200);
      const pending: { topic: string; n: number }[] = await cutOff.app.get(DataSource).query(
        `SELECT topic, count(*)::int AS n FROM "${SCHEMA}".outbox WHERE sent_at IS NULL AND key = ANY($1) GROUP BY topic ORDER BY topic`,
        [ids],
      );
      // Gig jobs: each event in both lanes.
      expect(pending).toEqual([{ topic: TOPICS.jobsInstant, n: 21 }, { topic: TOPICS.jobs, n: 21 }]);
    } finally {
      await cutOff.close();
    }

    const restarted = await startTestApp(SPEC, { consume: false, env });
    try {
      const ours = <M extends { key: string }>(messages: M[]) => messages.filter((m) => ids.includes(m.key));
      await recorder.waitFor((messages) => ours(messages).length >= 21, 60000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const events = ours(recorder.messages).map((m) => JSON.parse(m.value).data as JobChangedData);
      expect(events).toHaveLength(21);
      expect(events.filter((e) => e.jobId === ids[0]).map((e) => [e.version, e.change])).toEqual([
        [1, 'created'],
        [2, 'closed'],
      ]);
    } finally {
      await restarted.close();
    }
  });
});
