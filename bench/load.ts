/**
 * Benchmark (not a test): mixed traffic at a fixed rate, open loop, as issue 14 found matching
 * dying under it. Each request leaves at its slot whether or not earlier ones have answered; the
 * client gives up after BENCH_TIMEOUT_MS (10 s). The mix:
 *   35 % matches for a worker      GET  matching        /v1/workers/{id}/matches
 *   25 % job search                POST matching        /v1/search/jobs
 *   15 % job posts                 POST job-collection  /v1/jobs
 *   15 % worker reads              GET  worker-profiles /v1/workers/{id}
 *   10 % a station's matches       GET  dispatch        /v1/stations/{id}/matches
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/load.ts
 *
 * The four apps run as separate processes with production's heap cap (bench/lib/stack.ts,
 * SEARCH_INDEX_PREFIX=bench-load-) and the rate limit raised out of the way. Data: a background of
 * workers and open jobs in matching's indices (bench/lib/background.ts) and workers registered
 * through worker-profiles' API at the bench stations (their matches, reads and stations are what
 * the mix asks for). First a sweep (each rate of BENCH_SWEEP_RATES for BENCH_SWEEP_SECONDS) finds
 * the highest rate at which the reads answered 2xx keep p99 ≤ BENCH_READ_P99_MS with at most 1 %
 * of reads refused; then the main run at BENCH_RATE for BENCH_DURATION_S. Per endpoint: requests,
 * 2xx, 503, other statuses, timeouts, connection errors, p50/p99 of answered requests, p99 of the
 * 503s' answer time; whether an app exited (the bench watches the processes) and the shed counters
 * the apps report (laowu_http_shed_total). The 1-minute load average is reported beside each
 * figure: the machine is shared.
 * Env: BENCH_RATE (requests/s, default 200), BENCH_DURATION_S (default 300), BENCH_TIMEOUT_MS (10000),
 * BENCH_SWEEP_RATES (comma-separated, default 25,50,100,150,200; "0" skips the sweep),
 * BENCH_SWEEP_SECONDS (30), BENCH_READ_P99_MS (200), BENCH_WORKERS / BENCH_JOBS (background,
 * default 100000 each), BENCH_SEED_WORKERS (registered through the API, 200), BENCH_STATIONS (20),
 * BENCH_MAX_SOCKETS (keep-alive connections per app, default 128; a request waiting for one is on
 * the clock), BENCH_TINY=1 (the CI size). Writes bench/results/load.json and a line in docs/BENCHMARKS.md.
 * Also reported per phase: CPU seconds per app, this bench, the stack's servers and the rest of the
 * machine, and connections the kernel dropped for full accept queues (each costs a SYN retry).
 */
import 'reflect-metadata';
import { makeResidentId, type Region } from '@laowu/domain';
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, get, request as httpRequest } from 'node:http';
import { loadavg } from 'node:os';
import { expectCall, inPool, scrapeMetrics, sumSamples, tokenFor } from '@laowu/testkit';
import { AGENCIES, destinationJob, Random, workerRequest } from '../scripts/demo/scenario';
import { benchStationId, loadBackground } from './lib/background';
import { benchCounties } from './lib/data';
import { appendBenchmarkLine, CpuMeter, loadTracker, logger, machineBusyCpuSeconds, runBench, size, sleep, stackProcesses, summary, writeRunResult } from './lib/report';
import { type AppName, type BenchStack, sampleAppRss, startStack } from './lib/stack';

const NAME = 'load';
const log = logger(NAME);

type EndpointName = 'matchesForWorker' | 'jobSearch' | 'jobPost' | 'workerRead' | 'stationMatches';

interface Endpoint {
  name: EndpointName;
  share: number;
  read: boolean;
  app: AppName;
  route: string;
}

export const MIX: Endpoint[] = [
  { name: 'matchesForWorker', share: 0.35, read: true, app: 'matching', route: 'GET /v1/workers/{id}/matches' },
  { name: 'jobSearch', share: 0.25, read: true, app: 'matching', route: 'POST /v1/search/jobs' },
  { name: 'jobPost', share: 0.15, read: false, app: 'job-collection', route: 'POST /v1/jobs' },
  { name: 'workerRead', share: 0.15, read: true, app: 'worker-profiles', route: 'GET /v1/workers/{id}' },
  { name: 'stationMatches', share: 0.1, read: true, app: 'dispatch', route: 'GET /v1/stations/{id}/matches' },
];

interface Options {
  rate: number;
  seconds: number;
  timeoutMs: number;
  sweepRates: number[];
  sweepSeconds: number;
  readP99Ms: number;
  workers: number;
  jobs: number;
  seedWorkers: number;
  stations: number;
}

function options(): Options {
  const rates = process.env.BENCH_SWEEP_RATES ?? (process.env.BENCH_TINY === '1' ? '10' : '25,50,100,150,200');
  return {
    rate: size('BENCH_RATE', 200, 20),
    seconds: size('BENCH_DURATION_S', 300, 5),
    timeoutMs: size('BENCH_TIMEOUT_MS', 10_000, 10_000),
    sweepRates: rates.split(',').map(Number).filter((rate) => rate > 0),
    sweepSeconds: size('BENCH_SWEEP_SECONDS', 30, 3),
    readP99Ms: size('BENCH_READ_P99_MS', 200, 200),
    workers: size('BENCH_WORKERS', 100_000, 200),
    jobs: size('BENCH_JOBS', 100_000, 200),
    seedWorkers: size('BENCH_SEED_WORKERS', 200, 10),
    stations: size('BENCH_STATIONS', 20, 4),
  };
}

/** What the mix asks about: workers registered through the API, with the station that did it. */
interface Seed {
  workers: { id: string; stationId: string; county: string }[];
  stations: string[];
  counties: Region[];
  run: string;
}

interface Request {
  method: 'GET' | 'POST';
  url: string;
  token: string;
  body?: unknown;
}

const stationToken = (stationId: string, county: string) => tokenFor({ sub: stationId, role: 'station', region: county });

function requestFor(endpoint: EndpointName, stack: BenchStack, seed: Seed, random: Random, n: number): Request {
  const worker = random.pick(seed.workers);
  switch (endpoint) {
    case 'matchesForWorker':
      return { method: 'GET', url: `${stack.urls.matching}/v1/workers/${worker.id}/matches?limit=20`, token: stationToken(worker.stationId, worker.county) };
    case 'workerRead':
      return { method: 'GET', url: `${stack.urls['worker-profiles']}/v1/workers/${worker.id}`, token: stationToken(worker.stationId, worker.county) };
    case 'stationMatches':
      return { method: 'GET', url: `${stack.urls.dispatch}/v1/stations/${worker.stationId}/matches?limit=50`, token: stationToken(worker.stationId, worker.county) };
    case 'jobSearch':
      return { method: 'POST', url: `${stack.urls.matching}/v1/search/jobs`, token: stationToken(worker.stationId, worker.county), body: searchBody(random, seed) };
    case 'jobPost': {
      const agency = random.pick(AGENCIES);
      const kind = random.pick(['fulltime', 'fulltime', 'seasonal', 'gig'] as const);
      const body = { ...destinationJob(random, agency, n, kind), externalId: `bench-load-${seed.run}-${n}` };
      return { method: 'POST', url: `${stack.urls['job-collection']}/v1/jobs`, token: tokenFor({ sub: `bench-load-${agency.id}`, role: 'agency', region: agency.region }), body };
    }
  }
}

/** The searches a station's clerk runs: by province, by kind, by keyword, near the worker's county. */
function searchBody(random: Random, seed: Seed): object {
  const county = random.pick(seed.counties);
  switch (random.int(0, 3)) {
    case 0:
      return { regionCode: random.pick(['440000', '330000', '320000', '510000']), pageSize: 20 };
    case 1:
      return { kinds: [random.pick(['gig', 'fulltime', 'seasonal'])], wageMin: random.int(100, 250), pageSize: 20 };
    case 2:
      return { q: random.pick(['普工', '焊工', '电工', '搬运工', '保洁员']), page: random.int(1, 3), pageSize: 20 };
    default:
      return { near: { lat: county.lat, lon: county.lon, km: 50 }, pageSize: 20 };
  }
}

/** One endpoint's answers in one phase. */
class Tally {
  sent = 0;
  ok = 0;
  shed = 0;
  shedWithoutRetryAfter = 0;
  other: Record<string, number> = {};
  timeouts = 0;
  errors = 0;
  firstError?: string;
  readonly answeredMs: number[] = [];
  readonly okMs: number[] = [];
  readonly shedMs: number[] = [];

  answered(status: number, ms: number, retryAfter: string | null): void {
    this.answeredMs.push(ms);
    if (status >= 200 && status < 300) {
      this.ok++;
      this.okMs.push(ms);
    } else if (status === 503) {
      this.shed++;
      this.shedMs.push(ms);
      if (!retryAfter) this.shedWithoutRetryAfter++;
    } else this.other[status] = (this.other[status] ?? 0) + 1;
  }

  failed(error: Error): void {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') this.timeouts++;
    else {
      this.errors++;
      this.firstError ??= `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}`;
    }
  }

  report(slowShedMs: number) {
    const answered = summary(this.answeredMs);
    const shed = summary(this.shedMs);
    return {
      requests: this.sent,
      ok2xx: this.ok,
      shed503: this.shed,
      shed503Over: this.shedMs.filter((ms) => ms > slowShedMs).length,
      shed503WithoutRetryAfter: this.shedWithoutRetryAfter,
      otherStatuses: this.other,
      timeouts: this.timeouts,
      connectionErrors: this.errors,
      ...(this.firstError ? { firstConnectionError: this.firstError } : {}),
      answeredP50Ms: answered.p50,
      answeredP99Ms: answered.p99,
      okP50Ms: summary(this.okMs).p50,
      okP99Ms: summary(this.okMs).p99,
      shed503P99Ms: shed.p99,
      shed503MaxMs: shed.max,
    };
  }
}

/** A 503 slower than this is not the quick refusal the issue asks for. */
const QUICK_503_MS = 100;

/**
 * One keep-alive pool per app (node:http: a fraction of fetch's CPU per request, and the bench
 * shares the cores it measures). A request waiting for a socket is on the clock: open loop.
 */
const agent = new Agent({ keepAlive: true, maxSockets: Number(process.env.BENCH_MAX_SOCKETS ?? 128) });

function exchange(request: Request, timeoutMs: number): Promise<{ status: number; retryAfter?: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const body = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
    const headers: Record<string, string | number> = { Authorization: `Bearer ${request.token}` };
    if (body) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': body.length });
    const outgoing = httpRequest({ host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] }));
      res.on('error', reject);
    });
    const timer = setTimeout(() => outgoing.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { name: 'TimeoutError' })), timeoutMs);
    outgoing.on('close', () => clearTimeout(timer));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

async function send(request: Request, tally: Tally, timeoutMs: number): Promise<void> {
  tally.sent++;
  const t0 = performance.now();
  try {
    const { status, retryAfter } = await exchange(request, timeoutMs);
    tally.answered(status, performance.now() - t0, retryAfter ?? null);
  } catch (error) {
    tally.failed(error as Error);
  }
}

/** Picks endpoints by their shares, from a seeded stream (the same sequence every run). */
function picker(random: Random): () => Endpoint {
  const cumulative = MIX.map((_, i) => MIX.slice(0, i + 1).reduce((sum, e) => sum + e.share, 0));
  return () => {
    const x = random.next() * cumulative[cumulative.length - 1];
    return MIX[cumulative.findIndex((c) => x < c)] ?? MIX[MIX.length - 1];
  };
}

let requestNumber = 0;

/** Sends `rate` requests a second for `seconds`, open loop, then waits for the last answers. */
async function runAt(stack: BenchStack, seed: Seed, rate: number, seconds: number, timeoutMs: number, label: string) {
  const tallies = Object.fromEntries(MIX.map((e) => [e.name, new Tally()])) as Record<EndpointName, Tally>;
  const random = new Random(randomInt(2 ** 31));
  const pick = picker(random);
  const total = Math.round(rate * seconds);
  const load = loadTracker();
  const cpu = cpuMeter(stack);
  const dropsBefore = listenDrops();
  const exitsBefore = stack.exits.length;
  const pending = new Set<Promise<void>>();
  let maxBehindMs = 0;
  let lastReport = performance.now();
  const started = performance.now();
  for (let sent = 0; sent < total; ) {
    const elapsed = performance.now() - started;
    const due = Math.min(total, Math.floor((elapsed * rate) / 1000) + 1);
    maxBehindMs = Math.max(maxBehindMs, elapsed - (sent * 1000) / rate);
    for (; sent < due; sent++) {
      const endpoint = pick();
      const request = send(requestFor(endpoint.name, stack, seed, random, requestNumber++), tallies[endpoint.name], timeoutMs);
      pending.add(request);
      void request.finally(() => pending.delete(request));
    }
    if (performance.now() - lastReport >= 5000) {
      lastReport = performance.now();
      const all = Object.values(tallies);
      const answered = all.reduce((n, t) => n + t.answeredMs.length, 0);
      const shed = all.reduce((n, t) => n + t.shed, 0);
      const lost = all.reduce((n, t) => n + t.timeouts + t.errors, 0);
      log(`${label}: ${sent}/${total} sent, ${answered} answered (${shed} × 503), ${pending.size} waiting, ${lost} timed out or failed; load avg ${loadavg()[0].toFixed(1)}`);
    }
    await sleep(Math.max(1, ((sent * 1000) / rate) - (performance.now() - started)));
  }
  const sendSeconds = (performance.now() - started) / 1000;
  await Promise.all(pending);
  const perEndpoint = Object.fromEntries(MIX.map((e) => [e.name, { route: `${e.app} ${e.route}`, ...tallies[e.name].report(QUICK_503_MS) }])) as Record<EndpointName, EndpointReport>;
  const reads = new Tally();
  for (const e of MIX.filter((m) => m.read)) {
    const t = tallies[e.name];
    reads.sent += t.sent;
    reads.ok += t.ok;
    reads.shed += t.shed;
    reads.timeouts += t.timeouts;
    reads.errors += t.errors;
    reads.okMs.push(...t.okMs);
  }
  const readOk = summary(reads.okMs);
  const all = Object.values(tallies);
  return {
    rate,
    seconds,
    achievedRate: Math.round((total / sendSeconds) * 10) / 10,
    generatorMaxBehindMs: Math.round(maxBehindMs),
    requests: total,
    ok2xx: all.reduce((n, t) => n + t.ok, 0),
    shed503: all.reduce((n, t) => n + t.shed, 0),
    shed503Over100Ms: all.reduce((n, t) => n + t.shedMs.filter((ms) => ms > QUICK_503_MS).length, 0),
    otherStatuses: all.reduce((n, t) => n + Object.values(t.other).reduce((a, b) => a + b, 0), 0),
    unanswered: all.reduce((n, t) => n + t.timeouts + t.errors, 0),
    reads: { requests: reads.sent, ok2xx: reads.ok, notOkShare: Math.round(((reads.sent - reads.ok) / Math.max(1, reads.sent)) * 1000) / 1000, okP50Ms: readOk.p50, okP99Ms: readOk.p99 },
    perEndpoint,
    appsExited: stack.exits.slice(exitsBefore),
    loadAverage: load.stop(),
    cpuSeconds: cpu.stop(),
    listenDrops: listenDrops() - dropsBefore,
  };
}

/**
 * Connections the kernel dropped because a listener's accept queue was full (machine-wide, from
 * /proc/net/netstat): each costs its client a SYN retransmission, a second or more.
 */
function listenDrops(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((l) => l.startsWith('TcpExt:'));
    const names = lines[0].split(/\s+/);
    const values = lines[1].split(/\s+/);
    return Number(values[names.indexOf('ListenDrops')] ?? 0);
  } catch {
    return 0;
  }
}

/**
 * Where the machine's cores went while a phase ran: each app, this bench, the stack's servers, and
 * everything else (other engineers' tests share the machine).
 */
function cpuMeter(stack: BenchStack) {
  const servers = stackProcesses();
  const meter = new CpuMeter(() => ({ ...Object.fromEntries(Object.entries(stack.pids).map(([app, pid]) => [app, [pid]])), bench: [process.pid], ...servers })).start();
  const busyBefore = machineBusyCpuSeconds();
  const started = performance.now();
  return {
    stop() {
      const used = meter.stop();
      const busy = machineBusyCpuSeconds() - busyBefore;
      const ours = Object.values(used).reduce((a, b) => a + b, 0);
      return { ...used, elsewhere: Math.round(Math.max(0, busy - ours) * 10) / 10, machineBusy: Math.round(busy * 10) / 10, wallSeconds: Math.round((performance.now() - started) / 100) / 10 };
    },
  };
}

type Phase = Awaited<ReturnType<typeof runAt>>;
type EndpointReport = ReturnType<Tally['report']> & { route: string };

/** A resident ID no earlier registration of this run used. */
function uniqueResidentId(random: Random, county: string, used: Set<string>): string {
  for (;;) {
    const born = new Date(Date.now() - random.int(20 * 365, 55 * 365) * 86_400_000).toISOString().slice(0, 10);
    const gender = random.chance(0.5) ? 'male' : 'female';
    const id = makeResidentId({ regionCode: county, birthDate: born, gender, sequence: random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0) });
    if (!used.has(id)) return used.add(id), id;
  }
}

/** Workers registered through worker-profiles (then indexed by matching from the events), spread over the bench stations. */
async function seedWorkers(stack: BenchStack, count: number, stations: number): Promise<Seed> {
  // A new seed every run: the bench database keeps earlier runs' workers, and a resident ID registered again is a 409.
  const random = new Random(randomInt(2 ** 31));
  const counties = benchCounties();
  const used = new Set<string>();
  const workers = await inPool(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
    const county = random.pick(counties);
    const stationId = benchStationId(i % stations);
    const body = { ...workerRequest(random, county.code), idNumber: uniqueResidentId(random, county.code, used), stationId };
    const { id } = await expectCall<{ id: string }>([201], 'POST', `${stack.urls['worker-profiles']}/v1/workers`, stationToken(stationId, county.code), body);
    return { id, stationId, county: county.code };
  });
  // Matching indexes them from laowu.workers.v1: wait until the last registered one is there.
  const last = workers[workers.length - 1];
  for (let i = 0; ; i++) {
    const response = await fetch(`${stack.urls.matching}/v1/workers/${last.id}/matches?limit=1`, { headers: { Authorization: `Bearer ${stationToken(last.stationId, last.county)}` } });
    await response.arrayBuffer();
    if (response.status === 200) break;
    if (i >= 240) throw new Error(`matching did not index the registered workers within 2 minutes (last answer ${response.status})`);
    await sleep(500);
  }
  return { workers, stations: [...new Set(workers.map((w) => w.stationId))], counties, run: randomUUID().slice(0, 8) };
}

function healthy(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(`${url}/health`, { timeout: 5000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

const SHED_REASONS = ['in_flight', 'search', 'caller_gone'];

/** Each app's shed counters by reason (laowu_http_shed_total), and its event-loop delay p99 in ms (prom-client's default metrics). */
async function appCounters(stack: BenchStack): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [app, url] of Object.entries(stack.urls)) {
    try {
      const samples = await scrapeMetrics([url]);
      out[app] = Object.fromEntries(SHED_REASONS.map((reason) => [reason, sumSamples(samples, 'laowu_http_shed_total', { reason })]));
      out[app].eventLoopDelayP99Ms = Math.round(sumSamples(samples, 'nodejs_eventloop_lag_p99_seconds') * 1000);
    } catch {
      out[app] = { notAnswering: 1 };
    }
  }
  return out;
}

function shedBetween(before: Record<string, Record<string, number>>, after: Record<string, Record<string, number>>) {
  return Object.fromEntries(
    Object.entries(after).map(([app, counts]) => [
      app,
      { ...Object.fromEntries(SHED_REASONS.map((r) => [r, (counts[r] ?? 0) - (before[app]?.[r] ?? 0)])), eventLoopDelayP99Ms: counts.eventLoopDelayP99Ms },
    ]),
  );
}

/** The highest swept rate whose reads answered 2xx with p99 within the bound, at most 1 % refused and none lost. */
function capacity(steps: Phase[], readP99Ms: number): number | null {
  const good = steps.filter((s) => s.reads.okP99Ms <= readP99Ms && s.reads.notOkShare <= 0.01 && s.appsExited.length === 0);
  return good.length ? Math.max(...good.map((s) => s.rate)) : null;
}

function describe(phase: Phase): string {
  const e = phase.perEndpoint;
  return MIX.map((m) => `${m.name} ${e[m.name].requests}: ${e[m.name].ok2xx} ok/${e[m.name].shed503} 503/${e[m.name].timeouts + e[m.name].connectionErrors} lost, p50/p99 ${e[m.name].answeredP50Ms}/${e[m.name].answeredP99Ms} ms`).join('; ');
}

/**
 * The engine merges the segments of a fresh bulk load for minutes after it: a sweep started at
 * once measured those merges (OpenSearch took 23.5 CPU-s of the first 30 s step at 25/s, 12.2 at
 * 200/s). Merged first, every step meets the same indices.
 */
async function settleIndices(stack: BenchStack): Promise<void> {
  const started = Date.now();
  await stack.search.forceMerge(`${stack.prefix}*`, 1);
  log(`indices merged to one segment each (${Math.round((Date.now() - started) / 1000)} s)`);
}

async function main(): Promise<void> {
  const opts = options();
  const load = loadTracker();
  const stack = await startStack(log, { prefix: 'bench-load-' });
  try {
    const background = await loadBackground(stack.search, stack.prefix, log, opts.workers, opts.jobs, opts.stations);
    log(`background: ${opts.workers} workers, ${opts.jobs} open jobs in matching's indices (${background.seconds} s); registering ${opts.seedWorkers} workers through the API`);
    const seed = await seedWorkers(stack, opts.seedWorkers, opts.stations);
    log(`${seed.workers.length} workers registered at ${seed.stations.length} stations and indexed by matching`);
    await settleIndices(stack);
    const countersBefore = await appCounters(stack);
    const sweep: Phase[] = [];
    for (const rate of opts.sweepRates) {
      const step = await runAt(stack, seed, rate, opts.sweepSeconds, opts.timeoutMs, `sweep ${rate}/s`);
      sweep.push(step);
      log(`sweep ${rate}/s: reads 2xx p50/p99 ${step.reads.okP50Ms}/${step.reads.okP99Ms} ms, ${Math.round(step.reads.notOkShare * 1000) / 10} % not 2xx, ${step.unanswered} unanswered; load avg ${step.loadAverage.mean}; CPU s ${JSON.stringify(step.cpuSeconds)}`);
      await sleep(5000);
    }
    const highestRate = capacity(sweep, opts.readP99Ms);
    log(`highest swept rate with reads p99 ≤ ${opts.readP99Ms} ms: ${highestRate ?? 'none'}`);
    const rss = sampleAppRss(stack);
    const countersBeforeMain = await appCounters(stack);
    const main = await runAt(stack, seed, opts.rate, opts.seconds, opts.timeoutMs, `${opts.rate}/s`);
    const appRss = rss.stop();
    const countersAfter = await appCounters(stack);
    const shedInMain = shedBetween(countersBeforeMain, countersAfter);
    log(`shed by the apps during the ${opts.rate}/s run, by reason (and event-loop delay p99 at its end): ${JSON.stringify(shedInMain)}`);
    const answering = Object.fromEntries(await Promise.all(Object.entries(stack.urls).map(async ([app, url]) => [app, await healthy(url)] as const)));
    const loadAverage = load.stop();
    const met = stack.exits.length === 0 && main.unanswered === 0 && main.otherStatuses === 0 && main.shed503Over100Ms === 0;
    log(`${opts.rate}/s for ${opts.seconds} s: ${main.ok2xx} 2xx, ${main.shed503} × 503 (${main.shed503Over100Ms} slower than ${QUICK_503_MS} ms), ${main.otherStatuses} other, ${main.unanswered} unanswered; apps exited: ${stack.exits.length ? JSON.stringify(stack.exits) : 'none'}`);
    log(describe(main));
    log(`CPU s in ${main.cpuSeconds.wallSeconds} s: ${JSON.stringify(main.cpuSeconds)}; connections dropped by full accept queues (machine-wide): ${main.listenDrops}`);
    writeRunResult(NAME, log, loadAverage, {
      options: opts,
      mix: MIX,
      background,
      seededWorkers: seed.workers.length,
      main,
      sweep,
      highestRateWithReadP99Within: { boundMs: opts.readP99Ms, rate: highestRate },
      appsExited: stack.exits,
      appsAnsweringAfter: answering,
      shedByAppInMainRun: shedInMain,
      shedByAppWholeRun: shedBetween(countersBefore, countersAfter),
      appRssMB: appRss,
      verdict: met ? 'met' : 'missed',
      notes:
        'open loop (requests leave at their slot), client timeout per request; "unanswered" = timed out or connection refused/reset; ' +
        'reads = every endpoint but job posts; capacity = highest swept rate whose 2xx reads have p99 within the bound, ≤ 1 % of reads not 2xx, no app exit',
    });
    const sweepText = sweep.map((s) => `${s.rate}/s ${s.reads.okP99Ms} ms (${Math.round(s.reads.notOkShare * 1000) / 10} % not 2xx, load ${s.loadAverage.mean})`).join(', ');
    appendBenchmarkLine(
      'mixed load, open loop (`bench/load.ts`)',
      `${opts.rate} requests/s for ${opts.seconds} s (achieved ${main.achievedRate}; 35 % matches-for-worker, 25 % job search, 15 % job posts, 15 % worker reads, 10 % station matches), ` +
        `${opts.jobs.toLocaleString('en')} jobs + ${opts.workers.toLocaleString('en')} workers indexed: ${main.ok2xx} 2xx, ${main.shed503} × 503 (p99 ${Number.isNaN(main.perEndpoint.matchesForWorker.shed503P99Ms) ? '–' : main.perEndpoint.matchesForWorker.shed503P99Ms} ms on matches; ${main.shed503Over100Ms} over ${QUICK_503_MS} ms), ` +
        `${main.unanswered} unanswered, ${main.otherStatuses} other; reads 2xx p50/p99 ${main.reads.okP50Ms}/${main.reads.okP99Ms} ms; apps exited: ${stack.exits.length ? stack.exits.map((e) => `${e.app} (${e.code ?? e.signal})`).join(', ') : 'none'}; ` +
        `peak RSS MB ${Object.entries(appRss).map(([app, r]) => `${app} ${r.peakMB}`).join(', ')}; load avg ${main.loadAverage.mean} (max ${main.loadAverage.max}). ` +
        `Sweep (${opts.sweepSeconds} s each, reads 2xx p99): ${sweepText || 'skipped'}; highest rate with reads p99 ≤ ${opts.readP99Ms} ms: ${highestRate ?? 'none'}/s. **${met ? 'Met' : 'Missed'}**`,
      'no app exits; every request 2xx or 503 within 100 ms at 200/s',
    );
  } finally {
    await stack.stop();
  }
}

runBench(NAME, module, main);
