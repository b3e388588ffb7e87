/**
 * Benchmark (not a test): the worker side of the push engine (转岗服务, 十四). Workers are
 * registered as unemployed through worker-profiles' API (POST /v1/workers, as their station) at a
 * steady rate; matching pushes each one's best open jobs (`worker_available`, standard lane) and
 * the station's SSE client (dispatch GET /v1/stations/{id}/stream) times their arrival. Latency:
 * from sending the POST to the worker's first `worker_available` delivery on the station's stream
 * (p50/p95/p99), and to every delivery; deliveries per worker; workers with none within 15 s of
 * the end of posting; the p50 of every push hop per lane (laowu_push_hop_seconds from the apps' /metrics).
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/worker-available.ts
 *
 * Path: POST /v1/workers → outbox → laowu.workers.v1 → matching (the worker's top
 * WORKER_AVAILABLE_TOP_N open jobs) → laowu.matches.v1 → dispatch → SSE.
 * The four apps run as separate processes (bench/lib/stack.ts, SEARCH_INDEX_PREFIX=bench-wa-) with
 * the background of bench/instant-path.ts (N workers, M open jobs in matching's indices, the
 * workers at BENCH_STATIONS stations); the new workers live in the bench counties and register at
 * those stations, each with an SSE client.
 * Env: BENCH_RATE (registrations/s, default 5), BENCH_WORKERS_REGISTERED (default 300),
 * BENCH_WORKERS (100000), BENCH_JOBS (100000), BENCH_STATIONS (20), BENCH_TINY=1 (the CI size).
 * Writes bench/results/worker-available.json and a line in docs/BENCHMARKS.md.
 */
import 'reflect-metadata';
import { TOPICS } from '@laowu/contracts';
import { makeResidentId, type Region } from '@laowu/domain';
import { randomInt } from 'node:crypto';
import { expectCall, pushHopQuantilesMs, scrapeMetrics, tokenFor } from '@laowu/testkit';
import { Random, workerRequest } from '../scripts/demo/scenario';
import { benchStationId, loadBackground } from './lib/background';
import { benchCounties } from './lib/data';
import { appendBenchmarkLine, fmt, loadTracker, logger, runBench, size, sleep, stackRss, summary, writeRunResult } from './lib/report';
import { sendOpenLoop } from './lib/open-loop';
import { type BenchStack, consumerLag, sampleAppRss, startStack } from './lib/stack';
import { arrivalLatencies, watchStationStreams } from './lib/streams';

const NAME = 'worker-available';
const WARM_UP_WORKERS = 3;

interface Options {
  rate: number;
  workers: number;
  stations: number;
}

/** A resident ID not used yet in this run: the county, a birth date 20 to 55 years back, a random sequence. */
function uniqueResidentId(random: Random, county: string, used: Set<string>): string {
  for (;;) {
    const born = new Date(Date.now() - random.int(20 * 365, 55 * 365) * 86_400_000).toISOString().slice(0, 10);
    const gender = random.chance(0.5) ? 'male' : 'female';
    const id = makeResidentId({ regionCode: county, birthDate: born, gender, sequence: random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0) });
    if (used.has(id)) continue;
    used.add(id);
    return id;
  }
}

/** The station's token and a POST /v1/workers body: unemployed since today, at home in `county`. */
function registration(random: Random, county: Region, stationId: string, used: Set<string>) {
  const body = {
    ...workerRequest(random, county.code),
    idNumber: uniqueResidentId(random, county.code, used),
    stationId,
    employmentStatus: { status: 'unemployed', effectiveDate: new Date().toISOString().slice(0, 10), regionCode: county.code, registeredAt: 'residence' },
  };
  return { token: tokenFor({ sub: stationId, role: 'station', region: '100000' }), body };
}

async function runWorkerAvailable(stack: BenchStack, log: (m: string) => void, options: Options) {
  const streams = await watchStationStreams(stack.urls.dispatch, options.stations, { worker_available: 'workerId' });
  const pushes = streams.arrivals.worker_available;
  await sleep(500);
  // A new seed every run: the bench database keeps earlier runs' workers, and a resident ID registered again is a 409.
  const random = new Random(randomInt(2 ** 31));
  const counties = benchCounties();
  const used = new Set<string>();
  /** Registration i, ready to send: resolves to the worker's id. */
  const registering = (i: number) => {
    const { token, body } = registration(random, random.pick(counties), benchStationId(i % options.stations), used);
    return async () => (await expectCall<{ id: string }>([201], 'POST', `${stack.urls['worker-profiles']}/v1/workers`, token, body)).id;
  };
  // Warm-up, not measured: consumer groups joining and first queries after start take seconds.
  const warmStarted = Date.now();
  const warmIds: string[] = [];
  for (let i = 0; i < WARM_UP_WORKERS; i++) {
    warmIds.push(await registering(i)());
    await sleep(300);
  }
  while (!warmIds.every((id) => pushes.first.has(id)) && Date.now() - warmStarted < 90_000) await sleep(200);
  log(`warm-up: ${warmIds.filter((id) => pushes.first.has(id)).length}/${WARM_UP_WORKERS} workers pushed on a stream after ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`);
  const metricsBefore = await scrapeMetrics(Object.values(stack.urls));
  const progress = (sent: number, perSecond: string, sentAt: Map<string, number>) =>
    `registered ${sent}/${options.workers} (${perSecond}/s), pushed on a stream ${[...sentAt.keys()].filter((id) => pushes.first.has(id)).length}`;
  const { sentAt, callMs: postMs, failed, seconds: postSeconds } = await sendOpenLoop({ count: options.workers, rate: options.rate, log, name: 'registration', progress }, registering);
  const lagAtEndOfPosting = {
    matchingOnWorkers: await consumerLag(stack, stack.groups.matching, TOPICS.workers).catch(() => -1),
    dispatchOnMatches: await consumerLag(stack, stack.groups.dispatch, TOPICS.matches).catch(() => -1),
  };
  log(`posting done in ${postSeconds.toFixed(1)} s; consumer lag: matching ${lagAtEndOfPosting.matchingOnWorkers} worker events, dispatch ${lagAtEndOfPosting.dispatchOnMatches} match events`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && [...sentAt.keys()].some((id) => !pushes.first.has(id))) await sleep(200);
  await sleep(1000); // the last deliveries of the last workers
  const hopsP50Ms = pushHopQuantilesMs(await scrapeMetrics(Object.values(stack.urls)), 0.5, metricsBefore);
  streams.close();
  const { first, every, missing: unpushed } = arrivalLatencies(sentAt, pushes);
  return {
    registrations: options.workers, rateTarget: options.rate, rateAchieved: Math.round((options.workers / postSeconds) * 10) / 10, stations: options.stations,
    postFailures: failed, workersWithoutPushIn15s: unpushed, deliveries: every.length, deliveriesPerWorker: Math.round((every.length / Math.max(1, sentAt.size)) * 10) / 10,
    lagAtEndOfPosting,
    postToFirstPushOnStreamMs: summary(first), postToEveryDeliveryMs: summary(every), postResponseMs: summary(postMs),
    hopsP50Ms,
  };
}

async function main(): Promise<void> {
  const log = logger(NAME);
  const load = loadTracker();
  const options: Options = { rate: size('BENCH_RATE', 5, 5), workers: size('BENCH_WORKERS_REGISTERED', 300, 10), stations: size('BENCH_STATIONS', 20, 4) };
  const workers = size('BENCH_WORKERS', 100_000, 200);
  const jobs = size('BENCH_JOBS', 100_000, 200);
  const stack = await startStack(log, { prefix: 'bench-wa-' });
  try {
    const background = await loadBackground(stack.search, stack.prefix, log, workers, jobs, options.stations);
    log(`background: ${workers} workers at ${options.stations} stations, ${jobs} open jobs (${background.seconds} s); registering ${options.workers} workers at ${options.rate}/s`);
    const rss = sampleAppRss(stack);
    const result = await runWorkerAvailable(stack, log, options);
    const appRss = rss.stop();
    const loadAverage = load.stop();
    const f = result.postToFirstPushOnStreamMs;
    log(`POST → first worker_available push on the station's stream p50/p95/p99 ${fmt(f)} ms; every delivery (${result.deliveriesPerWorker}/worker) ` +
      `${fmt(result.postToEveryDeliveryMs)} ms; ${result.workersWithoutPushIn15s} workers without a push`);
    log(`push hops p50 ms: ${JSON.stringify(result.hopsP50Ms)}`);
    writeRunResult(NAME, log, loadAverage, {
      background, ...result,
      appRssMB: appRss, stackRssMB: stackRss(),
      notes: 'four apps as separate processes (SWC-compiled JS); POST /v1/workers (unemployed, at a bench station, home in a bench county) → outbox → laowu.workers.v1 → ' +
        'matching (top WORKER_AVAILABLE_TOP_N=5 open jobs) → laowu.matches.v1 → dispatch inbox → NOTIFY → SSE (worker_available); the clock starts before the POST is sent',
    });
    appendBenchmarkLine(
      'worker-side push, worker registered as unemployed → their top jobs on the station SSE (`bench/worker-available.ts`)',
      `${options.rate} registrations/s (achieved ${result.rateAchieved}), ${result.registrations} workers, background ${workers.toLocaleString('en')} workers and ` +
        `${jobs.toLocaleString('en')} open jobs: first push on the stream p50/p95/p99 ${fmt(f)} ms; every delivery (${result.deliveriesPerWorker}/worker) ` +
        `${fmt(result.postToEveryDeliveryMs)} ms; ${result.workersWithoutPushIn15s} without a push; load avg ${loadAverage.mean} (max ${loadAverage.max})`,
      'p99 ≤ 1 s',
    );
  } finally {
    await stack.stop();
  }
}

runBench(NAME, module, main);
