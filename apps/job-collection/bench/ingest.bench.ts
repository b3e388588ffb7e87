// Ingest throughput: bulk API → events on laowu.jobs.v1 (what matching indexes from).
//   npx ts-node -r tsconfig-paths/register --transpile-only apps/job-collection/bench/ingest.bench.ts [--batches 10] [--concurrency 2]
// Boots job-collection in-process against the local stack (DATABASE_URL default: laowu_test),
// posts batches of 1,000 jobs and reports API-side and end-to-end (events on the topic) jobs/s.
import 'reflect-metadata';
import { signToken } from '@laowu/auth';
import { TOPICS } from '@laowu/contracts';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET, loadConfig, startApp } from '@laowu/platform';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ABOUT, AppModule } from '../src/app.module';
import { JobCollectionConfig } from '../src/job-collection.config';

const { values } = parseArgs({ options: { batches: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '2' } } });
const BATCHES = Number(values.batches);
const CONCURRENCY = Number(values.concurrency);
const PER_BATCH = 1000;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const REGIONS = ['440306', '440305', '510104', '513401', '320506', '330106'];

function job(i: number): Record<string, unknown> {
  return {
    externalId: `BENCH-${randomUUID()}`,
    title: `电子厂普工 ${i}`,
    description: '流水线装配，包吃住，长白班',
    kind: i % 3 === 0 ? 'gig' : 'fulltime',
    skills: [{ code: 'welding', minLevel: 2 }],
    headcount: 1 + (i % 30),
    wage: { min: 180, max: 240, unit: 'day' },
    location: { regionCode: REGIONS[i % REGIONS.length] },
    crossRegion: { sourceRegionCodes: ['510000'] },
    startAt: inDays(3),
    endAt: inDays(30),
    instant: i % 5 === 0,
    benefits: { housing: true, meals: true },
  };
}

/** CPU time (ms) used so far by all postgres processes, from /proc (Linux). */
async function postgresCpuMs(): Promise<number> {
  const tick = 1000 / 100; // USER_HZ
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * tick; // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function main(): Promise<void> {
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_test',
    RATE_LIMIT_PER_MINUTE: '100000',
    KAFKA_GROUP_ID: `bench-${randomUUID()}`,
  };
  const config = loadConfig(JobCollectionConfig, env);
  await ensureDatabase(config.DATABASE_URL);
  const app = await startApp(AppModule.forRoot(config), config, ABOUT);
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const agency = `bench-${randomUUID().slice(0, 8)}`;
  const token = signToken({ sub: agency, role: 'agency', region: '440300' }, DEV_JWT_SECRET);

  const kafka = new Kafka({ brokers: config.kafkaBrokers, logLevel: logLevel.NOTHING, clientId: 'bench' });
  const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}`, maxWaitTimeInMs: 50 });
  let seen = 0;
  const total = BATCHES * PER_BATCH;
  let allSeen!: () => void;
  const done = new Promise<void>((resolve) => (allSeen = resolve));
  await consumer.connect();
  await consumer.subscribe({ topics: [TOPICS.jobs], fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      for (const m of batch.messages) if (m.value && m.value.includes(agency)) seen++;
      if (seen >= total) allSeen();
    },
  });
  await joined;
  await new Promise((resolve) => setTimeout(resolve, 1000));

  const bodies = Array.from({ length: BATCHES }, (_, b) => JSON.stringify({ jobs: Array.from({ length: PER_BATCH }, (_, i) => job(b * PER_BATCH + i)) }));
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const pgBefore = await postgresCpuMs();
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const t = Date.now();
        const res = await fetch(`${url}/v1/jobs/bulk`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
        const json = (await res.json()) as { results: { status: number }[] };
        latencies.push(Date.now() - t);
        const bad = json.results.filter((r) => r.status !== 201).length;
        if (res.status !== 200 || bad) throw new Error(`bulk answered ${res.status} with ${bad} failed items`);
      }
    }),
  );
  const apiMs = Date.now() - started;
  await done;
  const e2eMs = Date.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const pgCpuMs = (await postgresCpuMs()) - pgBefore;
  latencies.sort((a, b) => a - b);
  const rss = Math.round(process.memoryUsage().rss / 1e6);
  console.log(
    JSON.stringify({
      jobs: total,
      concurrency: CONCURRENCY,
      apiJobsPerSec: Math.round((total / apiMs) * 1000),
      endToEndJobsPerSec: Math.round((total / e2eMs) * 1000),
      bulkCallMs: { p50: latencies[Math.floor(latencies.length / 2)], max: latencies[latencies.length - 1] },
      rssMB: rss,
      // CPU per job, which the machine's other load does not inflate: this process (API, relay,
      // the bench's own client and consumer) and every PostgreSQL backend.
      nodeCpuMsPerJob: +((cpu.user + cpu.system) / 1000 / total).toFixed(3),
      postgresCpuMsPerJob: +(pgCpuMs / total).toFixed(3),
      loadAverage: os.loadavg()[0].toFixed(1),
    }),
  );
  await consumer.disconnect();
  await app.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
