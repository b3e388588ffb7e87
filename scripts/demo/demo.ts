// npm run demo: brings up the stack and the four apps if they are not running, then plays a
// realistic day through the public APIs only: agencies in Guangdong, Zhejiang and Jiangsu post
// jobs, stations in origin counties register workers, instant matches reach the stations' live
// streams, and a coordinator runs a train batch that arrives. Ends with a report and keeps the
// system running until Ctrl-C.
import { findRegion } from '@laowu/domain';
import { APP_URLS, call, expectCall, inPool, percentile, sleep, tokenFor } from '../lib/api-client';
import { SseStream } from '../lib/sse-client';
import { AGENCIES, destinationJob, ORIGIN_COUNTIES, originJob, Random, stationIdOf, workerRequest } from './scenario';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ensureStack, say, stopStack } = require('../lib.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const apps = require('../apps.js');
// eslint-disable-next-line @typescript-eslint/no-var-requires
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

function progress(label: string, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    if (done === total || Date.now() - last > 500) {
      last = Date.now();
      process.stdout.write(`\r[demo] ${label} ${done}/${total}   ${done === total ? '\n' : ''}`);
    }
  };
}

/** What the demo started, so that Ctrl-C stops exactly that. */
async function bringUp(): Promise<{ children: any[]; startedStack: boolean }> {
  if (await apps.allReady()) {
    say('the four apps are already running');
    return { children: [], startedStack: false };
  }
  const startedStack: boolean = ensureStack();
  await pairLocalDatabase({ say });
  apps.build();
  say('starting the four apps (their logs go to .stack/apps.log)…');
  const children = apps.launch('.stack/apps.log');
  await apps.waitUntilReady(children);
  return { children, startedStack };
}

async function registerStations(): Promise<void> {
  for (const county of ORIGIN_COUNTIES) {
    const region = findRegion(county)!;
    await expectCall([201, 409], 'POST', `${APP_URLS.dispatch}/v1/stations`, admin, {
      id: stationIdOf(county),
      name: `${region.name}就业服务站`,
      regionCode: county,
      location: { lat: region.lat, lon: region.lon },
    });
  }
  say(`${ORIGIN_COUNTIES.length} stations registered in Sichuan, Guizhou, Yunnan and Gansu`);
}

async function openStreams(): Promise<Map<string, SseStream>> {
  const streams = new Map<string, SseStream>();
  for (const county of ORIGIN_COUNTIES) {
    streams.set(county, await SseStream.open(`${APP_URLS.dispatch}/v1/stations/${stationIdOf(county)}/stream`, stationToken(county)));
  }
  return streams;
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

async function postBulk(agencyId: string, region: string, jobs: object[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < jobs.length; i += 500) {
    const { results } = await expectCall<{ results: { id?: string; status: number; error?: unknown }[] }>(
      [200, 207],
      'POST',
      `${APP_URLS.jobs}/v1/jobs/bulk`,
      agencyToken(agencyId, region),
      { jobs: jobs.slice(i, i + 500) },
    );
    const failed = results.filter((r) => !r.id);
    if (failed.length) say(`  ${failed.length} jobs refused, e.g. ${JSON.stringify(failed[0].error)}`);
    ids.push(...results.flatMap((r) => (r.id ? [r.id] : [])));
  }
  return ids;
}

/**
 * A run's own externalIds: an agency's externalId names one posting, so a second demo on the same
 * database would otherwise be refused (JOB.EXTERNAL_ID_CONFLICT) for every job whose dates moved.
 */
const RUN = Date.now().toString(36);
const ofThisRun = <T extends { externalId: string }>(job: T): T => ({ ...job, externalId: `${job.externalId}-${RUN}` });

async function postJobs(random: Random): Promise<number> {
  let posted = 0;
  for (const agency of AGENCIES) {
    const jobs = Array.from({ length: SIZE.jobsPerAgency }, (_, i) =>
      ofThisRun(destinationJob(random, agency, i, random.pick(['fulltime', 'fulltime', 'fulltime', 'seasonal', 'seasonal', 'gig'] as const))),
    );
    posted += (await postBulk(agency.id, agency.region, jobs)).length;
    say(`  ${agency.id}: ${jobs.length} jobs posted (bulk)`);
  }
  for (const county of ORIGIN_COUNTIES) {
    const jobs = Array.from({ length: SIZE.originJobsPerCounty }, (_, i) => ofThisRun(originJob(random, county, i)));
    posted += (await postBulk(`agency-${county}-hr`, county, jobs)).length;
  }
  say(`  work-relief, public-welfare and workshop jobs posted in the origin counties`);
  return posted;
}

/** Gig jobs posted one by one at a steady rate; latency = POST sent → first match on a stream. */
/** Latency of each gig job whose first match has reached a station so far, and how many were posted. */
interface GigTimings {
  posted: number;
  latencies(): number[];
}

async function gigStream(random: Random, streams: Map<string, SseStream>): Promise<GigTimings> {
  const sentAt = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (const stream of streams.values()) {
    stream.onEvent((event) => {
      const { jobId } = JSON.parse(event.data) as { jobId: string };
      if (!firstSeen.has(jobId)) firstSeen.set(jobId, event.receivedAt);
    });
  }
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
  return { posted: sentAt.size, latencies: () => [...sentAt].flatMap(([jobId, at]) => (firstSeen.has(jobId) ? [firstSeen.get(jobId)! - at] : [])) };
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
async function runTrainBatch(random: Random, streams: Map<string, SseStream>): Promise<BatchOutcome> {
  const county = '513401';
  const agency = AGENCIES.find((a) => a.id === 'agency-gd-dongguan')!;
  const job = { ...destinationJob(random, agency, Date.now(), 'fulltime', true), headcount: SIZE.trainSeats, crossRegion: { sourceRegionCodes: ['510000'] } };
  const { id: jobId } = await expectCall<{ id: string }>([201], 'POST', `${APP_URLS.jobs}/v1/jobs`, agencyToken(agency.id, agency.region), job);
  say(`posted the train job ${jobId} (东莞, ${SIZE.trainSeats} seats, recruiting from Sichuan)`);

  const station = streams.get(county)!;
  const matchesForJob = () => station.events.filter((e) => JSON.parse(e.data).jobId === jobId).map((e) => JSON.parse(e.data));
  // Matching works through the jobs posted before this one first (on a small machine that
  // backlog can take minutes).
  const waitingSince = Date.now();
  while (matchesForJob().length === 0 && Date.now() - waitingSince < 600_000) {
    process.stdout.write(`\r[demo] waiting for the train job's matches at the 西昌 station (${Math.round((Date.now() - waitingSince) / 1000)}s)   `);
    await sleep(1000);
  }
  process.stdout.write('\n');
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

let started: { children: any[]; startedStack: boolean } = { children: [], startedStack: false };

async function stopWhatWasStarted(code: number): Promise<never> {
  say('stopping what the demo started…');
  await apps.stop(started.children);
  if (started.startedStack) stopStack();
  process.exit(code);
}

async function main(): Promise<void> {
  started = await bringUp();
  const stop = () => stopWhatWasStarted(0);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const random = new Random(20261128);
  await registerStations();
  const streams = await openStreams();
  const workers = await registerWorkers(random);
  const last = [...workers.entries()].pop()!;
  await waitUntilMatchable(last[1][last[1].length - 1], last[0]);
  say('matching has indexed the workers');
  const jobs = await postJobs(random);
  const gig = await gigStream(random, streams);
  const batch = await runTrainBatch(random, streams);
  const pushed = [...streams.values()].reduce((sum, s) => sum + s.events.length, 0);

  const workerCount = [...workers.values()].reduce((sum, ids) => sum + ids.length, 0);
  say('────────────────────────── report ──────────────────────────');
  say(`jobs posted:            ${jobs + SIZE.gigPostsPerSecond * SIZE.gigSeconds + 1}`);
  say(`workers registered:     ${workerCount} at ${ORIGIN_COUNTIES.length} stations`);
  say(`matches pushed live:    ${pushed} (SSE, all stations)`);
  const latencies = gig.latencies();
  say(
    latencies.length
      ? `instant path (POST → station screen): ${latencies.length} of ${gig.posted} gig jobs on a station's screen, p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms`
      : `instant path (POST → station screen): none of the ${gig.posted} gig jobs has reached a station yet (matching or dispatch behind a backlog)`,
  );
  say(`train batch ${batch.batchId}: ${batch.seated} seated, ${batch.arrived} arrived; job filled ${batch.filled}; first worker now ${batch.employedChecked}`);
  say('where to look next:');
  say(`  API pages: ${APP_URLS.jobs}/docs ${APP_URLS.workers}/docs ${APP_URLS.matching}/docs ${APP_URLS.dispatch}/docs`);
  say(`  lists (bureau token: npm run token -- --role bureau --sub bureau-ls --region 513400):`);
  say(`    ${APP_URLS.workers}/v1/lists/willing-to-migrate?regionCode=513400&format=csv`);
  say(`  console: ${APP_URLS.dispatch}/console/`);
  for (const stream of streams.values()) stream.close();
  if (!KEEP_RUNNING) return stop();
  say('the system keeps running; Ctrl-C stops what the demo started.');
}

main().catch((error) => {
  process.stderr.write(`[demo] failed: ${(error as Error).stack ?? error}\n`);
  void stopWhatWasStarted(1);
});
