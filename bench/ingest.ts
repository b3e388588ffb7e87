/**
 * Benchmark (not a test): ingest end to end. N jobs are POSTed through job-collection's bulk API
 * (POST /v1/jobs/bulk, 1,000 a call) and the clock stops when all of them are searchable in
 * matching (counted in its jobs alias, which sees only refreshed documents). Reports jobs/s
 * end to end and API-side, and the apps' RSS meanwhile.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/ingest.ts
 *
 * Path: bulk API → PostgreSQL (jobs + outbox) → relay → laowu.jobs.v1 → matching (bulk index,
 * external versions; gig/instant jobs also run the instant candidates query) and dispatch (views).
 * The four apps run as separate processes (bench/lib/stack.ts) with SEARCH_INDEX_PREFIX=bench-in-.
 * Env: BENCH_INGEST_JOBS (default 100000), BENCH_CONCURRENCY (bulk calls in flight, default 2),
 * BENCH_GIG_SHARE (share of gig jobs, which take the instant path too, default 0.1),
 * BENCH_INGEST_WORKERS (workers in matching's index before the run, whom the pushes rank: default
 * 100000, the target's condition), BENCH_TINY=1.
 * Writes bench/results/ingest.json and a line in docs/BENCHMARKS.md. (Replaces
 * apps/job-collection/bench/ingest.bench.ts, which stopped at the events on the topic.)
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { expectCall, tokenFor } from '@laowu/testkit';
import { AGENCIES, destinationJob, Random } from '../scripts/demo/scenario';
import { appendBenchmarkLine, loadTracker, logger, progress, runBench, size, sleep, stackRss, summary, writeRunResult } from './lib/report';
import { loadBackground } from './lib/background';
import { type BenchStack, sampleAppRss, startStack } from './lib/stack';

const NAME = 'ingest';
const PER_CALL = 1000;

export interface IngestOptions {
  jobs: number;
  concurrency: number;
  gigShare: number;
}

export function ingestOptions(): IngestOptions {
  return { jobs: size('BENCH_INGEST_JOBS', 100_000, 500), concurrency: size('BENCH_CONCURRENCY', 2, 2), gigShare: Number(process.env.BENCH_GIG_SHARE ?? 0.1) };
}

/** CPU seconds used so far by processes whose command name matches (from /proc, Linux). */
function cpuSeconds(match: (comm: string, pid: number) => boolean): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!match(comm, Number(pid))) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks / 100;
}

/** This run's jobs only: other engineers' tests post jobs on the same topic, which matching indexes too. */
async function searchableCount(stack: BenchStack, agencyPrefix: string): Promise<number> {
  return stack.search.count(`${stack.prefix}jobs`, { prefix: { agencyId: agencyPrefix } });
}

export async function runIngest(stack: BenchStack, log: (m: string) => void, options: IngestOptions) {
  const random = new Random(4242);
  const run = randomUUID().slice(0, 8);
  const calls = Array.from({ length: Math.ceil(options.jobs / PER_CALL) }, (_, c) => {
    const agency = AGENCIES[c % AGENCIES.length];
    const jobs = Array.from({ length: Math.min(PER_CALL, options.jobs - c * PER_CALL) }, (_, i) => {
      const gig = random.chance(options.gigShare);
      const kind = gig ? 'gig' : random.chance(0.8) ? 'fulltime' : 'seasonal';
      return { ...destinationJob(random, agency, c * PER_CALL + i, kind), externalId: `bench-${run}-${c}-${i}` };
    });
    return { token: tokenFor({ sub: `bench-${run}-${agency.id}`, role: 'agency', region: agency.region }), body: { jobs } };
  });
  const before = await searchableCount(stack, `bench-${run}-`);
  const appPids = new Set(Object.values(stack.pids));
  const cpuBefore = { apps: cpuSeconds((_, pid) => appPids.has(pid)), postgres: cpuSeconds((c) => c === 'postgres'), java: cpuSeconds((c) => c === 'java') };
  log(`posting ${options.jobs.toLocaleString('en')} jobs in ${calls.length} bulk calls, ${options.concurrency} in flight (${Math.round(options.gigShare * 100)}% gig)`);
  const started = performance.now();
  const callMs: number[] = [];
  let posted = 0;
  let next = 0;
  const tickApi = progress(log, 'accepted by the bulk API', options.jobs);
  let apiSeconds = 0;
  const posting = Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < calls.length) {
        const call = calls[next++];
        const t0 = performance.now();
        const answer = await expectCall<{ results: { status: number }[] }>([200], 'POST', `${stack.urls['job-collection']}/v1/jobs/bulk`, call.token, call.body);
        callMs.push(performance.now() - t0);
        const bad = answer.results.filter((r) => r.status !== 201);
        if (bad.length) throw new Error(`bulk: ${bad.length} items not created, e.g. ${JSON.stringify(bad[0])}`);
        posted += answer.results.length;
        tickApi(posted);
      }
    }),
  ).then(() => (apiSeconds = (performance.now() - started) / 1000));
  let searchable = 0;
  let lastLog = 0;
  let postError: unknown;
  posting.catch((error) => (postError = error));
  const deadline = Date.now() + Math.max(120_000, options.jobs * 20);
  while (searchable < options.jobs) {
    if (postError) throw postError;
    if (Date.now() > deadline) throw new Error(`only ${searchable}/${options.jobs} searchable after ${Math.round((performance.now() - started) / 1000)} s`);
    await sleep(250);
    searchable = (await searchableCount(stack, `bench-${run}-`)) - before;
    if (performance.now() - lastLog > 3000 || searchable >= options.jobs) {
      lastLog = performance.now();
      const s = (performance.now() - started) / 1000;
      log(`searchable in matching: ${searchable.toLocaleString('en')}/${options.jobs.toLocaleString('en')} (${Math.round(searchable / s).toLocaleString('en')}/s); posted ${posted.toLocaleString('en')}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await posting;
  const cpu = {
    appsSeconds: Math.round(cpuSeconds((_, pid) => appPids.has(pid)) - cpuBefore.apps),
    postgresSeconds: Math.round(cpuSeconds((c) => c === 'postgres') - cpuBefore.postgres),
    javaSeconds: Math.round(cpuSeconds((c) => c === 'java') - cpuBefore.java),
  };
  return {
    jobs: options.jobs, concurrency: options.concurrency, gigShare: options.gigShare,
    endToEndSeconds: Math.round(seconds * 10) / 10, endToEndJobsPerSec: Math.round(options.jobs / seconds),
    apiSeconds: Math.round(apiSeconds * 10) / 10, apiJobsPerSec: Math.round(options.jobs / apiSeconds),
    bulkCallMs: summary(callMs),
    cpuSecondsDuringRun: { ...cpu, note: 'java = every JVM on the machine (this stack’s Kafka and OpenSearch, and any other’s); postgres = all backends' },
  };
}

async function main(): Promise<void> {
  const log = logger(NAME);
  const load = loadTracker();
  const options = ingestOptions();
  const stack = await startStack(log, { prefix: 'bench-in-' });
  try {
    const workers = size('BENCH_INGEST_WORKERS', 100_000, 0);
    if (workers) await loadBackground(stack.search, stack.prefix, log, workers, 0, 100);
    const rss = sampleAppRss(stack);
    const result = await runIngest(stack, log, options);
    const appRss = rss.stop();
    const loadAverage = load.stop();
    log(`${result.jobs.toLocaleString('en')} jobs searchable in ${result.endToEndSeconds} s: ${result.endToEndJobsPerSec} jobs/s end to end (API ${result.apiJobsPerSec} jobs/s)`);
    writeRunResult(NAME, log, loadAverage, { ...result, workersIndexed: workers, appRssMB: appRss, stackRssMB: stackRss() });
    appendBenchmarkLine(
      'ingest, bulk API → searchable in matching (`bench/ingest.ts`)',
      `${result.jobs.toLocaleString('en')} jobs (${Math.round(options.gigShare * 100)}% gig), ${workers.toLocaleString('en')} workers indexed, ${options.concurrency} bulk calls of 1,000 in flight: ${result.endToEndJobsPerSec} jobs/s end to end ` +
        `(${result.endToEndSeconds} s), API ${result.apiJobsPerSec} jobs/s, bulk call p50/p99 ${result.bulkCallMs.p50}/${result.bulkCallMs.p99} ms; ` +
        `CPU s apps/postgres/JVMs ${result.cpuSecondsDuringRun.appsSeconds}/${result.cpuSecondsDuringRun.postgresSeconds}/${result.cpuSecondsDuringRun.javaSeconds}; load avg ${loadAverage.mean} (max ${loadAverage.max})`,
      '≥ 2,000 jobs/s sustained',
    );
  } finally {
    await stack.stop();
  }
}

runBench(NAME, module, main);
