import { deadLetterTopic, TOPICS } from '@laowu/contracts';
import { createKafka, DLQ_REPLAYS_TOPIC, EventPublisher, listDeadLetters, replayDeadLetters, REPLAYED_FROM_HEADER } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { testInfra } from '../support/infra';
import { testKafka } from '../support/kafka';
import { type TestApp } from '../support/test-app';
import {
  placementEvent, placementOutcome, PlacementPublisher, placementRecorder, DISPATCH_DLQ, eventIdOf, registerWorker, removeStationWorkers, startWorkerProfiles, TopicRecorder,
} from './outage.fixtures';
import { database, log, sleep, unique } from '../support/faults';

const ROOT = join(__dirname, '../..');
const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'dlq-replay-test' });

/** `npm run dlq -- <args>` as an operator runs it; resolves with its exit code and output. */
function dlqTool(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/dlq.ts', ...args],
      { cwd: ROOT, env: { ...process.env, KAFKA_BROKERS: testInfra().kafkaBrokers }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the dead-letter replay (libs/messaging) on a topic of its own', () => {
  const topic = `laowu.test.dlq-replay.${randomUUID()}`;
  const dlq = deadLetterTopic(topic);

  afterAll(async () => {
    const admin = testKafka().admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic, dlq] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('re-publishes each dead letter once with its key and headers, and lists them as replayed', async () => {
    const admin = testKafka().admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }, { topic: dlq, numPartitions: 1 }] });
    await admin.disconnect();
    const letters = [1, 2, 3].map((n) => ({ id: randomUUID(), key: `key-${n}`, correlation: `corr-${n}` }));
    const publisher = new EventPublisher(kafka());
    await publisher.send(
      dlq,
      letters.map((l) => ({
        key: l.key,
        value: JSON.stringify({ id: l.id, type: 'test.thing-happened', data: { idNumber: '110101199003071234' } }),
        headers: { 'laowu-correlation-id': l.correlation, 'laowu-dlq-reason': 'handler failed: phone 13912345678 refused', 'laowu-dlq-topic': topic },
      })),
    );
    await publisher.close();
    const recorder = await TopicRecorder.start([topic]);

    const first = await replayDeadLetters(kafka(), topic);
    const second = await replayDeadLetters(kafka(), dlq);
    const one = await replayDeadLetters(kafka(), topic, { eventId: letters[1].id });
    await recorder.waitFor((messages) => messages.length >= 3);
    await sleep(2000); // a second copy, were there one, would be on the topic by now
    const listed = await listDeadLetters(kafka(), topic);
    await recorder.stop();

    expect(first.replayed.map((d) => d.eventId)).toEqual(letters.map((l) => l.id));
    expect(second).toEqual({ replayed: [], alreadyReplayed: expect.any(Array) });
    expect(second.alreadyReplayed.map((d) => d.eventId)).toEqual(letters.map((l) => l.id));
    expect(one.replayed).toEqual([]);
    expect(one.alreadyReplayed.map((d) => d.eventId)).toEqual([letters[1].id]);
    expect(recorder.messages.map((m) => [m.key, (JSON.parse(m.value) as { id: string }).id, m.headers['laowu-correlation-id']])).toEqual(
      letters.map((l) => [l.key, l.id, l.correlation]),
    );
    for (const m of recorder.messages) {
      expect(m.headers[REPLAYED_FROM_HEADER]).toMatch(new RegExp(`^${dlq.replace(/\./g, '\\.')}/0/\\d+$`));
      expect(Object.keys(m.headers).filter((h) => h.startsWith('laowu-dlq-'))).toEqual([]);
    }
    expect(listed.map((d) => [d.eventId, d.type, d.key, !!d.replayedAt])).toEqual(letters.map((l) => [l.id, 'test.thing-happened', l.key, true]));
    expect(listed[0].reason).toBe('handler failed: phone 13********* refused');
    expect(JSON.stringify(listed)).not.toContain('110101199003071234');
    expect(DLQ_REPLAYS_TOPIC).not.toMatch(/\.dlq$/);
  }, 120_000);
});

/**
 * Issue 14, faults: a placement is dead-lettered because the database refuses it (a constraint
 * stands for a bug or bad reference data), the cause is fixed, and `npm run dlq -- replay` is run
 * twice: the placement is published once more and applied exactly once.
 */
describe('faults: the DLQ tool replays a dead-lettered event exactly once', () => {
  const county = '542522'; // 札达县: no other test registers workers here
  const run = unique();
  const stationId = `station-faults-dlq-${run}`;
  const guard = `faults_dlq_refuse_${run.replace(/-/g, '_')}`;
  let setup: Awaited<ReturnType<typeof database>>;
  let app: TestApp<WorkerProfilesConfig> | undefined;
  let dlqRecorder: TopicRecorder | undefined;
  let topicRecorder: TopicRecorder | undefined;
  const publisher = new PlacementPublisher();

  beforeAll(async () => {
    setup = await database();
    app = await startWorkerProfiles(`faults-dlq-${run}`);
    dlqRecorder = await TopicRecorder.start([DISPATCH_DLQ]);
    topicRecorder = await TopicRecorder.start([TOPICS.dispatch]);
  }, 180_000);

  afterAll(async () => {
    await setup?.query(`DROP TRIGGER IF EXISTS ${guard} ON worker_profiles.employment_status_history`).catch(() => undefined);
    await setup?.query(`DROP FUNCTION IF EXISTS worker_profiles.${guard}()`).catch(() => undefined);
    await app?.close();
    await dlqRecorder?.stop();
    await topicRecorder?.stop();
    await publisher.close();
    if (setup) await removeStationWorkers(setup, stationId);
    await setup?.end();
  }, 120_000);

  it('applies the replayed placement once and publishes it once, however often replay runs', async () => {
    const workerId = await registerWorker(app!.url, stationId, county);
    const event = placementEvent(workerId, county, run);
    // The database refuses this placement's entry (check_violation: not a dependency outage).
    await setup.query(`CREATE FUNCTION worker_profiles.${guard}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.recorded_by = '${placementRecorder(event.data.placementId)}' THEN
          RAISE EXCEPTION 'employer region not on file' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await setup.query(`CREATE TRIGGER ${guard} BEFORE INSERT ON worker_profiles.employment_status_history FOR EACH ROW EXECUTE FUNCTION worker_profiles.${guard}()`);
    const [placement] = await publisher.publish([event]);

    const deadLetters = () => dlqRecorder!.messages.filter((m) => eventIdOf(m) === event.id);
    await eventually(() => deadLetters().length >= 1, 60_000, 200, () => 'the placement was not dead-lettered');
    expect(deadLetters()[0].headers['laowu-dlq-reason']).toContain('employer region not on file');
    expect(await placementOutcome(setup, [placement])).toEqual({ applied: 0, missing: [event.id], doubled: [] });
    const listed = await dlqTool(['list', TOPICS.dispatch]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(event.id);
    expect(listed.stdout).not.toContain('"data"');

    // The cause is fixed; replay, then replay again.
    await setup.query(`DROP TRIGGER ${guard} ON worker_profiles.employment_status_history`);
    const first = await dlqTool(['replay', TOPICS.dispatch, '--event-id', event.id]);
    const second = await dlqTool(['replay', TOPICS.dispatch, '--event-id', event.id]);
    log(`replay: ${first.stdout.trim().split('\n').pop()} / then: ${second.stdout.trim().split('\n').pop()}`);
    expect([first.code, second.code]).toEqual([0, 0]);

    await eventually(async () => (await placementOutcome(setup, [placement])).applied === 1, 60_000, 200, () => 'the replayed placement was not applied');
    await sleep(3000); // a second copy would be consumed by now
    const replayedCopies = topicRecorder!.messages.filter((m) => eventIdOf(m) === event.id && m.headers[REPLAYED_FROM_HEADER]);
    // Each dead letter of the event (one per consumer group that gave up on it: here, this test's) is re-published once.
    expect(replayedCopies).toHaveLength(deadLetters().length);
    expect(second.stdout).toContain(`0 replayed, ${deadLetters().length} skipped as already replayed`);
    expect(await placementOutcome(setup, [placement])).toEqual({ applied: 1, missing: [], doubled: [] });
    expect(replayedCopies[0].key).toBe(event.key);
  }, 300_000);
});
