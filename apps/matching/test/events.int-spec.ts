import { deadLetterTopic, deterministicUuid, type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { type SearchClient } from '@laowu/search';
import { eventually, inDays, jobData, workerData } from '@laowu/testkit';
import { positionGroups, testKafka, topicEnds, type TopicEnds, TopicRecorder } from '../../../test/support/kafka';
import { searchClient } from '../../../test/support/search';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { ABOUT, AppModule } from '../src/app.module';
import { MatchingConfig } from '../src/matching.config';
import { CONSUMED_TOPICS, indexed, Producer, snapshot, uniquePrefix } from './matching.fixtures';

const spec = { configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot };

/** Waits until consumer group `groupId` has committed offsets up to the end of `topics`. */
async function caughtUp(groupId: string, topics: string[]): Promise<void> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await eventually(async () => {
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
        for (const end of ends) {
          const at = committed.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          if (end.high !== '0' && BigInt(at) < BigInt(end.high)) throw new Error(`${groupId} behind on ${topic}[${end.partition}]`);
        }
      }
    }, 240000, 500);
  } finally {
    await admin.disconnect();
  }
}

describe('matching consumers and instant hiring (real Kafka, OpenSearch, PostgreSQL)', () => {
  let client: SearchClient;
  let producer: Producer;
  const apps: TestApp<MatchingConfig>[] = [];
  const prefixes: string[] = [];
  /** Starts an app whose fresh consumer group begins at `from` (default: the topics' ends; 'beginning': a whole replay). */
  const start = async (prefix: string, from?: TopicEnds | 'beginning') => {
    const group = `test-${uniquePrefix()}events`;
    if (from !== 'beginning') await positionGroups([group], from ?? (await topicEnds(CONSUMED_TOPICS)));
    // A whole replay is about the indices: the shared topics' history is not announced again as instant jobs.
    const instant = from === 'beginning' ? { PUSH_MAX_AGE_SECONDS: '1' } : {};
    const app = await startTestApp(spec, { env: { SEARCH_INDEX_PREFIX: prefix, KAFKA_GROUP_ID: group, ...instant } });
    apps.push(app);
    return app;
  };
  const newPrefix = () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    return prefix;
  };

  beforeAll(() => {
    client = searchClient();
    producer = new Producer();
  });

  afterAll(async () => {
    await producer?.close();
    for (const app of apps) await app.close().catch(() => undefined);
    for (const prefix of prefixes) await client.deleteIndex(`${prefix}*`).catch(() => undefined);
    await client?.close();
  });

  it('pushes the top candidates of a new gig job in the instant lane once per pair per material version, one event per station (即时快招)', async () => {
    const prefix = newPrefix();
    const first = await start(prefix);
    const recorder = await TopicRecorder.start([TOPICS.matchesInstant]);
    /** The recorded events' matches, one row per pair, with the event's fields beside. */
    const pairsOf = (messages: { value: string }[]) =>
      messages.flatMap((m) => {
        const { matches, ...event } = JSON.parse(m.value).data as MatchesFoundData;
        return matches.map((match) => ({ ...event, ...match }));
      });
    try {
      const near = workerData({ stationId: 'station-440306-07', location: { lat: 22.55, lon: 113.9 } }, { kinds: ['gig'], maxCommuteKm: 20 });
      const far = workerData({ location: { lat: 30.27, lon: 120.15 }, homeRegionCode: '330106', residenceRegionCode: '330106' }, { kinds: ['gig'], maxCommuteKm: 20 });
      const tooDear = workerData({ location: { lat: 22.55, lon: 113.9 } }, { kinds: ['gig'], minWage: { amount: 1000, unit: 'day' } });
      const busy = workerData({ available: false, location: { lat: 22.55, lon: 113.9 } }, { kinds: ['gig'] });
      const migrant = workerData({ stationId: 'station-513401-01', homeRegionCode: '513401', residenceRegionCode: '513401', location: { lat: 27.89, lon: 102.26 } }, { kinds: ['gig'], willingToMigrate: true });
      await producer.workers(near, far, tooDear, busy, migrant);
      for (const w of [near, far, tooDear, busy, migrant]) await indexed(client, `${prefix}workers`, w.workerId, 1);
      await client.refresh(`${prefix}workers`);

      const beforeJob = await topicEnds([TOPICS.jobs, TOPICS.workers]);
      const job = jobData({ kind: 'gig', startAt: inDays(1), endAt: inDays(2), location: { regionCode: '440306', lat: 22.56, lon: 113.92 }, crossRegion: { sourceRegionCodes: ['513400'] } });
      await producer.jobs(job);
      const forJob = (version: number) => (messages: { value: string }[]) =>
        pairsOf(messages).filter((d) => d.jobId === job.jobId && d.jobMaterialVersion === version);
      // The index holds every worker on the topic (other tests' too): assert on this test's own workers.
      const ours = new Set([near, far, tooDear, busy, migrant].map((w) => w.workerId));
      const announced = (version: number, messages: { value: string }[]) => forJob(version)(messages).filter((d) => ours.has(d.workerId));
      const v1 = announced(1, await recorder.waitFor((m) => announced(1, m).length >= 2, 60000));
      expect(v1.map((d) => d.workerId).sort()).toEqual([near.workerId, migrant.workerId].sort());
      const nearMatch = v1.find((d) => d.workerId === near.workerId)!;
      expect(nearMatch.matchId).toBe(deterministicUuid(`${job.jobId}:${near.workerId}:1`));
      expect(nearMatch.stationId).toBe('station-440306-07');
      expect(nearMatch).toMatchObject({ trigger: 'instant_job', lane: 'instant' });
      expect(recorder.messages.find((m) => m.value.includes(nearMatch.matchId))!.key).toBe('station-440306-07');
      expect(nearMatch.reasons.length).toBeGreaterThan(0);
      expect(nearMatch.job).toMatchObject({ title: job.title, kind: 'gig', headcountLeft: 10 });

      // A filled-count change (no new material version), then a restart that replays the job's events from its first
      // (a fresh consumer group), then a material change: only the material change is announced again.
      await producer.jobs({ ...job, version: 2, change: 'filled_count', filled: 1 });
      await indexed(client, `${prefix}jobs`, job.jobId, 2);
      await first.close();
      apps.splice(apps.indexOf(first), 1);
      await start(prefix, beforeJob); // a new group that replays every event of this job from its first
      await producer.jobs({ ...job, version: 3, change: 'updated', filled: 1, wage: { min: 300, max: 320, unit: 'day' }, materialVersion: 2 });
      await recorder.waitFor((m) => announced(2, m).length >= 2, 60000);
      const all = pairsOf(recorder.messages).filter((d) => d.jobId === job.jobId && ours.has(d.workerId));
      const pairs = all.map((d) => `${d.workerId}:${d.jobMaterialVersion}`);
      expect(pairs.sort()).toEqual([`${near.workerId}:1`, `${migrant.workerId}:1`, `${near.workerId}:2`, `${migrant.workerId}:2`].sort());
    } finally {
      await recorder.stop();
    }
  });

  it('pushes a worker_available when the registration and the unemployment recorded a moment later arrive in one batch (十四)', async () => {
    // Alone: an earlier test's app (same database, other indices) would claim the worker's version
    // against its own jobs, which this worker does not take, and push nothing.
    for (const earlier of apps.splice(0)) await earlier.close();
    const prefix = newPrefix();
    await start(prefix);
    const recorder = await TopicRecorder.start([TOPICS.matches]);
    try {
      const job = jobData({ kind: 'fulltime', location: { regionCode: '440306', lat: 22.56, lon: 113.92 } });
      await producer.jobs(job);
      await indexed(client, `${prefix}jobs`, job.jobId, 1);
      await client.refresh(`${prefix}jobs`);
      const registered = workerData({ location: { lat: 22.55, lon: 113.9 }, employmentStatus: 'employed', available: false }, { kinds: ['fulltime'] });
      // One send: both states reach matching in the same batch.
      await producer.workers(registered, { ...registered, version: 2, employmentStatus: 'unemployed', available: true });
      const pushed = await recorder.waitFor((messages) => messages.some((m) => {
        const data = JSON.parse(m.value).data as MatchesFoundData;
        return data.trigger === 'worker_available' && data.matches.some((match) => match.workerId === registered.workerId);
      }), 60_000);
      const forWorker = pushed.map((m) => JSON.parse(m.value).data as MatchesFoundData).filter((d) => d.matches.some((match) => match.workerId === registered.workerId));
      expect(forWorker.map((d) => [d.jobId, d.trigger, d.stationId])).toEqual([[job.jobId, 'worker_available', registered.stationId]]);
    } finally {
      await recorder.stop();
    }
  });

  it('ignores an older version arriving after a newer one, and dead-letters a message that fails validation', async () => {
    const prefix = newPrefix();
    const app = await start(prefix);
    const dlq = await TopicRecorder.start([deadLetterTopic(TOPICS.jobs)]);
    try {
      const worker = workerData({ version: 3, ageYears: 40 });
      const job = jobData({ version: 5, title: '新版本' });
      await producer.workers(worker, { ...worker, version: 2, ageYears: 20 });
      await producer.jobs(job, { ...job, version: 4, title: '旧版本' });
      await producer.raw(TOPICS.jobs, 'bad-key', JSON.stringify({ id: 'x', type: 'job.changed', data: { jobId: 'nope' } }));
      const after = jobData();
      await producer.jobs(after);
      await indexed(client, `${prefix}jobs`, after.jobId, 1);
      await caughtUp(app.config.KAFKA_GROUP_ID, [TOPICS.jobs, TOPICS.workers]);
      const w = await client.get<{ ageYears: number }>(`${prefix}workers`, worker.workerId);
      expect(w?.version).toBe(3);
      expect(w?.source.ageYears).toBe(40);
      const j = await client.get<{ title: string }>(`${prefix}jobs`, job.jobId);
      expect(j?.version).toBe(5);
      expect(j?.source.title).toBe('新版本');
      const dead = await dlq.waitFor((m) => m.some((x) => x.key === 'bad-key' && x.headers['laowu-dlq-group'] === app.config.KAFKA_GROUP_ID));
      expect(dead.find((x) => x.key === 'bad-key')!.headers['laowu-dlq-reason']).toMatch(/invalid event/);
    } finally {
      await dlq.stop();
    }
  });

  jest.setTimeout(600000);

  it('leaves the indices identical after replaying the whole topics twice', async () => {
    const mine = [workerData(), workerData({ priorityGroups: ['relocated'] })];
    const jobs = [jobData(), jobData({ kind: 'gig', startAt: inDays(3), endAt: inDays(4) })];
    await producer.workers(...mine, { ...mine[0], version: 2, ageYears: 51 });
    await producer.jobs(...jobs, { ...jobs[0], version: 2, filled: 3 });

    const states: unknown[] = [];
    const prefix = newPrefix();
    for (let replay = 0; replay < 2; replay++) {
      const app = await start(prefix, 'beginning'); // a fresh consumer group: reads both topics from the beginning
      await caughtUp(app.config.KAFKA_GROUP_ID, [TOPICS.jobs, TOPICS.workers]);
      const w = await snapshot(client, `${prefix}workers`, mine.map((x) => x.workerId));
      const j = await snapshot(client, `${prefix}jobs`, jobs.map((x) => x.jobId));
      states.push({ workers: mine.map((x) => w[x.workerId]), jobs: jobs.map((x) => j[x.jobId]) });
      await app.close();
      apps.splice(apps.indexOf(app), 1);
    }
    expect(states[0]).toEqual(states[1]);
    expect((states[0] as { workers: { version: number }[] }).workers[0].version).toBe(2);
    expect((states[0] as { jobs: { version: number }[] }).jobs[0].version).toBe(2);
  });
});
