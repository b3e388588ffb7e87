// npm run demo: brings up the stack and the four apps if they are not running, then plays a
// realistic day through the public APIs only: agencies in Guangdong, Zhejiang and Jiangsu post
// jobs in bulk (the Spring peak), stations in origin counties register workers, and the stations'
// live streams show what is pushed and why: gig jobs (即时快招, instant lane, timed from POST to
// screen while the standard lane is still working through the bulk load), cross-region jobs
// recruiting from the station's region (跨区域) and the best jobs of workers who become available
// (转岗推荐: registered, or unemployment recorded). A coordinator runs a train batch that arrives.
// Ends with a report (deliveries by trigger and lane, the paths' timings, each hop's median from
// the apps' /metrics) and keeps the system running until Ctrl-C.
import { chinaDate, findRegion } from '@laowu/domain';
import { APP_URLS, call, expectCall, inPool, percentile, sleep, tokenFor } from '@laowu/testkit';
import { afterTheMatch } from './after-the-match';
import { sharingAndRights } from './sharing-and-rights';
import { formatHopTable, hopMedians, jobEventsHandledByMatching, scrapeApps } from './push-metrics';
import {
  AGENCIES, destinationJob, ORIGIN_COUNTIES, originJob, Random, returneeRequest, stationIdOf, unemployedWorkerRequest, workerRequest,
} from './scenario';
import { progress, StationScreens, statusLine, TRIGGER_LABELS, UNLABELLED } from './station-screen';

const { ensureStack, say, stopStack } = require('../lib.js');
const apps = require('../apps.js');
const { pairLocalDatabase } = require('../local-database.js');

const SIZE = {
  workersPerStation: Number(process.env.LAOWU_DEMO_WORKERS_PER_STATION ?? 300),
  jobsPerAgency: Number(process.env.LAOWU_DEMO_JOBS_PER_AGENCY ?? 500),
  originJobsPerCounty: Number(process.env.LAOWU_DEMO_ORIGIN_JOBS_PER_COUNTY ?? 40),
  gigPostsPerSecond: Number(process.env.LAOWU_DEMO_GIG_RATE ?? 5),
  gigSeconds: Number(process.env.LAOWU_DEMO_GIG_SECONDS ?? 20),
  trainSeats: 30,
};
const KEEP_RUNNING = process.env.LAOWU_DEMO_EXIT !== '1';

const admin = tokenFor({ sub: 'admin-demo', role: 'admin', region: '000000' });
const stationToken = (county: string) => tokenFor({ sub: stationIdOf(county), role: 'station', region: county });
const agencyToken = (id: string, region: string) => tokenFor({ sub: id, role: 'agency', region });
const coordinator = tokenFor({ sub: 'coordinator-liangshan', role: 'coordinator', region: '513401' });

/** What the demo started, so that Ctrl-C stops exactly that. */
async function bringUp(): Promise<{ apps?: { stop(): Promise<void> }; startedStack: boolean }> {
  if (await apps.allReady()) {
    say('the four apps are already running');
    return { startedStack: false };
  }
  const startedStack: boolean = ensureStack();
  await pairLocalDatabase({ say });
  apps.build();
  say('starting the four apps (their logs go to .stack/apps.log; one that exits is restarted and said so here)…');
  const supervised = apps.launch('.stack/apps.log');
  await apps.waitUntilReady(supervised);
  return { apps: supervised, startedStack };
}

/** Every station asks to be pushed all three kinds (the defaults, set explicitly so that a re-run starts from them). */
const PUSH_SETTINGS = { instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50 };

async function registerStations(): Promise<void> {
  let settingsRefused: string | undefined;
  for (const county of ORIGIN_COUNTIES) {
    const region = findRegion(county)!;
    await expectCall([201, 409], 'POST', `${APP_URLS.dispatch}/v1/stations`, admin, {
      id: stationIdOf(county),
      name: `${region.name}就业服务站`,
      regionCode: county,
      location: { lat: region.lat, lon: region.lon },
    });
    const put = await call('PUT', `${APP_URLS.dispatch}/v1/stations/${stationIdOf(county)}/push-settings`, stationToken(county), PUSH_SETTINGS);
    if (put.status !== 200) settingsRefused ??= `HTTP ${put.status} ${JSON.stringify(put.body).slice(0, 200)}`;
  }
  say(`${ORIGIN_COUNTIES.length} stations registered in Sichuan, Guizhou, Yunnan and Gansu`);
  if (settingsRefused) say(`  push settings not set (${settingsRefused}); the stations keep what they had`);
  else {
    say(`  each is pushed ${TRIGGER_LABELS.instant_job}, ${TRIGGER_LABELS.cross_region_job} and ${TRIGGER_LABELS.worker_available}`);
    say(`  (push-settings: minScore ${PUSH_SETTINGS.minScore}, at most ${PUSH_SETTINGS.maxPerJob} matches per job)`);
  }
}

/** Registers one worker of this run's own (a resident ID no earlier run used: 409 → another draw). */
async function registerNew(fresh: Random, county: string, request: (random: Random, county: string) => object): Promise<{ id: string; sentAt: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const sentAt = Date.now();
    const result = await call<{ id?: string }>('POST', `${APP_URLS.workers}/v1/workers`, stationToken(county), request(fresh, county));
    if (result.status === 201) return { id: result.body.id!, sentAt };
    if (result.status !== 409) throw new Error(`register worker: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  }
  throw new Error('register worker: five resident IDs in a row were already registered');
}

interface Returnee {
  county: string;
  id: string;
}

/** One worker per station back home from a job in the east, registered as employed there. */
async function registerReturnees(fresh: Random): Promise<Returnee[]> {
  const today = chinaDate();
  const returnees: Returnee[] = [];
  for (const county of ORIGIN_COUNTIES) {
    const { id } = await registerNew(fresh, county, (random, c) => returneeRequest(random, c, today));
    returnees.push({ county, id });
  }
  say(`  and ${returnees.length} workers back home after contracts in the east, registered as employed there (one per station)`);
  return returnees;
}

async function registerWorkers(random: Random): Promise<Map<string, string[]>> {
  const requests = ORIGIN_COUNTIES.flatMap((county) => Array.from({ length: SIZE.workersPerStation }, () => workerRequest(random, county)));
  const ids = await inPool(
    requests,
    8,
    async (request) => {
      const result = await call<{ id?: string; existingId?: string }>('POST', `${APP_URLS.workers}/v1/workers`, stationToken(request.homeRegionCode), request);
      if (result.status !== 201 && result.status !== 409) throw new Error(`register worker: HTTP ${result.status} ${JSON.stringify(result.body)}`);
      return { county: request.homeRegionCode, id: (result.body.id ?? result.body.existingId)! };
    },
    progress('registering workers', requests.length),
  );
  const byCounty = new Map<string, string[]>();
  for (const { county, id } of ids) byCounty.set(county, [...(byCounty.get(county) ?? []), id]);
  return byCounty;
}

async function waitUntilMatchable(workerId: string, county: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    const result = await call('GET', `${APP_URLS.matching}/v1/workers/${workerId}/matches?limit=1`, stationToken(county));
    if (result.status === 200) return;
    await sleep(500);
  }
  throw new Error('matching did not index the registered workers within a minute');
}

/** A job as the demo posts it: what decides its push trigger. */
interface PostedJob {
  kind: string;
  instant?: boolean;
  crossRegion?: { sourceRegionCodes: string[] };
}

/** A cross-region job the standard lane pushes (not gig, not instant, recruiting from named regions). */
const isCrossRegionJob = (job: PostedJob) => job.kind !== 'gig' && !job.instant && (job.crossRegion?.sourceRegionCodes.length ?? 0) > 0;

interface BulkLoad {
  posted: number;
  /** Cross-region jobs posted by bulk: id → when their bulk POST was sent. */
  crossRegion: Map<string, number>;
  gigInBulk: number;
  seconds: number;
}

async function postBulk(agencyId: string, region: string, jobs: PostedJob[], load: BulkLoad): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < jobs.length; i += 500) {
    const sentAt = Date.now();
    const { results } = await expectCall<{ results: { index?: number; id?: string; status: number; error?: unknown }[] }>(
      [200, 207],
      'POST',
      `${APP_URLS.jobs}/v1/jobs/bulk`,
      agencyToken(agencyId, region),
      { jobs: jobs.slice(i, i + 500) },
    );
    const failed = results.filter((r) => !r.id);
    if (failed.length) say(`  ${failed.length} jobs refused, e.g. ${JSON.stringify(failed[0].error)}`);
    results.forEach((result, position) => {
      const job = jobs[i + (result.index ?? position)];
      if (!result.id || !job) return;
      ids.push(result.id);
      if (result.status === 201 && isCrossRegionJob(job)) load.crossRegion.set(result.id, sentAt);
      if (result.status === 201 && (job.kind === 'gig' || job.instant)) load.gigInBulk++;
    });
  }
  return ids;
}

/**
 * A run's own externalIds: an agency's externalId names one posting, so a second demo on the same
 * database would otherwise be refused (JOB.EXTERNAL_ID_CONFLICT) for every job whose dates moved.
 */
const RUN = Date.now().toString(36);
const ofThisRun = <T extends { externalId: string }>(job: T): T => ({ ...job, externalId: `${job.externalId}-${RUN}` });

/** The Spring peak: agencies bulk-load their postings as fast as the API takes them. */
async function postJobs(random: Random): Promise<BulkLoad> {
  const load: BulkLoad = { posted: 0, crossRegion: new Map(), gigInBulk: 0, seconds: 0 };
  const started = Date.now();
  for (const agency of AGENCIES) {
    const jobs = Array.from({ length: SIZE.jobsPerAgency }, (_, i) =>
      ofThisRun(destinationJob(random, agency, i, random.pick(['fulltime', 'fulltime', 'fulltime', 'seasonal', 'seasonal', 'gig'] as const))),
    );
    load.posted += (await postBulk(agency.id, agency.region, jobs, load)).length;
    say(`  ${agency.id}: ${jobs.length} jobs posted (bulk)`);
  }
  for (const county of ORIGIN_COUNTIES) {
    const jobs = Array.from({ length: SIZE.originJobsPerCounty }, (_, i) => ofThisRun(originJob(random, county, i)));
    load.posted += (await postBulk(`agency-${county}-hr`, county, jobs, load)).length;
  }
  load.seconds = (Date.now() - started) / 1000;
  say(`  work-relief, public-welfare and workshop jobs posted in the origin counties`);
  say(
    `  ${load.posted.toLocaleString('en')} jobs posted by bulk in ${load.seconds.toFixed(1)} s: ${load.crossRegion.size.toLocaleString('en')} cross-region ` +
      `(standard lane), ${load.gigInBulk} gig/instant (instant lane)`,
  );
  return load;
}

/** How far matching is behind on the standard lane's job events, and how many bulk cross-region jobs a station has seen. */
interface StandardBacklog {
  /** Job events created since the bulk load began and not yet handled by matching (undefined: its /metrics cannot say). */
  pending?: number;
  created: number;
  crossPushed: number;
}

async function standardBacklog(handledBefore: number | undefined, created: number, load: BulkLoad, screens: StationScreens): Promise<StandardBacklog> {
  const handled = await jobEventsHandledByMatching();
  const pending = handledBefore === undefined || handled === undefined ? undefined : Math.max(0, created - (handled - handledBefore));
  return { pending, created, crossPushed: screens.jobsPushed('cross_region_job', load.crossRegion.keys()) };
}

const describeBacklog = (b: StandardBacklog, load: BulkLoad) =>
  `${b.pending === undefined ? 'n/a (matching /metrics unavailable)' : `${b.pending.toLocaleString('en')} of ${b.created.toLocaleString('en')} job events not yet handled by matching`}, ` +
  `${b.crossPushed.toLocaleString('en')} of ${load.crossRegion.size.toLocaleString('en')} cross-region jobs pushed`;

/** Gig jobs posted one by one at a steady rate; latency = POST sent → first instant_job match on a station's screen. */
interface GigTimings {
  posted: number;
  /** Gig job id → when its POST was sent. */
  sentAt: Map<string, number>;
}

async function gigStream(random: Random): Promise<GigTimings> {
  const sentAt = new Map<string, number>();
  const total = SIZE.gigPostsPerSecond * SIZE.gigSeconds;
  const tick = progress('posting gig jobs at a steady rate', total);
  const started = Date.now();
  const posts: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    await sleep(Math.max(0, started + (i * 1000) / SIZE.gigPostsPerSecond - Date.now()));
    const agency = random.pick(AGENCIES);
    const job = destinationJob(random, agency, Date.now() * 1000 + i, 'gig', true);
    job.crossRegion = { sourceRegionCodes: ['510000', '520000', '530000', '620000'] };
    const before = Date.now();
    posts.push(
      expectCall<{ id: string }>([201], 'POST', `${APP_URLS.jobs}/v1/jobs`, agencyToken(agency.id, agency.region), job).then(({ id }) => {
        sentAt.set(id, before);
        tick(sentAt.size);
      }),
    );
  }
  await Promise.all(posts);
  // Read at the report: a match that arrives later (behind a backlog) still counts, with its real latency.
  return { posted: sentAt.size, sentAt };
}

/** POST → the first of the worker's best jobs on their station's screen, per worker that became available. */
interface AvailableTimings {
  sentAt: Map<string, number>;
  unemployments: number;
  registrations: number;
}

/**
 * Workers becoming available (转岗服务, 十四), each pushed their best open jobs (worker_available,
 * standard lane): the returnees' stations record their unemployment where they live (九), and a
 * new worker per station registers as unemployed.
 */
async function workersBecomeAvailable(fresh: Random, returnees: Returnee[], screens: StationScreens): Promise<AvailableTimings> {
  const today = chinaDate();
  const sentAt = new Map<string, number>();
  for (const { county, id } of returnees) {
    await waitUntilMatchable(id, county); // matching has seen them employed: the change is what it pushes on
    const at = Date.now();
    screens.watch(id, 'back home, unemployment recorded', at);
    await expectCall([200, 201], 'POST', `${APP_URLS.workers}/v1/workers/${id}/employment-status`, stationToken(county), {
      status: 'unemployed',
      effectiveDate: today,
      regionCode: county,
      registeredAt: 'residence',
    });
    sentAt.set(id, at);
  }
  say(`  ${returnees.length} returnees' unemployment recorded at their home stations (POST /v1/workers/{id}/employment-status)`);
  let registrations = 0;
  for (const county of ORIGIN_COUNTIES) {
    const { id, sentAt: at } = await registerNew(fresh, county, (random, c) => unemployedWorkerRequest(random, c, today));
    screens.watch(id, 'newly registered as unemployed', at);
    sentAt.set(id, at);
    registrations++;
  }
  say(`  ${registrations} new workers registered as unemployed, one per station`);
  const waitingSince = Date.now();
  const arrived = () => [...sentAt.keys()].filter((id) => screens.availablePushes(id)).length;
  while (arrived() < sentAt.size && Date.now() - waitingSince < 60_000) await sleep(250);
  const pushes = [...sentAt.keys()].reduce((sum, id) => sum + (screens.availablePushes(id)?.count ?? 0), 0);
  say(`  ${arrived()} of ${sentAt.size} have their best jobs on their station's screen so far (${pushes} ${TRIGGER_LABELS.worker_available} pushes)`);
  return { sentAt, unemployments: returnees.length, registrations };
}

interface BatchOutcome {
  batchId: string;
  jobId: string;
  seated: number;
  arrived: number;
  filled: number;
  employedChecked: string;
}

/** A dedicated train job (专列) from 西昌 to 东莞: accepted matches become the manifest. */
async function runTrainBatch(random: Random, screens: StationScreens, ownWorkers: ReadonlySet<string>): Promise<BatchOutcome> {
  const county = '513401';
  const agency = AGENCIES.find((a) => a.id === 'agency-gd-dongguan')!;
  const job = { ...destinationJob(random, agency, Date.now(), 'fulltime', true), headcount: SIZE.trainSeats, crossRegion: { sourceRegionCodes: ['510000'] } };
  const { id: jobId } = await expectCall<{ id: string }>([201], 'POST', `${APP_URLS.jobs}/v1/jobs`, agencyToken(agency.id, agency.region), job);
  say(`posted the train job ${jobId} (东莞, ${SIZE.trainSeats} seats, recruiting from Sichuan)`);

  // One offer per worker, whichever trigger brought the pair.
  // Only workers this demo registered: tests sharing the local Kafka may have left workers of other regions at the same station id.
  const matchesForJob = () => [...new Map(screens.forJob(county, jobId).filter((m) => ownWorkers.has(m.workerId)).map((m) => [m.workerId, m] as const)).values()];
  // Matching works through the jobs posted before this one first (on a small machine that
  // backlog can take minutes).
  const waitingSince = Date.now();
  const waited = () => `waiting for the train job's matches at the 西昌 station (${Math.round((Date.now() - waitingSince) / 1000)}s)`;
  while (matchesForJob().length === 0 && Date.now() - waitingSince < 600_000) {
    statusLine(waited());
    await sleep(1000);
  }
  statusLine(waited(), true);
  await sleep(2000);
  const offers = matchesForJob().slice(0, SIZE.trainSeats);
  if (!offers.length) throw new Error('no match for the train job reached the 西昌 station');
  say(`the 西昌 station received ${matchesForJob().length} matches for it live; workers accept ${offers.length}`);
  for (const offer of offers) await expectCall([200, 201], 'POST', `${APP_URLS.dispatch}/v1/matches/${offer.matchId}/accept`, stationToken(county));

  const batch = await expectCall<{ id: string }>([201], 'POST', `${APP_URLS.dispatch}/v1/dispatch/batches`, coordinator, {
    originRegionCode: county,
    originStationId: stationIdOf(county),
    destination: { jobIds: [jobId], regionCode: job.location.regionCode, address: job.location.address },
    departAt: new Date(Date.now() + 86_400_000).toISOString(),
    transport: { mode: 'train', capacity: SIZE.trainSeats },
  });
  const workerIds = offers.map((o) => o.workerId as string);
  await expectCall([200, 201], 'POST', `${APP_URLS.dispatch}/v1/dispatch/batches/${batch.id}/workers`, coordinator, { workerIds });
  for (const step of ['board', 'depart', 'arrive'] as const) {
    await expectCall([200, 201], 'POST', `${APP_URLS.dispatch}/v1/dispatch/batches/${batch.id}/${step}`, coordinator, {});
    say(`  batch ${step === 'board' ? 'boarding' : step === 'depart' ? 'departed' : 'arrived'}`);
  }
  const manifest = await expectCall<{ workers: { workerId: string; status: string }[] }>([200], 'GET', `${APP_URLS.dispatch}/v1/dispatch/batches/${batch.id}`, coordinator);
  const arrived = manifest.workers.filter((w) => w.status === 'arrived').length;

  let filled = 0;
  for (let i = 0; i < 60 && filled < arrived; i++) {
    filled = (await expectCall<{ filled: number }>([200], 'GET', `${APP_URLS.jobs}/v1/jobs/${jobId}`, agencyToken(agency.id, agency.region))).filled;
    if (filled < arrived) await sleep(500);
  }
  let status = 'unknown';
  for (let i = 0; i < 60 && status !== 'employed'; i++) {
    const worker = await expectCall<any>([200], 'GET', `${APP_URLS.workers}/v1/workers/${workerIds[0]}`, stationToken(county));
    status = worker.employmentStatus?.status ?? worker.currentStatus?.status ?? worker.status ?? 'unknown';
    if (status !== 'employed') await sleep(500);
  }
  return { batchId: batch.id, jobId, seated: manifest.workers.length, arrived, filled, employedChecked: status };
}

let started: { apps?: { stop(): Promise<void> }; startedStack: boolean } = { startedStack: false };

async function stopWhatWasStarted(code: number): Promise<never> {
  say('stopping what the demo started…');
  if (started.apps) await apps.stop(started.apps);
  if (started.startedStack) stopStack();
  process.exit(code);
}

/** Latencies (ms) from `sentAt` to the first push found by `firstAt`; only those that arrived. */
function latencies(sentAt: Map<string, number>, firstAt: (id: string) => number | undefined): number[] {
  return [...sentAt].flatMap(([id, at]) => {
    const first = firstAt(id);
    return first === undefined ? [] : [Math.max(0, first - at)];
  });
}

const ms = (value: number) => (value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(1)} s`);
const p50p99 = (values: number[]) => `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`;
/** Terminal columns of a string (CJK characters and fullwidth brackets take two). */
const columns = (text: string) => [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/.test(ch) ? 2 : 1), 0);
const padColumns = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - columns(text)));
const PRIORITY_GROUP_LABELS = [['poverty_alleviated', '脱贫人口'], ['monitoring_target', '监测对象'], ['relocated', '搬迁群众']] as const;

async function main(): Promise<void> {
  started = await bringUp();
  const stop = () => stopWhatWasStarted(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const metricsAtStart = await scrapeApps();
  const random = new Random(20261128);
  // This run's own people (returnees, newcomers): resident IDs an earlier run on the same database did not register.
  const fresh = new Random(Date.now() % 4294967296);
  await registerStations();
  const screens = await StationScreens.open(ORIGIN_COUNTIES, stationToken);
  say("the stations' live screens are open (SSE); a few deliveries of each kind are shown as they arrive:");
  screens.showExamples(2);
  const workers = await registerWorkers(random);
  const returnees = await registerReturnees(fresh);
  const last = [...workers.entries()].pop()!;
  await waitUntilMatchable(last[1][last[1].length - 1], last[0]);
  say('matching has indexed the workers');

  // The Spring peak: the bulk load, then at once the gig stream, timed while the standard lane works through the bulk.
  screens.showExamples(2);
  const handledBefore = await jobEventsHandledByMatching();
  const load = await postJobs(random);
  const atGigStart = await standardBacklog(handledBefore, load.posted, load, screens);
  say(`gig jobs now, while the standard lane works through the bulk load (its backlog: ${describeBacklog(atGigStart, load)})`);
  screens.showExamples(2);
  const gig = await gigStream(random);
  const atGigEnd = await standardBacklog(handledBefore, load.posted + gig.posted, load, screens);
  say(`  when the last gig job was posted: ${describeBacklog(atGigEnd, load)}`);
  say(`  on the stations' screens so far: ${screens.tally()}`);

  say('workers become available (转岗服务): their best open jobs are pushed to their stations');
  screens.showExamples(0);
  const available = await workersBecomeAvailable(fresh, returnees, screens);
  screens.showExamples(2);
  const batch = await runTrainBatch(random, screens, new Set([...workers.values()].flat()));
  say('after the match in 西昌: direct hires, retention checks, the follow-up ledger (帮扶台账), public-welfare posts (十六)');
  const after = await afterTheMatch(workers.get('513401') ?? []);
  say('共享用工 between a stopped 西昌 plant and a 宝安 plant short of staff, a labour brand, a wage-arrears complaint');
  const sharing = await sharingAndRights(workers.get('513401') ?? []);
  const metricsAtEnd = await scrapeApps();

  const workerCount = [...workers.values()].reduce((sum, ids) => sum + ids.length, 0) + returnees.length + available.registrations;
  say('────────────────────────── report ──────────────────────────');
  say(`jobs posted:            ${load.posted + gig.posted + 1} (${load.posted} by bulk, ${gig.posted} gig jobs one by one, 1 train job)`);
  say(`workers registered:     ${workerCount} at ${ORIGIN_COUNTIES.length} stations (incl. ${returnees.length} returnees registered as employed, ${available.registrations} newly registered as unemployed)`);

  say(`deliveries on the stations' screens (SSE, ${ORIGIN_COUNTIES.length} stations), by trigger and lane:`);
  const rows = screens.countsByTriggerAndLane();
  for (const { trigger, lane, count } of rows) say(`  ${padColumns(TRIGGER_LABELS[trigger] ?? trigger, 32)} ${lane.padEnd(9)} ${count.toLocaleString('en').padStart(9)}`);
  say(`  ${padColumns('all', 32)} ${''.padEnd(9)} ${screens.count().toLocaleString('en').padStart(9)}`);
  if (screens.count(UNLABELLED)) say(`  (deliveries without a trigger come from a dispatch older than v1.1)`);
  if (screens.reconnects) say(`  (streams reconnected ${screens.reconnects} times with Last-Event-ID)`);

  const gigLatencies = latencies(gig.sentAt, (jobId) => screens.firstPush(['instant_job', UNLABELLED], jobId));
  const underLoad =
    atGigStart.pending === undefined
      ? 'with the standard lane loaded by the bulk posts just before (its backlog could not be read from matching /metrics)'
      : atGigStart.pending > 0
        ? `while the standard lane was still working through the bulk load (${describeBacklog(atGigStart, load)} at the first gig POST; ` +
          `${atGigEnd.pending === undefined ? '?' : atGigEnd.pending.toLocaleString('en')} not yet handled at the last)`
        : 'NOT under load: the standard lane had already worked through the bulk load before the first gig POST';
  say(`instant path (gig job POST → first ${TRIGGER_LABELS.instant_job} match on a station's screen), measured ${underLoad}:`);
  if (gigLatencies.length) {
    const met = percentile(gigLatencies, 50) <= 300 && percentile(gigLatencies, 99) <= 1000;
    say(`  ${gigLatencies.length} of ${gig.posted} gig jobs on a station's screen, ${p50p99(gigLatencies)} (target p50 ≤ 300 ms, p99 ≤ 1 s: ${met ? 'met' : 'missed'})`);
  } else say(`  none of the ${gig.posted} gig jobs has reached a station yet (matching or dispatch behind a backlog)`);
  if (load.gigInBulk) say(`  (the bulk load also put ${load.gigInBulk} gig/instant jobs in the instant lane just before: that lane's own work)`);

  const crossLatencies = latencies(load.crossRegion, (jobId) => screens.firstPush(['cross_region_job'], jobId));
  say(`standard lane (bulk POST → a cross-region job's first ${TRIGGER_LABELS.cross_region_job} push on a station's screen):`);
  say(
    crossLatencies.length
      ? `  ${crossLatencies.length.toLocaleString('en')} of ${load.crossRegion.size.toLocaleString('en')} cross-region jobs on a screen by now, ${p50p99(crossLatencies)} (target p99 ≤ 30 s)`
      : `  none of the ${load.crossRegion.size.toLocaleString('en')} cross-region jobs has reached a station yet`,
  );

  const availableLatencies = latencies(available.sentAt, (workerId) => screens.availablePushes(workerId)?.first);
  const availablePushes = [...available.sentAt.keys()].reduce((sum, id) => sum + (screens.availablePushes(id)?.count ?? 0), 0);
  const backlogThen = atGigEnd.pending ? `, right after the gig stream with ${atGigEnd.pending.toLocaleString('en')} job events still pending in the standard lane` : '';
  say(`worker becomes available (POST → the first of their best jobs, ${TRIGGER_LABELS.worker_available} on their station's screen${backlogThen}):`);
  say(
    availableLatencies.length
      ? `  ${availableLatencies.length} of ${available.sentAt.size} workers (${available.unemployments} unemployments recorded, ${available.registrations} registered unemployed), ` +
          `${availablePushes} jobs pushed, ${p50p99(availableLatencies)} (target p99 ≤ 1 s)`
      : `  none of the ${available.sentAt.size} workers has had a push yet`,
  );

  const hops = hopMedians(metricsAtStart, metricsAtEnd);
  if (hops.length) {
    say('push hops this run, median per lane (laowu_push_hop_seconds from each app\'s /metrics, this run\'s observations,');
    say('  interpolated inside the bucket as histogram_quantile does; n = observations):');
    for (const line of formatHopTable(hops)) say(`  ${line}`);
  } else say('push hops: no laowu_push_hop_seconds observations in the apps\' /metrics for this run');

  say(`train batch ${batch.batchId}: ${batch.seated} seated, ${batch.arrived} arrived; job filled ${batch.filled}; first worker now ${batch.employedChecked}`);
  say('after the match (bureau of 凉山州, 513400: placements of its workers or in its region):');
  say(`  placements made this run in 西昌: ${batch.arrived} by the train's arrival (batch), ${after.placedDirectly} direct by the station, ${after.placedByAgency} direct by the agency`);
  say('  outcome figures (GET /v1/dispatch/stats, all time), by priority group:');
  say(`    ${padColumns('', 12)}${['total', ...PRIORITY_GROUP_LABELS.map(([, label]) => label)].map((h) => padColumns(h, 14)).join('')}`);
  for (const [figure, label] of [['placed', 'placed'], ['checked3m', 'checked 3m'], ['retained3m', 'retained 3m']] as const) {
    const count = after.outcomes[figure];
    const cells = [count.total, ...PRIORITY_GROUP_LABELS.map(([group]) => count.byPriorityGroup[group] ?? 0)];
    say(`    ${padColumns(label, 12)}${cells.map((n) => padColumns(n.toLocaleString('en'), 14)).join('')}`);
  }
  if (after.workshop) say(`  就业帮扶车间 西昌市某蔬菜加工厂: ${after.workshop.employedNow} employed now, ${after.workshop.povertyAlleviatedNow} of them poverty-alleviated`);
  say(`  帮扶台账: ${after.dueBefore} due → ${after.followUps} follow-ups recorded → ${after.dueAfter} due`);
  say(`  public-welfare posts: ${after.welfareCandidates.priority} of ${after.welfareCandidates.total} candidates are poverty-alleviated or monitoring targets; ${after.welfarePlaced} placed`);
  say(`  monthly monitoring of 西昌 (${after.monitored} workers): ${after.exitRequired} flagged exitRequired (income over the line), ${after.needsAttention} need attention`);
  say('employers, 共享用工, labour brands, complaints (二, 四, 十一):');
  say(`  employers registered by 统一社会信用代码: ${sharing.employers}`);
  if (sharing.offerRank) say(`  the 西昌 offer ranked ${sharing.offerRank.position} of ${sharing.offerRank.of} for the 宝安 request, score ${sharing.offerRank.score} (${sharing.offerRank.reasons})`);
  say(`  agreement: ${sharing.agreed} welders lent until ${sharing.returnDate}; open headcounts now offer ${sharing.openHeadcounts.offer}, request ${sharing.openHeadcounts.request}; ${sharing.sharingPlacements} placements with source sharing`);
  const brandStats = sharing.brand.stats ? `; 凉山州 figures: ${sharing.brand.stats.openJobs} open of ${sharing.brand.stats.totalJobs} jobs, ${sharing.brand.stats.placementsStarted} placements` : '';
  say(`  劳务品牌 凉山建工: q=凉山建工 finds ${sharing.brand.foundByName} jobs in 凉山州${brandStats}`);
  if (sharing.complaint) {
    say(`  wage-arrears complaint routed to ${sharing.complaint.routedRegionCode}: ${sharing.complaint.seenByShenzhen ? 'seen and accepted by' : 'NOT seen by'} the 深圳 bureau, ${sharing.complaint.refusedToLiangshan ? 'refused (403) to' : 'VISIBLE to'} the 凉山 bureau`);
  }
  say('where to look next:');
  say(`  API pages: ${APP_URLS.jobs}/docs ${APP_URLS.workers}/docs ${APP_URLS.matching}/docs ${APP_URLS.dispatch}/docs`);
  say(`  lists (bureau token: npm run token -- --role bureau --sub bureau-ls --region 513400):`);
  say(`    ${APP_URLS.workers}/v1/lists/willing-to-migrate?regionCode=513400&format=csv`);
  say(`    ${APP_URLS.workers}/v1/follow-ups?month=${chinaDate().slice(0, 7)}&regionCode=513401&format=csv (the month's 帮扶台账)`);
  say(`    ${APP_URLS.dispatch}/v1/dispatch/stats?format=csv (outcome figures: dispatched, arrived, placed, retained after 3 months)`);
  say(`  console: ${APP_URLS.dispatch}/console/`);
  say(`  push hops: ${APP_URLS.matching}/metrics (laowu_push_hop_seconds; likewise on :3001, :3002, :3004)`);
  screens.close();
  if (!KEEP_RUNNING) return stop();
  say('the system keeps running; Ctrl-C stops what the demo started.');
}

main().catch((error) => {
  process.stderr.write(`[demo] failed: ${(error as Error).stack ?? error}\n`);
  void stopWhatWasStarted(1);
});
