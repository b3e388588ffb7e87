/**
 * Matching benchmark (not a test): `npx ts-node -r tsconfig-paths/register --transpile-only bench/matching.ts`
 *
 * 1. Bulk-loads 100,000 jobs and 100,000 workers into their own aliases (`bench-jobs`,
 *    `bench-workers`) through the app's own document mapping (toJobDocument / toWorkerDocument).
 * 2. Starts the matching app in-process against them (its own consumer group).
 * 3. Measures p50/p95/p99 of GET /v1/workers/{id}/matches and GET /v1/jobs/{id}/candidates over
 *    HTTP, one request at a time, and of the instant path: a gig JobChanged produced on Kafka →
 *    the first MatchFound for it read back from Kafka, at a steady rate. Beside each candidates
 *    request, for the same job, the candidates query scoring every available worker (what
 *    candidates-for-job ran before its score threshold, issue 18), sent to the engine directly:
 *    the two alternate, so machine load hits both alike.
 * Writes bench/results/matching.json and appends a line to docs/BENCHMARKS.md. Env: BENCH_JOBS,
 * BENCH_WORKERS, BENCH_REQUESTS, BENCH_INSTANT_JOBS, BENCH_INSTANT_RATE (jobs/s), BENCH_KEEP=1,
 * BENCH_NO_DOC=1 and BENCH_RESULTS_DIR (bench/lib/report.ts).
 */
import 'reflect-metadata';
import { createEnvelope, JobChanged, type JobChangedData, type JobKind, TOPICS, type WorkerChangedData } from '@laowu/contracts';
import { childrenOf, type Region } from '@laowu/domain';
import { createKafka, EventPublisher, kafkaConsumers } from '@laowu/messaging';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET, loadConfig, startApp } from '@laowu/platform';
import { signToken } from '@laowu/auth';
import { createSearchClient, ensureIndex, type SearchClient } from '@laowu/search';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ABOUT, AppModule } from '../apps/matching/src/app.module';
import { jobsIndex, workersIndex } from '../apps/matching/src/indexing/index-definitions';
import { writeVersioned } from '../apps/matching/src/indexing/index-writer';
import { type JobDocument, toJobDocument } from '../apps/matching/src/indexing/job.document';
import { toWorkerDocument } from '../apps/matching/src/indexing/worker.document';
import { MatchingConfig } from '../apps/matching/src/matching.config';
import { DEFAULT_WEIGHTS } from '../apps/matching/src/ranking/ranking-weights';
import { workersForJobQuery } from '../apps/matching/src/ranking/ranking.queries';
import { appendBenchmarkLine, countsByLabel, countsSince, fmt, loadTracker, mb, summary, writeRunResult } from './lib/report';
import { startGroupsAtEnds } from './lib/stack';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const JOBS = env('BENCH_JOBS', 100_000);
const WORKERS = env('BENCH_WORKERS', 100_000);
const REQUESTS = env('BENCH_REQUESTS', 500);
const INSTANT_JOBS = env('BENCH_INSTANT_JOBS', 200);
const INSTANT_RATE = env('BENCH_INSTANT_RATE', 5);
const PREFIX = 'bench-';
const DAY = 86_400_000;
const KINDS: JobKind[] = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];
const SKILLS = ['welding', 'electrician', 'carpentry', 'masonry', 'construction-labour', 'plumbing', 'tiling', 'excavator'];

// A deterministic pseudo-random stream, so two runs load the same data.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
const jitter = (x: number, by: number) => x + (random() - 0.5) * by;

/** County-level regions of a spread of provinces, weighted toward the big labour markets. */
function counties(): Region[] {
  const provinces = ['440000', '330000', '320000', '510000', '520000', '450000', '620000', '110000', '370000', '530000'];
  return provinces.flatMap((p) => childrenOf(p).flatMap((city) => childrenOf(city.code))).filter((c) => c.lat !== 0);
}

function makeJob(region: Region, now: number): JobChangedData {
  const kind = random() < 0.3 ? 'gig' : pick(KINDS);
  const start = kind === 'gig' ? now + Math.floor(random() * 7 + 1) * DAY : undefined;
  const daily = Math.round(150 + random() * 250);
  return {
    jobId: randomUUID(), version: 1, change: 'created', status: 'open', agencyId: `agency-${Math.floor(random() * 500)}`,
    title: pick(['电子厂普工', '焊工', '电工', '木工', '搬运工', '保洁员', '厨师', '采茶工', '建筑小工']), description: '包吃住，按月结算',
    kind, skills: random() < 0.5 ? [{ code: pick(SKILLS), minLevel: 1 + Math.floor(random() * 3) }] : [],
    headcount: 1 + Math.floor(random() * 50), filled: 0, wage: { min: daily - 30, max: daily, unit: 'day' },
    location: { regionCode: region.code, lat: jitter(region.lat, 0.2), lon: jitter(region.lon, 0.2) },
    ...(random() < 0.15 ? { crossRegion: { sourceRegionCodes: [pick(['510000', '520000', '450000', '620000', '530000'])] } } : {}),
    ...(random() < 0.3 && kind !== 'public_welfare' ? { ageRange: { min: 18, max: 45 + Math.floor(random() * 15) } } : {}),
    olderWorkerFriendly: random() < 0.1, instant: random() < 0.1,
    ...(start ? { startAt: new Date(start).toISOString(), endAt: new Date(start + 3 * DAY).toISOString() } : {}),
    relocationQuotaPct: random() < 0.1 ? 20 : 0, materialVersion: 1,
    postedAt: new Date(now - random() * 30 * DAY).toISOString(), updatedAt: new Date(now).toISOString(),
  };
}

function makeWorker(region: Region): WorkerChangedData {
  const willing = random() < 0.4;
  return {
    workerId: randomUUID(), version: 1, stationId: `station-${region.code}-01`, ageYears: 18 + Math.floor(random() * 45),
    gender: random() < 0.5 ? 'male' : 'female', homeRegionCode: region.code, residenceRegionCode: region.code,
    location: { lat: jitter(region.lat, 0.2), lon: jitter(region.lon, 0.2) },
    skills: random() < 0.6 ? [{ code: pick(SKILLS), level: 1 + Math.floor(random() * 5) }] : [], certificates: [],
    priorityGroups: random() < 0.2 ? [pick(['poverty_alleviated', 'monitoring_target', 'relocated'] as const)] : [],
    preferences: {
      kinds: KINDS.filter(() => random() < 0.6), willingToMigrate: willing, targetRegionCodes: willing && random() < 0.5 ? [pick(['440000', '330000', '320000'])] : [],
      maxCommuteKm: pick([10, 20, 30, 50]), minWage: { amount: Math.round(120 + random() * 150), unit: 'day' },
    },
    employmentStatus: 'seeking', available: random() < 0.9, updatedAt: new Date().toISOString(),
  };
}

const log = (message: string) => process.stdout.write(`[bench] ${message}\n`);

async function load(
  what: string,
  total: number,
  make: () => { id: string; version: number; source: object },
  write: (docs: { id: string; version: number; source: object }[]) => Promise<number>,
  keep: string[],
  keepDocs: object[] = [],
) {
  const started = Date.now();
  for (let done = 0; done < total; ) {
    const docs = Array.from({ length: Math.min(2000, total - done) }, make);
    await write(docs);
    const kept = docs.filter(() => random() < 0.02);
    keep.push(...kept.map((d) => d.id));
    keepDocs.push(...kept.map((d) => d.source));
    done += docs.length;
    if (done % 20000 === 0 || done === total) log(`${what}: ${done}/${total} (${Math.round(done / ((Date.now() - started) / 1000))}/s)`);
  }
  return (Date.now() - started) / 1000;
}

async function timeRequests(url: string, paths: string[], token: string): Promise<number[]> {
  const samples: number[] = [];
  for (const path of paths) {
    const t0 = performance.now();
    const response = await fetch(url + path, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function main(): Promise<void> {
  const loadAverage1m = loadTracker();
  const config = loadConfig(MatchingConfig, {
    ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEARCH_INDEX_PREFIX: PREFIX,
    KAFKA_GROUP_ID: `matching-bench-${Date.now()}`, RATE_LIMIT_PER_MINUTE: '1000000',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu',
  });
  await ensureDatabase(config.DATABASE_URL);
  const client = createSearchClient(config.ELASTICSEARCH_URL);
  for (const alias of [`${PREFIX}jobs`, `${PREFIX}workers`]) await client.deleteIndex(`${alias}-*`).catch(() => undefined);
  await ensureIndex(client, jobsIndex(PREFIX));
  await ensureIndex(client, workersIndex(PREFIX));
  const regions = counties();
  const now = Date.now();
  log(`${regions.length} counties; loading ${WORKERS} workers and ${JOBS} jobs`);
  const workerIds: string[] = [];
  const jobIds: string[] = [];
  const jobDocs: JobDocument[] = [];
  const workersSeconds = await load('workers', WORKERS, () => {
    const d = toWorkerDocument(makeWorker(pick(regions)));
    return { id: d.workerId, version: 1, source: d };
  }, (docs) => writeVersioned(client, `${PREFIX}workers`, docs), workerIds);
  const jobsSeconds = await load('jobs', JOBS, () => {
    const d = toJobDocument(makeJob(pick(regions), now));
    return { id: d.jobId, version: 1, source: d };
  }, (docs) => writeVersioned(client, `${PREFIX}jobs`, docs), jobIds, jobDocs);
  await client.refresh(`${PREFIX}*`);

  // Per lane: the app's instant and standard lanes are consumer groups of their own.
  await startGroupsAtEnds(config.kafkaBrokers, [config.KAFKA_GROUP_ID], log);
  const consumers = kafkaConsumers({ brokers: config.kafkaBrokers, clientId: 'matching-bench' }, { groupId: config.KAFKA_GROUP_ID });
  const app = await startApp(AppModule.forRoot(config), config, ABOUT, consumers);
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const admin = signToken({ sub: 'bench', role: 'admin', region: '100000' }, config.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET);
  try {
    log('warming up');
    await timeRequests(url, workerIds.slice(0, 20).map((id) => `/v1/workers/${id}/matches?limit=20`), admin);
    await timeRequests(url, jobIds.slice(0, 20).map((id) => `/v1/jobs/${id}/candidates?limit=50`), admin);
    log(`matches-for-worker × ${REQUESTS}`);
    const matches = summary(await timeRequests(url, Array.from({ length: REQUESTS }, () => `/v1/workers/${pick(workerIds)}/matches?limit=20`), admin));
    log(`matches-for-worker ${JSON.stringify(matches)}`);
    const tiersBefore = await countsByLabel('laowu_matching_workers_for_job_total', 'tier');
    const side = await candidatesSideBySide(url, admin, client, jobDocs);
    const candidates = summary(side.threshold);
    const scoringAll = summary(side.scoringAll);
    const candidatesTiers = countsSince(await countsByLabel('laowu_matching_workers_for_job_total', 'tier'), tiersBefore);
    log(`candidates-for-job ${JSON.stringify(candidates)}; scoring every worker ${JSON.stringify(scoringAll)}; tiers ${JSON.stringify(candidatesTiers)}`);
    const instant = await instantPath(config.kafkaBrokers, regions);
    log(`instant path ${JSON.stringify(instant)}`);
    const loadAverage = loadAverage1m.stop();
    const indexMB = { workers: mb(await client.storeBytes(`${PREFIX}workers`)), jobs: mb(await client.storeBytes(`${PREFIX}jobs`)) };
    writeRunResult('matching', log, loadAverage, {
      data: { jobs: JOBS, workers: WORKERS, loadSeconds: { workers: Math.round(workersSeconds), jobs: Math.round(jobsSeconds) }, indexMB },
      matchesForWorkerMs: matches,
      candidatesForJobMs: candidates,
      candidatesScoringEveryWorkerMs: scoringAll,
      candidatesTiers,
      instantJobToMatchFoundMs: instant,
      notes:
        `HTTP one request at a time (limit 20 / 50); candidates scoring every worker: the engine query alone (no HTTP, no reasons), alternating with the HTTP request for the same job; ` +
        `instant path: ${INSTANT_JOBS} gig jobs at ${INSTANT_RATE}/s, INSTANT_TOP_N=${config.INSTANT_TOP_N}, latency from producing JobChanged to reading the first MatchFound for it`,
    });
    appendBenchmarkLine(
      `matching, ${JOBS.toLocaleString('en')} jobs + ${WORKERS.toLocaleString('en')} workers (\`bench/matching.ts\`)`,
      `matches-for-worker p50/p95/p99 ${fmt(matches)} ms; candidates-for-job ${fmt(candidates)} ms (tiers ${JSON.stringify(candidatesTiers)}) vs the query scoring every ` +
        `worker ${fmt(scoringAll)} ms, alternating; instant JobChanged→MatchFound on Kafka ${fmt(instant)} ms (${INSTANT_RATE} jobs/s, top ${config.INSTANT_TOP_N}); ` +
        `indices ${indexMB.workers} MB workers, ${indexMB.jobs} MB jobs; load avg ${loadAverage.mean} (max ${loadAverage.max})`,
      'candidates p99 ≤ 50 ms at 1M workers; instant p50 ≤ 150 ms',
    );
  } finally {
    await app.close();
    if (process.env.BENCH_KEEP !== '1') await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
    await client.close();
  }
}

/**
 * Candidates-for-job over HTTP (the score threshold) and, for the same job right after, the
 * candidates query scoring every available worker, sent to the engine as before the threshold.
 */
async function candidatesSideBySide(url: string, token: string, client: SearchClient, jobs: JobDocument[]) {
  const threshold: number[] = [];
  const scoringAll: number[] = [];
  const weights = DEFAULT_WEIGHTS.weights;
  for (let i = 0; i < REQUESTS; i++) {
    const job = pick(jobs);
    threshold.push((await timeRequests(url, [`/v1/jobs/${job.jobId}/candidates?limit=50`], token))[0]);
    const t0 = performance.now();
    await client.search(`${PREFIX}workers`, { query: workersForJobQuery(job, weights, new Date()), size: 60, sort: [{ _score: 'desc' }, { workerId: 'asc' }], track_total_hits: false });
    scoringAll.push(performance.now() - t0);
    if ((i + 1) % 100 === 0) log(`candidates: ${i + 1}/${REQUESTS}`);
  }
  return { threshold, scoringAll };
}

/** Produces gig jobs at a steady rate and times each until its first MatchFound is on Kafka. */
async function instantPath(brokers: string[], regions: Region[]) {
  const kafka = createKafka({ brokers, clientId: 'matching-bench' });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const admin = kafka.admin();
  await admin.connect();
  // The instant lane (v1.1) reads gig jobs from its own copy of the job events and writes its matches to its own topic.
  const matchTopics = [TOPICS.matches, TOPICS.matchesInstant];
  const ends = await Promise.all(matchTopics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
  await admin.disconnect();
  const reader = kafka.consumer({ groupId: `matching-bench-reader-${randomUUID()}`, maxWaitTimeInMs: 20 });
  await reader.connect();
  await reader.subscribe({ topics: matchTopics, fromBeginning: false });
  const joined = new Promise<void>((resolve) => reader.on(reader.events.GROUP_JOIN, () => resolve()));
  await reader.run({
    eachMessage: async ({ message }) => {
      const jobId = JSON.parse(message.value!.toString()).data.jobId as string;
      const t0 = sentAt.get(jobId);
      if (t0 !== undefined) {
        latencies.push(performance.now() - t0);
        sentAt.delete(jobId);
      }
    },
  });
  await joined;
  for (const { topic, offsets } of ends) for (const { partition, high } of offsets) reader.seek({ topic, partition, offset: high });
  const publisher = new EventPublisher(kafka);
  const busy = ['440300', '440100', '441900', '330100'].flatMap((c) => childrenOf(c));
  let unmatched = 0;
  try {
    for (let i = 0; i < INSTANT_JOBS; i++) {
      const tick = performance.now();
      const job = { ...makeJob(pick(busy.length ? busy : regions), Date.now()), kind: 'gig' as const, skills: [], ageRange: undefined, startAt: new Date(Date.now() + DAY).toISOString(), endAt: new Date(Date.now() + 2 * DAY).toISOString() };
      sentAt.set(job.jobId, performance.now());
      const message = [{ key: job.jobId, value: JSON.stringify(createEnvelope(JobChanged, job, { producer: 'matching-bench' })) }];
      await Promise.all([publisher.send(TOPICS.jobs, message), publisher.send(TOPICS.jobsInstant, message)]);
      if ((i + 1) % 50 === 0) log(`instant: ${i + 1}/${INSTANT_JOBS} sent, ${latencies.length} answered`);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 / INSTANT_RATE - (performance.now() - tick))));
    }
    const deadline = Date.now() + 15000;
    while (sentAt.size && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    unmatched = sentAt.size;
  } finally {
    await publisher.close();
    await reader.disconnect();
  }
  return { ...summary(latencies), withoutMatchIn15s: unmatched };
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
