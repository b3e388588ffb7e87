// The benchmarks are scripts, not tests: this checks that each still runs, at a tiny size
// (BENCH_TINY=1), against the test infrastructure, and that the JSON result it writes is
// consistent: the sizes are the tiny ones, every count adds up to what was sent, every latency
// summary is ordered. No speed is asserted and docs/BENCHMARKS.md is not touched at this size.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testInfra } from '../support/infra';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT_MS = 420_000; // each starts the four apps; CI shares the machine

function runBench(script: string, resultsDir: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const infra = testInfra();
  const database = new URL(infra.databaseUrl);
  database.pathname = '/laowu_bench';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('bench', script)], {
      cwd: ROOT,
      env: {
        ...process.env, BENCH_TINY: '1', BENCH_RESULTS_DIR: resultsDir, KAFKA_BROKERS: infra.kafkaBrokers, ELASTICSEARCH_URL: infra.searchUrl,
        BENCH_DATABASE_URL: database.toString(), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LOG_LEVEL: 'error', ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS - 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

type Result = Record<string, any>;

const APPS = ['job-collection', 'worker-profiles', 'matching', 'dispatch'];
/** The BENCH_TINY sizes the scripts pick (bench/*.ts, `size(NAME, full, tiny)`). */
const TINY = {
  background: { workers: 200, jobs: 200 },
  instant: { rate: 5, posts: 10, stations: 4, bulkJobs: 300 },
  workerAvailable: { rate: 5, registrations: 10, stations: 4 },
  ingest: { jobs: 500, concurrency: 2, gigShare: 0.1, perCall: 1000 },
  load: { rate: 20, seconds: 5, sweepRate: 10, sweepSeconds: 3 },
  matchesVsPostgres: { sizes: [300, 1000], requests: 10 },
  searchShards: { workers: 400, jobs: 400, shards: 2, requests: 6 },
  compareMatching: { workers: 400, jobs: 400, requests: 6 },
};

const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A latency summary (bench/lib/report.ts `summary`) of `n` samples in ms: ordered, never negative. */
function expectSummary(s: Result, n: number): void {
  expect(s.n).toBe(n);
  if (n === 0) return;
  expect(s.p50).toBeGreaterThanOrEqual(0);
  expect(s.p50).toBeLessThanOrEqual(s.p95);
  expect(s.p95).toBeLessThanOrEqual(s.p99);
  expect(s.p99).toBeLessThanOrEqual(s.max);
  expect(s.mean).toBeLessThanOrEqual(s.max);
}

/** An open-loop rate over `count` slots is at most `rate` × count / (count − 1): the first slot is at 0 s. */
function expectRate(achieved: number, rate: number, count: number): void {
  expect(achieved).toBeGreaterThan(0);
  expect(achieved).toBeLessThanOrEqual(round1((rate * count) / (count - 1)));
}

function expectBackground(r: Result, stations: number): void {
  expect(r.background).toEqual({ ...TINY.background, stations, seconds: expect.any(Number) });
}

/** Posts at a rate, each watched for its first and every delivery on the stations' streams. */
function expectStreamRun(r: Result, sent: number, firstField: string, missedField: string, perField: string): void {
  expect(r.postFailures).toBe(0);
  expectSummary(r.postResponseMs, sent);
  expect(r[firstField].n).toBeGreaterThan(0);
  expectSummary(r[firstField], sent - r[missedField]);
  expectSummary(r.postToEveryDeliveryMs, r.deliveries);
  expect(r.deliveries).toBeGreaterThanOrEqual(r[firstField].n);
  expect(r[perField]).toBe(round1(r.deliveries / sent));
  if (r.deliveries) expect(r.postToEveryDeliveryMs.max).toBeGreaterThanOrEqual(r[firstField].max);
}

function expectInstantPath(r: Result): void {
  const { rate, posts, stations } = TINY.instant;
  expect({ posts: r.posts, rateTarget: r.rateTarget, stations: r.stations }).toEqual({ posts, rateTarget: rate, stations });
  expectRate(r.rateAchieved, rate, posts);
  expectBackground(r, stations);
  expectStreamRun(r, posts, 'postToFirstMatchOnStreamMs', 'jobsWithoutMatchIn15s', 'deliveriesPerJob');
}

function expectInstantPathBulk(r: Result): void {
  expectInstantPath(r);
  const lane = r.standardLane;
  expect({ jobsPosted: lane.jobsPosted, postFailures: lane.postFailures }).toEqual({ jobsPosted: TINY.instant.bulkJobs, postFailures: 0 });
  expect(lane.jobsPushed).toBeGreaterThan(0);
  expect(lane.jobsPushed).toBeLessThanOrEqual(lane.jobsPosted);
  expectSummary(lane.lagMs, lane.jobsPushed);
  expect(lane.deliveries).toBeGreaterThanOrEqual(lane.jobsPushed);
}

function expectWorkerAvailable(r: Result): void {
  const { rate, registrations, stations } = TINY.workerAvailable;
  expect({ registrations: r.registrations, rateTarget: r.rateTarget, stations: r.stations }).toEqual({ registrations, rateTarget: rate, stations });
  expectRate(r.rateAchieved, rate, registrations);
  expectBackground(r, stations);
  expectStreamRun(r, registrations, 'postToFirstPushOnStreamMs', 'workersWithoutPushIn15s', 'deliveriesPerWorker');
}

/** bench/ingest.ts's figures, also inside memory.ts's result. */
function expectIngestRun(r: Result): void {
  const { jobs, concurrency, gigShare, perCall } = TINY.ingest;
  expect({ jobs: r.jobs, concurrency: r.concurrency, gigShare: r.gigShare }).toEqual({ jobs, concurrency, gigShare });
  expectSummary(r.bulkCallMs, Math.ceil(jobs / perCall));
  expect(r.endToEndSeconds).toBeGreaterThan(0);
  // Rates from the rounded seconds: within the rounding of the seconds (±0.05 s).
  expect(r.endToEndJobsPerSec).toBeGreaterThanOrEqual(Math.floor(jobs / (r.endToEndSeconds + 0.05)));
  expect(r.endToEndJobsPerSec).toBeLessThanOrEqual(Math.ceil(jobs / Math.max(0.01, r.endToEndSeconds - 0.05)));
  expect(r.apiJobsPerSec).toBeGreaterThanOrEqual(Math.floor(jobs / (r.apiSeconds + 0.05)));
}

function expectIngest(r: Result): void {
  expectIngestRun(r);
  for (const app of APPS) expect(r.appRssMB[app].peakMB).toBeGreaterThanOrEqual(r.appRssMB[app].meanMB);
}

/** One open-loop phase of bench/load.ts: every request sent is answered by one status or lost. */
function expectLoadPhase(phase: Result, rate: number, seconds: number, readEndpoints: string[]): void {
  const requests = rate * seconds;
  expect({ rate: phase.rate, seconds: phase.seconds, requests: phase.requests }).toEqual({ rate, seconds, requests });
  expectRate(phase.achievedRate, rate, requests);
  const endpoints = Object.values(phase.perEndpoint) as Result[];
  expect(sum(endpoints.map((e) => e.requests))).toBe(requests);
  expect(phase.ok2xx + phase.shed503 + phase.otherStatuses + phase.unanswered).toBe(requests);
  for (const e of endpoints) {
    const others = sum(Object.values(e.otherStatuses as Record<string, number>));
    expect(e.ok2xx + e.shed503 + others + e.timeouts + e.connectionErrors).toBe(e.requests);
  }
  expect(phase.reads.requests).toBe(sum(readEndpoints.map((name) => phase.perEndpoint[name].requests)));
  expect(phase.reads.ok2xx).toBe(sum(readEndpoints.map((name) => phase.perEndpoint[name].ok2xx)));
  expect(phase.appsExited).toEqual([]);
}

function expectLoad(r: Result): void {
  const { rate, seconds, sweepRate, sweepSeconds } = TINY.load;
  expect(Object.keys(r.main.perEndpoint)).toEqual(['matchesForWorker', 'jobSearch', 'jobPost', 'workerRead', 'stationMatches']);
  expect(r.mix.map((m: Result) => m.name)).toEqual(Object.keys(r.main.perEndpoint));
  expect(sum(r.mix.map((m: Result) => m.share))).toBeCloseTo(1, 6);
  const reads = r.mix.filter((m: Result) => m.read).map((m: Result) => m.name);
  expectLoadPhase(r.main, rate, seconds, reads);
  expect(r.sweep).toHaveLength(1);
  expectLoadPhase(r.sweep[0], sweepRate, sweepSeconds, reads);
  expect(r.appsExited).toEqual([]);
  expect(r.appsAnsweringAfter).toEqual(Object.fromEntries(APPS.map((app) => [app, true])));
}

function expectMemory(r: Result): void {
  const { rate, posts, stations } = TINY.instant;
  expect(r.load).toEqual({
    backgroundWorkers: TINY.background.workers,
    backgroundJobs: TINY.background.jobs,
    ingest: { jobs: TINY.ingest.jobs, concurrency: TINY.ingest.concurrency, gigShare: TINY.ingest.gigShare },
    instant: { rate, posts, stations, bulkJobs: 0 },
  });
  expect(Object.keys(r.phases)).toEqual(['idle', 'background', 'ingest', 'instant', 'idleAfterLoad']);
  const peakUnderLoad = (app: string) => Math.max(r.phases.ingest[app].peakMB, r.phases.instant[app].peakMB);
  for (const app of APPS) {
    expect(r.perApp[app]).toEqual({ idleMB: r.phases.idle[app].meanMB, peakUnderLoadMB: peakUnderLoad(app), idleAfterLoadMB: r.phases.idleAfterLoad[app].meanMB });
    expect(r.perApp[app].peakUnderLoadMB).toBeGreaterThan(0);
  }
  const { wholeStack } = r;
  expect(wholeStack.appsPeakSumMB).toBe(Math.round(sum(APPS.map(peakUnderLoad))));
  expect(wholeStack.peakMB).toBe(Math.round(sum(APPS.map(peakUnderLoad)) + sum([wholeStack.kafkaPeakMB, wholeStack.openSearchPeakMB, wholeStack.postgresPeakPssMB])));
  expectIngestRun(r.ingestResult);
  expect(r.instantResult.posts).toBe(posts);
}

function expectMatchesVsPostgres(r: Result): void {
  const { sizes, requests } = TINY.matchesVsPostgres;
  expect(r.sizes.map((size: Result) => size.openJobs)).toEqual(sizes);
  for (const size of r.sizes) {
    expect(size.requests).toBe(requests);
    expectSummary(size.laowuHttpMs, requests);
    expectSummary(size.postgresMs, requests);
    expect(size.ratio.p50).toBe(round2(size.postgresMs.p50 / size.laowuHttpMs.p50));
    // Every timed request was answered by exactly one ranking tier.
    expect(sum(Object.values(size.rankingTiers as Record<string, number>))).toBe(requests);
  }
  // Same data, same ranking: the PostgreSQL query must agree with the app on most of the top 20.
  expect(r.sizes[0].top20Agreement).toBeGreaterThanOrEqual(0.8);
}

function expectSearchShards(r: Result): void {
  const { workers, jobs, shards, requests } = TINY.searchShards;
  expect(r.data).toMatchObject({ workers, jobs, shards: [1, shards], requests });
  for (const count of [1, shards]) {
    const variant = `shards${count}`;
    expectSummary(r.matchesForWorkerMs[variant], requests);
    expectSummary(r.candidatesForJobMs[variant], requests);
    // Every search of a request asks each shard once.
    for (const read of ['matches', 'candidates']) expect(r.enginePerRequest[variant][read].shardQueries).toBeGreaterThanOrEqual(count);
  }
  // A shard count moves documents, not the ranking (only the freshness factor moves between the two reads of a request).
  expect(r.sameListsShare).toBeGreaterThanOrEqual(0.8);
}

/** compare-matching.ts run against this checkout itself: the same code on both sides gives the same lists. */
function expectCompareMatching(r: Result): void {
  const { workers, jobs, requests } = TINY.compareMatching;
  expect(r.data).toEqual({ workers, jobs, requests });
  for (const side of ['baseline', 'current']) {
    expectSummary(r.candidatesForJobMs[side], requests);
    expectSummary(r.matchesForWorkerMs[side], requests);
  }
  expect(r.sameListsShare).toBeGreaterThanOrEqual(0.8);
}

describe('bench/ scripts at a tiny size', () => {
  let resultsDir: string;
  beforeAll(() => (resultsDir = mkdtempSync(join(tmpdir(), 'laowu-bench-'))));
  afterAll(() => rmSync(resultsDir, { recursive: true, force: true }));

  // [script, result name, check, extra env]
  const cases: [string, string, (result: Result) => void, Record<string, string>?][] = [
    ['matches-vs-postgres.ts', 'matches-vs-postgres', expectMatchesVsPostgres],
    // instant-path.ts runs once, with BENCH_BULK=1: its instant half is the plain run's whole (memory.ts runs that one again).
    ['instant-path.ts', 'instant-path.bulk', expectInstantPathBulk, { BENCH_BULK: '1' }],
    ['worker-available.ts', 'worker-available', expectWorkerAvailable],
    ['ingest.ts', 'ingest', expectIngest],
    ['load.ts', 'load', expectLoad],
    ['memory.ts', 'memory', expectMemory],
    ['search-shards.ts', 'search-shards', expectSearchShards],
    ['compare-matching.ts', 'compare-matching', expectCompareMatching, { BENCH_BASELINE: ROOT }],
  ];

  // A rest parameter: jest gives a test function with more parameters than its row has values a done callback, and waits for it.
  it.each(cases)('%s (%s) runs and writes a consistent result', async (...[script, name, check, env]) => {
    const { code, output } = await runBench(script, resultsDir, env);
    if (code !== 0) throw new Error(`bench/${script} exited ${code}:\n${output.slice(-4000)}`);
    const file = join(resultsDir, `${name}.tiny.json`);
    expect(existsSync(file)).toBe(true);
    check(JSON.parse(readFileSync(file, 'utf8')));
  }, TIMEOUT_MS);
});
