/**
 * Benchmark (not a test): the instant path (即时快招), alone or while agencies bulk-load
 * cross-region jobs. Gig jobs are POSTed through job-collection's API at a steady rate; each
 * station's SSE client (dispatch GET /v1/stations/{id}/stream) times the arrival of their
 * `instant_job` matches (other triggers reach the streams too and are not counted). Latency: from
 * sending the POST to the first match for that job on any station's stream (p50/p95/p99), and to
 * every delivery.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/instant-path.ts
 *
 * BENCH_BULK=1 adds the standard lane under load: from just before the gig stream's measured part,
 * a second agency posts BENCH_BULK_JOBS fulltime, non-instant jobs through POST /v1/jobs/bulk
 * (1,000 a call, 2 calls in flight, as fast as the API answers), each recruiting from one or two
 * counties where background workers live (crossRegion.sourceRegionCodes) at a wage they all
 * accept. Measured: jobs with a `cross_region_job` delivery on any station's stream within 120 s
 * (tiny: 30 s) of the end of bulk posting; jobs pushed per second (first bulk call sent → last
 * job's first push); per job, bulk call sent → first push on a stream (p50/p95/p99).
 * Either way: each lane's consumer lag when the gig posting ends, and the p50 of every push hop
 * per lane (laowu_push_hop_seconds from the apps' /metrics, observations of the measured part).
 *
 * The four apps run as separate processes (plain JS compiled by bench/lib/compile-apps.ts, stopped
 * as scripts/apps.js stops them) on ports 13001–13004 with SEARCH_INDEX_PREFIX=bench-ip-
 * and the laowu_bench database. A background of N workers and M open jobs is written straight
 * into matching's indices first; the workers belong to BENCH_STATIONS stations, each with an SSE client.
 * Env: BENCH_RATE (posts/s, default 20), BENCH_POSTS (default 1200 = 60 s), BENCH_WORKERS
 * (100000), BENCH_JOBS (100000), BENCH_STATIONS (20), BENCH_BULK=1 and BENCH_BULK_JOBS (100000),
 * BENCH_TINY=1 (the CI size), BENCH_RATES=5,10 (the gig stream alone again at these rates afterwards, same
 * duration: where the instant path stops keeping up on this machine).
 * Writes bench/results/instant-path.json (BENCH_BULK=1: instant-path.bulk.json) and a line in docs/BENCHMARKS.md.
 */
import 'reflect-metadata';
import { TOPICS } from '@laowu/contracts';
import { findRegion } from '@laowu/domain';
import { randomUUID } from 'node:crypto';
import { toJobDocument } from '../apps/matching/src/indexing/job.document';
import { MatchingConfig } from '../apps/matching/src/matching.config';
import { crossRegionWorkerFilters, workersForJobQuery } from '../apps/matching/src/ranking/ranking.queries';
import { DEFAULT_WEIGHTS } from '../apps/matching/src/ranking/ranking-weights';
import { expectCall, pushHopQuantilesMs, scrapeMetrics, tokenFor } from '@laowu/testkit';
import { AGENCIES, destinationJob, Random } from '../scripts/demo/scenario';
import { loadBackground } from './lib/background';
import { benchCounties, makeJob, Rng } from './lib/data';
import { appendBenchmarkLine, CpuMeter, fmt, isTiny, loadTracker, logger, machine, runBench, size, sleep, stackProcesses, stackRss, summary, writeRunResult } from './lib/report';
import { sendOpenLoop } from './lib/open-loop';
import { type BenchStack, consumerLag, sampleAppRss, searchEngineQueries, startStack } from './lib/stack';
import { arrivalLatencies, type Arrivals, watchStationStreams } from './lib/streams';

const NAME = 'instant-path';
const BULK_PER_CALL = 1000;
const BULK_CALLS_IN_FLIGHT = 2;
/** Not the gig stream's agency (AGENCIES[0]), so externalIds never clash. */
const BULK_AGENCY = AGENCIES[1];
/** 322 CNY a day: above every background worker's minimum (at most 270 a day, bench/lib/data.ts). */
const BULK_WAGE = { min: 6000, max: 7000, unit: 'month' as const };
const STANDARD_DEADLINE_MS = isTiny() ? 30_000 : 120_000;

export interface InstantOptions {
  rate: number;
  posts: number;
  stations: number;
  /** Cross-region jobs bulk-loaded meanwhile (BENCH_BULK=1); 0: none. */
  bulkJobs: number;
}

export function instantOptions(): InstantOptions {
  return {
    rate: size('BENCH_RATE', 20, 5), posts: size('BENCH_POSTS', 1200, 10), stations: size('BENCH_STATIONS', 20, 4),
    bulkJobs: process.env.BENCH_BULK === '1' ? size('BENCH_BULK_JOBS', 100_000, 300) : 0,
  };
}

/** BENCH_RATES=5,10: the gig stream alone again at these rates, as long as the main part, on the same stack and data. */
function sweepRates(): number[] {
  const rates = (process.env.BENCH_RATES ?? '').split(',').filter(Boolean).map(Number);
  const bad = rates.find((rate) => !(rate > 0));
  if (bad !== undefined) throw new Error(`BENCH_RATES must be positive numbers of posts per second, got ${process.env.BENCH_RATES}`);
  return rates;
}

/** Where the instant path stops keeping up: the same measured part at other rates, one after another. */
async function runRateSweep(stack: BenchStack, log: (m: string) => void, options: InstantOptions, rates: number[]) {
  const sweep = [];
  for (const rate of rates) {
    const posts = Math.max(10, Math.round((options.posts * rate) / options.rate));
    log(`rate sweep: ${posts} gig jobs at ${rate}/s`);
    const result = await runInstantPath(stack, log, { ...options, rate, posts, bulkJobs: 0 });
    log(`rate sweep ${rate}/s: first match p50/p95/p99 ${fmt(result.postToFirstMatchOnStreamMs)} ms, ${result.jobsWithoutMatchIn15s} unmatched`);
    sweep.push({ rate, rateAchieved: result.rateAchieved, postToFirstMatchOnStreamMs: result.postToFirstMatchOnStreamMs, deliveriesPerJob: result.deliveriesPerJob,
      jobsWithoutMatchIn15s: result.jobsWithoutMatchIn15s, cpuSecondsWhilePosting: result.cpuSecondsWhilePosting, hopsP50Ms: result.hopsP50Ms });
  }
  return sweep;
}

/**
 * Background workers a bulk job would be pushed to, per home county: matching's own candidates
 * query for a cross-region job (workersForJobQuery + crossRegionWorkerFilters) at the bulk
 * agency's place, kind and wage, recruiting from every bench county, counted by county.
 */
async function crossRegionCandidatesByCounty(stack: BenchStack): Promise<Map<string, number>> {
  const counties = benchCounties().map((c) => c.code);
  const overrides = { kind: 'fulltime' as const, instant: false, wage: BULK_WAGE, crossRegion: { sourceRegionCodes: counties } };
  const job = toJobDocument(makeJob(new Rng(1), findRegion(BULK_AGENCY.counties[0])!, Date.now(), overrides));
  const query = (workersForJobQuery(job, DEFAULT_WEIGHTS.weights, new Date(), crossRegionWorkerFilters(job)) as { function_score: { query: object } }).function_score.query;
  const { aggregations } = await stack.search.search(`${stack.prefix}workers`, {
    size: 0, query, aggs: { county: { terms: { field: 'homeRegionCode', size: counties.length } } },
  });
  const buckets = (aggregations as { county: { buckets: { key: string; doc_count: number }[] } }).county.buckets;
  return new Map(buckets.map((b) => [b.key, b.doc_count]));
}

/** Each bulk job's source counties (one or two with candidates), and how many candidates that makes per job on average. */
function planBulkSources(candidatesByCounty: Map<string, number>, jobs: number) {
  const counties = [...candidatesByCounty.keys()];
  if (!counties.length) throw new Error('no background worker would take a cross-region job');
  const random = new Random(4343);
  const sources = Array.from({ length: jobs }, () => random.sample(counties, random.int(1, 2)));
  const topN = new MatchingConfig().CROSS_REGION_TOP_N;
  const candidates = sources.reduce((sum, codes) => sum + Math.min(topN, codes.reduce((n, code) => n + candidatesByCounty.get(code)!, 0)), 0);
  return { sources, expectedCandidatesPerJob: Math.round((candidates / jobs) * 10) / 10 };
}

interface BulkLoad {
  expectedCandidatesPerJob: number;
  /** Job id → when the bulk call that created it was sent. */
  sentAt: Map<string, number>;
  firstSentAt: number;
  failed: number;
  apiSeconds: number;
  done: Promise<void>;
}

/** Posts one fulltime cross-region job per entry of `plan.sources`, BULK_CALLS_IN_FLIGHT bulk calls at a time. */
function startBulkLoad(stack: BenchStack, log: (m: string) => void, plan: ReturnType<typeof planBulkSources>, run: string): BulkLoad {
  const { sources, expectedCandidatesPerJob } = plan;
  const random = new Random(4242);
  const token = tokenFor({ sub: BULK_AGENCY.id, role: 'agency', region: BULK_AGENCY.region });
  const load: BulkLoad = { expectedCandidatesPerJob, sentAt: new Map(), firstSentAt: NaN, failed: 0, apiSeconds: 0, done: Promise.resolve() };
  const post = async (from: number) => {
    const jobs = sources.slice(from, from + BULK_PER_CALL).map((sourceRegionCodes, i) => ({
      ...destinationJob(random, BULK_AGENCY, from + i, 'fulltime'), externalId: `bench-${run}-bulk-${from + i}`, wage: BULK_WAGE, crossRegion: { sourceRegionCodes },
    }));
    const t0 = performance.now();
    if (Number.isNaN(load.firstSentAt)) load.firstSentAt = t0;
    try {
      const answer = await expectCall<{ results: { id?: string; status: number }[] }>([200], 'POST', `${stack.urls['job-collection']}/v1/jobs/bulk`, token, { jobs });
      for (const result of answer.results) {
        if (result.status === 201) load.sentAt.set(result.id!, t0);
        else if (++load.failed <= 3) log(`bulk item not created: ${JSON.stringify(result)}`);
      }
    } catch (error) {
      load.failed += jobs.length;
      log(`bulk call failed: ${(error as Error).message}`);
    }
  };
  let next = 0;
  const started = performance.now();
  load.done = Promise.all(
    Array.from({ length: BULK_CALLS_IN_FLIGHT }, async () => {
      while (next < sources.length) {
        const from = next;
        next += BULK_PER_CALL;
        await post(from);
      }
    }),
  ).then(() => void (load.apiSeconds = (performance.now() - started) / 1000));
  return load;
}

/** The standard lane's figures: which bulk jobs reached a stream, how fast, how late. */
function standardLaneResult(load: BulkLoad, pushes: Arrivals) {
  const lag: number[] = [];
  let lastFirstPush = load.firstSentAt;
  let deliveries = 0;
  for (const [jobId, sentAt] of load.sentAt) {
    const at = pushes.first.get(jobId);
    if (at === undefined) continue;
    lag.push(at - sentAt);
    lastFirstPush = Math.max(lastFirstPush, at);
    deliveries += pushes.all.get(jobId)!.length;
  }
  return {
    jobsPosted: load.sentAt.size, jobsPushed: lag.length, pushedPerSecond: lag.length ? Math.round(lag.length / ((lastFirstPush - load.firstSentAt) / 1000)) : 0,
    lagMs: summary(lag), deliveries, bulkApiJobsPerSecond: Math.round(load.sentAt.size / load.apiSeconds), postFailures: load.failed, expectedCandidatesPerJob: load.expectedCandidatesPerJob,
  };
}

/** Opens one SSE client per station, posts gig jobs at a steady rate, and times each job's first match. */
export async function runInstantPath(stack: BenchStack, log: (m: string) => void, options: InstantOptions) {
  const streams = await watchStationStreams(stack.urls.dispatch, options.stations, { instant_job: 'jobId', cross_region_job: 'jobId' });
  const instant = streams.arrivals.instant_job;
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
  while (!warmIds.every((id) => instant.first.has(id)) && Date.now() - warmStarted < 90_000) await sleep(200);
  log(`warm-up: ${warmIds.filter((id) => instant.first.has(id)).length}/5 jobs matched on a stream after ${((Date.now() - warmStarted) / 1000).toFixed(1)} s`);
  const bulkPlan = options.bulkJobs ? planBulkSources(await crossRegionCandidatesByCounty(stack), options.bulkJobs) : undefined;
  if (bulkPlan) log(`bulk load: ${options.bulkJobs.toLocaleString('en')} cross-region jobs, ${bulkPlan.expectedCandidatesPerJob} candidates per job expected`);
  const metricsBefore = await scrapeMetrics(Object.values(stack.urls));
  const bulk = bulkPlan && startBulkLoad(stack, log, bulkPlan, run);
  const bulkPushed = () => [...bulk!.sentAt.keys()].filter((id) => streams.arrivals.cross_region_job.first.has(id)).length;
  const bulkProgress = () => (bulk ? `; bulk: created ${bulk.sentAt.size}/${options.bulkJobs}, pushed ${bulkPushed()}` : '');
  const cpu = new CpuMeter(() => ({ ...Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, [pid]])), ...stackProcesses(), bench: [process.pid] })).start();
  const queriesBefore = await searchEngineQueries(stack);
  const progress = (sent: number, perSecond: string, sentAt: Map<string, number>) => {
    const answered = [...sentAt.keys()].filter((id) => instant.first.has(id)).length;
    const deliveries = [...instant.all.values()].reduce((a, d) => a + d.length, 0);
    return `posted ${sent}/${options.posts} (${perSecond}/s), matched on a stream ${answered}, deliveries ${deliveries}${bulkProgress()}`;
  };
  const { sentAt, callMs: postMs, failed, seconds: postSeconds } = await sendOpenLoop({ count: options.posts, rate: options.rate, log, name: 'post', progress }, (i) => {
    const body = { ...destinationJob(random, agency, i, 'gig', true), externalId: `bench-${run}-${i}` };
    return async () => (await expectCall<{ id: string }>([201], 'POST', `${stack.urls['job-collection']}/v1/jobs`, token, body)).id;
  });
  const lagAtEndOfPosting = await laneLags(stack);
  const cpuSeconds = cpu.stop();
  const searchQueries = (await searchEngineQueries(stack)).since(queriesBefore);
  const { instant: instantLag, standard: standardLag } = lagAtEndOfPosting;
  log(`posting done in ${postSeconds.toFixed(1)} s; consumer lag, instant lane: matching ${instantLag.matchingOnJobs} job events, dispatch ${instantLag.dispatchOnMatches} match events; ` +
    `standard lane: matching ${standardLag.matchingOnJobs}, dispatch ${standardLag.dispatchOnMatches}`);
  log(`CPU s while posting (${postSeconds.toFixed(0)} s on ${machine().cores} cores): ${JSON.stringify(cpuSeconds)}; search engine: ${searchQueries.queries} shard queries, ` +
    `${searchQueries.meanQueryMs} ms each on average (server side)`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && [...sentAt.keys()].some((id) => !instant.first.has(id))) await sleep(200);
  if (bulk) {
    const posting = bulk.done.then(() => false);
    while (await Promise.race([posting, sleep(3000).then(() => true)])) log(`bulk load still posting${bulkProgress()}`);
    const standardDeadline = Date.now() + STANDARD_DEADLINE_MS;
    while (Date.now() < standardDeadline && bulkPushed() < bulk.sentAt.size) {
      await sleep(3000);
      log(`waiting for the standard lane${bulkProgress()}`);
    }
  }
  await sleep(1000); // the last deliveries of the last jobs
  const hopsP50Ms = pushHopQuantilesMs(await scrapeMetrics(Object.values(stack.urls)), 0.5, metricsBefore);
  streams.close();
  const { first, every, missing: unmatched } = arrivalLatencies(sentAt, instant);
  const deliveries = every.length;
  return {
    posts: options.posts, rateTarget: options.rate, rateAchieved: Math.round((options.posts / postSeconds) * 10) / 10, stations: options.stations,
    postFailures: failed, jobsWithoutMatchIn15s: unmatched, deliveries, deliveriesPerJob: Math.round((deliveries / Math.max(1, sentAt.size)) * 10) / 10,
    lagAtEndOfPosting, cpuSecondsWhilePosting: cpuSeconds, searchEngineWhilePosting: searchQueries,
    postToFirstMatchOnStreamMs: summary(first), postToEveryDeliveryMs: summary(every), postResponseMs: summary(postMs),
    ...(bulk ? { standardLane: standardLaneResult(bulk, streams.arrivals.cross_region_job) } : {}),
    hopsP50Ms,
  };
}

/** Where a backlog sits, per lane: matching's lag on the lane's jobs topic, dispatch's on its matches topic. */
async function laneLags(stack: BenchStack) {
  const lag = (group: string, topic: string) => consumerLag(stack, group, topic).catch(() => -1);
  const [instantJobs, instantMatches, jobs, matches] = await Promise.all([
    lag(stack.groups.matching, TOPICS.jobsInstant), lag(stack.groups.dispatch, TOPICS.matchesInstant),
    lag(stack.groups.matching, TOPICS.jobs), lag(stack.groups.dispatch, TOPICS.matches),
  ]);
  return { instant: { matchingOnJobs: instantJobs, dispatchOnMatches: instantMatches }, standard: { matchingOnJobs: jobs, dispatchOnMatches: matches } };
}

const NOTES =
  'four apps as separate processes (SWC-compiled JS); POST /v1/jobs (gig, instant) → outbox (instant lane) → laowu.jobs.instant.v1 → matching candidates query ' +
  '(top INSTANT_TOP_N=50) → laowu.matches.instant.v1 → dispatch inbox → NOTIFY → SSE; only instant_job deliveries count for the gig figures; the clock starts before the POST is sent';

function bulkNotes(expectedCandidatesPerJob: number): string {
  return `${NOTES}. Bulk load (standardLane): fulltime cross-region jobs of a second agency in ${BULK_AGENCY.counties.join('/')} at ${BULK_WAGE.min}–${BULK_WAGE.max} CNY a month, ` +
    `each recruiting from one or two bench counties picked among those with candidates, ${expectedCandidatesPerJob} candidates per job expected (matching's own query over the background, ` +
    `capped at CROSS_REGION_TOP_N); POST /v1/jobs/bulk → outbox (standard lane) → laowu.jobs.v1 → matching → laowu.matches.v1 → dispatch → SSE (cross_region_job); ` +
    `lag from sending the bulk call, pushed within ${STANDARD_DEADLINE_MS / 1000} s of the end of posting`;
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
    const rss = sampleAppRss(stack);
    const result = await runInstantPath(stack, log, options);
    const rateSweep = await runRateSweep(stack, log, options, sweepRates());
    const appRss = rss.stop();
    const loadAverage = load.stop();
    const f = result.postToFirstMatchOnStreamMs;
    log(`POST → first match on a station's stream p50/p95/p99 ${fmt(f)} ms; every delivery ${fmt(result.postToEveryDeliveryMs)} ms; ${result.jobsWithoutMatchIn15s} jobs unmatched`);
    const standard = result.standardLane;
    if (standard) {
      log(`standard lane: ${standard.jobsPushed}/${standard.jobsPosted} bulk jobs pushed (${standard.deliveries} deliveries), ${standard.pushedPerSecond} jobs/s; ` +
        `bulk POST → first push p50/p95/p99 ${fmt(standard.lagMs)} ms; bulk API ${standard.bulkApiJobsPerSecond} jobs/s`);
    }
    log(`push hops p50 ms: ${JSON.stringify(result.hopsP50Ms)}`);
    writeRunResult(standard ? `${NAME}.bulk` : NAME, log, loadAverage, {
      background, ...result, ...(rateSweep.length ? { rateSweep } : {}),
      appRssMB: appRss, stackRssMB: stackRss(),
      notes: standard ? bulkNotes(standard.expectedCandidatesPerJob) : NOTES,
    });
    const instantLine =
      `${options.rate} posts/s (achieved ${result.rateAchieved}), ${result.posts} posts, ${workers.toLocaleString('en')} workers at ${options.stations} stations, ` +
      `${jobs.toLocaleString('en')} open jobs: first match on the stream p50/p95/p99 ${fmt(f)} ms; every delivery (${result.deliveriesPerJob}/job) ` +
      `${fmt(result.postToEveryDeliveryMs)} ms; ${result.jobsWithoutMatchIn15s} unmatched` +
      rateSweep.map((r) => `; at ${r.rate}/s: p50/p95/p99 ${fmt(r.postToFirstMatchOnStreamMs)} ms`).join('') +
      `; load avg ${loadAverage.mean} (max ${loadAverage.max})`;
    if (standard) {
      appendBenchmarkLine(
        `instant path while bulk-loading ${standard.jobsPosted.toLocaleString('en')} cross-region jobs; standard lane, bulk POST → station SSE (\`BENCH_BULK=1 bench/instant-path.ts\`)`,
        `instant: ${instantLine}. Standard: ${standard.jobsPushed.toLocaleString('en')}/${standard.jobsPosted.toLocaleString('en')} jobs pushed ` +
          `(bulk API ${standard.bulkApiJobsPerSecond} jobs/s, ${standard.expectedCandidatesPerJob} candidates/job expected), ${standard.pushedPerSecond} jobs/s, ` +
          `bulk POST → first push p50/p95/p99 ${fmt(standard.lagMs)} ms`,
        'instant p50 ≤ 250 ms, p99 ≤ 1 s while bulk-loading; standard ≥ 1,000 jobs/s, p99 ≤ 30 s',
      );
    } else {
      appendBenchmarkLine(`instant path, gig job POST → station SSE (\`bench/instant-path.ts\`)`, instantLine, 'p50 ≤ 150 ms, p99 ≤ 500 ms');
    }
  } finally {
    await stack.stop();
  }
}

runBench(NAME, module, main);
