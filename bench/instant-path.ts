/**
 * Benchmark (not a test): the instant path (即时快招). Gig jobs are POSTed through job-collection's
 * API at a steady rate; each station's SSE client (dispatch GET /v1/stations/{id}/stream) times
 * the match's arrival. Latency: from sending the POST to the first match for that job on any
 * station's stream (p50/p95/p99), and to every delivery.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/instant-path.ts
 *
 * The four apps run as separate processes (plain JS compiled by bench/lib/compile-apps.ts, stopped
 * as scripts/apps.js stops them) on ports 13001–13004 with SEARCH_INDEX_PREFIX=bench-ip-
 * and the laowu_bench database. A background of N workers and M open jobs is written straight
 * into matching's indices first; the workers belong to BENCH_STATIONS stations, each with an SSE client.
 * Env: BENCH_RATE (posts/s, default 20), BENCH_POSTS (default 1200 = 60 s), BENCH_WORKERS
 * (100000), BENCH_JOBS (100000), BENCH_STATIONS (20), BENCH_TINY=1 (the CI size).
 * Writes bench/results/instant-path.json and a line in docs/BENCHMARKS.md.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { expectCall, tokenFor } from '../scripts/lib/api-client';
import { SseStream } from '../scripts/lib/sse-client';
import { AGENCIES, destinationJob, Random } from '../scripts/demo/scenario';
import { benchStationId, loadBackground } from './lib/background';
import { appendBenchmarkLine, fmt, loadTracker, logger, machine, RssSampler, size, sleep, stackRss, summary, writeResult } from './lib/report';
import { TOPICS } from '@laowu/contracts';
import { BenchStack, consumerLag, cpuSecondsOf, startStack } from './lib/stack';

const NAME = 'instant-path';

export interface InstantOptions {
  rate: number;
  posts: number;
  stations: number;
}

export function instantOptions(): InstantOptions {
  return { rate: size('BENCH_RATE', 20, 5), posts: size('BENCH_POSTS', 1200, 10), stations: size('BENCH_STATIONS', 20, 4) };
}

/** Opens one SSE client per station, posts gig jobs at a steady rate, and times each job's first match. */
export async function runInstantPath(stack: BenchStack, log: (m: string) => void, options: InstantOptions) {
  const streams = await Promise.all(
    Array.from({ length: options.stations }, (_, i) =>
      SseStream.open(`${stack.urls.dispatch}/v1/stations/${benchStationId(i)}/stream`, tokenFor({ sub: benchStationId(i), role: 'station', region: '100000' })),
    ),
  );
  const firstAt = new Map<string, number>();
  const deliveriesAt = new Map<string, number[]>();
  for (const stream of streams) {
    stream.onEvent((event) => {
      if (event.event !== 'match') return;
      const at = performance.now();
      const jobId = (JSON.parse(event.data) as { jobId: string }).jobId;
      if (!firstAt.has(jobId)) firstAt.set(jobId, at);
      (deliveriesAt.get(jobId) ?? deliveriesAt.set(jobId, []).get(jobId)!).push(at);
    });
  }
  await sleep(500);
  const random = new Random(Date.now() % 100000);
  const agency = AGENCIES[0];
  const token = tokenFor({ sub: agency.id, role: 'agency', region: agency.region });
  const run = randomUUID().slice(0, 8);
  // Warm-up, not measured: consumer groups joining and first queries after start take seconds.
  const warmStarted = Date.now();
  const warmIds: string[] = [];
  for (let i = 0; i < 5; i++) {
    const job = await expectCall<{ id: string }>([201], 'POST', `${stack.urls['job-collection']}/v1/jobs`, token, { ...destinationJob(random, agency, i, 'gig', true), externalId: `bench-${run}-warm-${i}` });
    warmIds.push(job.id);
    await sleep(300);
  }
  while (!warmIds.every((id) => firstAt.has(id)) && Date.now() - warmStarted < 90_000) await sleep(200);
  log(`warm-up: ${warmIds.filter((id) => firstAt.has(id)).length}/5 jobs matched on a stream after ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`);
  const sentAt = new Map<string, number>();
  const postMs: number[] = [];
  let failed = 0;
  const cpuBefore: Record<string, number> = Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, cpuSecondsOf(pid)]));
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let lastReport = started;
  for (let i = 0; i < options.posts; i++) {
    // Open loop: each post goes at its slot whether or not the earlier ones have answered.
    const slot = started + (i * 1000) / options.rate;
    const wait = slot - performance.now();
    if (wait > 0) await sleep(wait);
    const body = { ...destinationJob(random, agency, i, 'gig', true), externalId: `bench-${run}-${i}` };
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const job = await expectCall<{ id: string }>([201], 'POST', `${stack.urls['job-collection']}/v1/jobs`, token, body);
          postMs.push(performance.now() - t0);
          sentAt.set(job.id, t0);
        } catch (error) {
          failed++;
          if (failed <= 3) log(`post failed: ${(error as Error).message}`);
        }
      })(),
    );
    if (performance.now() - lastReport > 3000) {
      lastReport = performance.now();
      const answered = [...sentAt.keys()].filter((id) => firstAt.has(id)).length;
      log(`posted ${i + 1}/${options.posts} (${((i + 1) / ((performance.now() - started) / 1000)).toFixed(1)}/s), matched on a stream ${answered}, ${firstAt.size ? 'deliveries ' + [...deliveriesAt.values()].reduce((a, d) => a + d.length, 0) : ''}`);
    }
  }
  await Promise.all(inFlight);
  const postSeconds = (performance.now() - started) / 1000;
  // Where a backlog sits when posting ends: matching's lag on the jobs topic, dispatch's on the matches topic.
  const lagAtEndOfPosting = {
    matchingOnJobs: await consumerLag(stack, stack.groups.matching, TOPICS.jobs).catch(() => -1),
    dispatchOnMatches: await consumerLag(stack, stack.groups.dispatch, TOPICS.matches).catch(() => -1),
  };
  const cpuSeconds = Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, Math.round(cpuSecondsOf(pid) - cpuBefore[name])]));
  log(`posting done in ${postSeconds.toFixed(1)} s; consumer lag: matching ${lagAtEndOfPosting.matchingOnJobs} job events, dispatch ${lagAtEndOfPosting.dispatchOnMatches} match events; app CPU s ${JSON.stringify(cpuSeconds)}`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && [...sentAt.keys()].some((id) => !firstAt.has(id))) await sleep(200);
  await sleep(1000); // the last deliveries of the last jobs
  for (const stream of streams) stream.close();
  const first: number[] = [];
  const every: number[] = [];
  let unmatched = 0;
  for (const [jobId, t0] of sentAt) {
    const at = firstAt.get(jobId);
    if (at === undefined) unmatched++;
    else first.push(at - t0);
    for (const d of deliveriesAt.get(jobId) ?? []) every.push(d - t0);
  }
  const deliveries = every.length;
  return {
    posts: options.posts, rateTarget: options.rate, rateAchieved: Math.round((options.posts / postSeconds) * 10) / 10, stations: options.stations,
    postFailures: failed, jobsWithoutMatchIn15s: unmatched, deliveries, deliveriesPerJob: Math.round((deliveries / Math.max(1, sentAt.size)) * 10) / 10,
    lagAtEndOfPosting, appCpuSecondsWhilePosting: cpuSeconds,
    postToFirstMatchOnStreamMs: summary(first), postToEveryDeliveryMs: summary(every), postResponseMs: summary(postMs),
  };
}

async function main(): Promise<void> {
  const log = logger(NAME);
  const load = loadTracker();
  const options = instantOptions();
  const workers = size('BENCH_WORKERS', 100_000, 200);
  const jobs = size('BENCH_JOBS', 100_000, 200);
  const stack = await startStack(log, { prefix: 'bench-ip-' });
  try {
    const background = await loadBackground(stack.search, stack.prefix, log, workers, jobs, options.stations);
    log(`background: ${workers} workers at ${options.stations} stations, ${jobs} open jobs (${background.seconds} s); posting ${options.posts} gig jobs at ${options.rate}/s`);
    const rss = new RssSampler(() => Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, [pid]]))).start();
    const result = await runInstantPath(stack, log, options);
    const appRss = rss.stop();
    const loadAverage = load.stop();
    const f = result.postToFirstMatchOnStreamMs;
    log(`POST → first match on a station's stream p50/p95/p99 ${fmt(f)} ms; every delivery ${fmt(result.postToEveryDeliveryMs)} ms; ${result.jobsWithoutMatchIn15s} jobs unmatched`);
    const file = writeResult(NAME, {
      at: new Date().toISOString(), machine: { ...machine(), loadAverage1mDuringRun: loadAverage }, background, ...result,
      appRssMB: appRss, stackRssMB: stackRss(),
      notes: 'four apps as separate processes (SWC-compiled JS); POST /v1/jobs (gig, instant) → outbox → laowu.jobs.v1 → matching candidates query (top INSTANT_TOP_N=50) → laowu.matches.v1 → dispatch inbox → NOTIFY → SSE; the clock starts before the POST is sent',
    });
    log(`wrote ${file}`);
    appendBenchmarkLine(
      `instant path, gig job POST → station SSE (\`bench/instant-path.ts\`)`,
      `${options.rate} posts/s (achieved ${result.rateAchieved}), ${result.posts} posts, ${workers.toLocaleString('en')} workers at ${options.stations} stations, ` +
        `${jobs.toLocaleString('en')} open jobs: first match on the stream p50/p95/p99 ${fmt(f)} ms; every delivery (${result.deliveriesPerJob}/job) ` +
        `${fmt(result.postToEveryDeliveryMs)} ms; ${result.jobsWithoutMatchIn15s} unmatched; load avg ${loadAverage.mean} (max ${loadAverage.max})`,
      'p50 ≤ 150 ms, p99 ≤ 500 ms',
    );
  } finally {
    await stack.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`[bench ${NAME}] failed: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}
