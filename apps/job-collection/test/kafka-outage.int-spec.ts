import { type JobChangedData, TOPICS } from '@laowu/contracts';
import { eventually } from '@laowu/testkit';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import request from 'supertest';
import { testKafka } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { asAgency, gigJob, newAgencyId, SPEC } from './job-collection.fixtures';

const STACK = join(__dirname, '../../../deploy/local/stack.sh');
const stack = (command: 'stop-kafka' | 'start-kafka') => execFileSync('bash', [STACK, command], { stdio: 'pipe', timeout: 600_000 });

interface Seen {
  partition: number;
  offset: bigint;
  data: JobChangedData;
}

/**
 * Reads the topic from offsets taken before the outage, with a consumer created after it: a
 * recorder kept across a broker restart could rejoin its group at the log end and miss messages.
 */
async function readSince(offsets: { partition: number; offset: string }[], done: (seen: Seen[]) => boolean, timeoutMs: number): Promise<Seen[]> {
  const consumer = testKafka().consumer({ groupId: `outage-${randomUUID()}`, maxWaitTimeInMs: 100 });
  const seen: Seen[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [TOPICS.jobs], fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        seen.push({ partition, offset: BigInt(message.offset), data: JSON.parse(message.value!.toString()).data });
      },
    });
    await joined;
    for (const { partition, offset } of offsets) consumer.seek({ topic: TOPICS.jobs, partition, offset });
    await eventually(() => done(seen), timeoutMs, 200, () => `read ${seen.length} messages`);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // a duplicate, were there one, would follow closely
    return seen;
  } finally {
    await consumer.disconnect();
  }
}

async function inPool<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  }));
  return results;
}

describe('job-collection: the broker is down, the API keeps accepting jobs, and nothing is lost', () => {
  let running: TestApp<JobCollectionConfig>;

  beforeAll(async () => {
    running = await startTestApp(SPEC, { consume: false });
  });

  afterAll(async () => {
    stack('start-kafka'); // idempotent: makes sure the shared broker is back whatever happened
    await running?.close();
  });

  it('accepts 500 jobs (and 100 updates) while Kafka is stopped, then publishes each event exactly once in per-job order', async () => {
    const admin = testKafka().admin();
    await admin.connect();
    const before = (await admin.fetchTopicOffsets(TOPICS.jobs)).map(({ partition, high }) => ({ partition, offset: high }));
    await admin.disconnect();

    const agency = newAgencyId();
    const auth = asAgency(agency);
    let created: { id: string; version: number }[] = [];
    try {
      stack('stop-kafka');
      created = await inPool(500, 10, async () => {
        const res = await request(running.url).post('/v1/jobs').set('Authorization', auth).send(gigJob());
        expect(res.status).toBe(201);
        return res.body;
      });
      await inPool(100, 10, async (i) => {
        await request(running.url).put(`/v1/jobs/${created[i].id}`).set('Authorization', auth).send(gigJob({ externalId: undefined, headcount: 9 })).expect(200);
      });
    } finally {
      stack('start-kafka');
    }

    const ids = new Set(created.map((job) => job.id));
    const ours = (seen: Seen[]) => seen.filter((s) => ids.has(s.data.jobId));
    const seen = ours(await readSince(before, (all) => ours(all).length >= 600, 180_000));
    expect(seen).toHaveLength(600);
    const creates = seen.filter((s) => s.data.change === 'created');
    expect(creates).toHaveLength(500);
    expect(new Set(creates.map((s) => s.data.jobId)).size).toBe(500);
    expect(creates.every((s) => s.data.version === 1)).toBe(true);
    const updates = seen.filter((s) => s.data.change === 'updated');
    expect(updates.map((s) => s.data.jobId).sort()).toEqual(created.slice(0, 100).map((j) => j.id).sort());
    expect(updates.every((s) => s.data.version === 2)).toBe(true);
    // Per-job order: each job's events sit on one partition with versions rising with the offset.
    for (const id of created.slice(0, 100).map((j) => j.id)) {
      const events = seen.filter((s) => s.data.jobId === id);
      expect(new Set(events.map((e) => e.partition)).size).toBe(1);
      expect(events.sort((a, b) => (a.offset < b.offset ? -1 : 1)).map((e) => e.data.version)).toEqual([1, 2]);
    }
  });
});
