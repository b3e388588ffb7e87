import { type Client } from 'pg';
import { ABOUT as DISPATCH, AppModule as DispatchModule } from '../../apps/dispatch/src/app.module';
import { DispatchConfig } from '../../apps/dispatch/src/dispatch.config';
import { ABOUT as JOBS, AppModule as JobsModule } from '../../apps/job-collection/src/app.module';
import { JobCollectionConfig } from '../../apps/job-collection/src/job-collection.config';
import { ABOUT as WORKERS, AppModule as WorkersModule } from '../../apps/worker-profiles/src/app.module';
import { WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { eventually, tokenFor } from '@laowu/testkit';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  bulkPost, deleteIndices, describeComparison, faultScenario, freePort, jobBody, log, MatchingProcess, pairsOnStream, pairsReceivedTwice, prepareScenario,
  sleep, type StationFeed, stationWithWorkers, storedMatches, waitUntilIndexMatchesDb,
} from '../support/faults';
import { searchClient } from '../support/search';

const JOBS_BEFORE_KILL = 400;
const JOBS_WHILE_DEAD = 400;
const WORKERS_NEAR = 4;

/**
 * Issue 7, faults: the matching app is SIGKILLed in the middle of a backlog of instant (gig) jobs
 * and started again with the same consumer group. Matching runs as its own process (as in
 * production) so the kill is a real crash: no shutdown hooks, uncommitted offsets, an outbox
 * possibly half relayed. Four workers of one station live next to every job, so each job is
 * announced to the station four times over the instant path (MatchesFound → dispatch → SSE).
 *
 * Afterwards: every job is indexed at its latest version; the station's stream carried every
 * (job, worker) pair exactly once, none missing, none twice; dispatch stored no match twice.
 */
describe('faults: the matching app killed in the middle of a backlog and restarted', () => {
  const county = '542527'; // 措勤县: no other test registers workers or posts jobs here
  const { run, prefix, groups, agencyId, stationId } = faultScenario('crash');
  const agencyToken = tokenFor({ sub: agencyId, role: 'agency', region: county });
  const search = searchClient();
  const env = { SEARCH_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000' };
  let jobs: TestApp<JobCollectionConfig> | undefined;
  let workers: TestApp<WorkerProfilesConfig> | undefined;
  let dispatch: TestApp<DispatchConfig> | undefined;
  let matching: MatchingProcess | undefined;
  let feed: StationFeed | undefined;
  let db: Client;

  beforeAll(async () => {
    db = await prepareScenario(search, { prefix, groups });
    jobs = await startTestApp({ configClass: JobCollectionConfig, about: JOBS, module: JobsModule.forRoot }, { env: { ...env, KAFKA_GROUP_ID: groups.jobs } });
    workers = await startTestApp(
      { configClass: WorkerProfilesConfig, about: WORKERS, module: WorkersModule.forRoot },
      { env: { ...env, KAFKA_GROUP_ID: groups.workers } },
    );
    dispatch = await startTestApp({ configClass: DispatchConfig, about: DISPATCH, module: DispatchModule.forRoot }, { env: { ...env, KAFKA_GROUP_ID: groups.dispatch } });
    matching = new MatchingProcess(await freePort(), { ...env, KAFKA_GROUP_ID: groups.matching });
    await matching.start();
  }, 300_000);

  afterAll(async () => {
    await feed?.close();
    await matching?.stop();
    await Promise.all([dispatch, workers, jobs].map((app) => app?.close()));
    await deleteIndices(search, prefix);
    await db?.end();
    await search.close();
  }, 120_000);

  it('indexes every job and pushes every match to the station exactly once', async () => {
    const station = await stationWithWorkers({
      dispatchUrl: dispatch!.url, workersUrl: workers!.url, workersAlias: `${prefix}workers`, county, stationId, count: WORKERS_NEAR,
    });
    feed = station.feed;
    log(`${WORKERS_NEAR} workers indexed; posting ${JOBS_BEFORE_KILL} gig jobs`);

    const bodies = Array.from({ length: JOBS_BEFORE_KILL + JOBS_WHILE_DEAD }, (_, n) => jobBody(run, n, county, 'gig'));
    const jobIds = await bulkPost(jobs!.url, agencyToken, bodies.slice(0, JOBS_BEFORE_KILL));
    // Kill once the station has some matches: matching is then part-way through the backlog.
    await eventually(() => feed!.received.length >= 100, 180_000, 50, () => `only ${feed!.received.length} matches on the stream\n${matching!.tail()}`);
    await matching!.kill();
    const [{ announced }] = (await db.query(`SELECT count(*)::int AS announced FROM matching.job_announcements WHERE trigger = 'instant_job' AND job_id = ANY($1::uuid[])`, [jobIds])).rows;
    log(`matching SIGKILLed with ${feed!.received.length} matches on the stream, ${announced} of ${JOBS_BEFORE_KILL} jobs announced`);

    jobIds.push(...(await bulkPost(jobs!.url, agencyToken, bodies.slice(JOBS_BEFORE_KILL))));
    log(`${JOBS_WHILE_DEAD} more jobs posted while matching is dead; restarting it with the same consumer group`);
    await matching!.start();
    log('matching is back');

    const wanted = jobIds.flatMap((jobId) => station.workerIds.map((workerId) => `${jobId}:${workerId}`)).sort();
    let stored = await storedMatches(db, stationId);
    await eventually(
      async () => pairsOnStream(feed!).length >= wanted.length && (stored = await storedMatches(db, stationId)).count >= wanted.length,
      300_000,
      500,
      () => `${pairsOnStream(feed!).length} of ${wanted.length} pairs on the stream, ${stored.count} stored\n${matching!.tail()}`,
    );
    const comparison = await waitUntilIndexMatchesDb(db, search, `${prefix}jobs`, agencyId, 120_000);
    log(describeComparison(comparison));
    await sleep(3000); // a duplicate, were there one, would follow closely
    stored = await storedMatches(db, stationId);
    log(`${feed!.received.length} events on the stream (${feed!.reconnects} reconnects), ${stored.count} matches stored`);

    expect(comparison.inDb).toBe(jobIds.length);
    expect(comparison.missing).toEqual([]);
    expect(comparison.stale).toEqual([]);
    expect(comparison.inIndexForAgency).toBe(jobIds.length);

    // No match reaches the station twice, and none is missing.
    expect(pairsReceivedTwice(feed!)).toEqual([]);
    expect(new Set(feed!.received.map((m) => m.deliveryId)).size).toBe(feed!.received.length);
    expect(pairsOnStream(feed!).sort()).toEqual(wanted);
    expect(feed!.received).toHaveLength(wanted.length);
    // Dispatch stored each (job, worker, material version) once, with one delivery each.
    expect(stored).toEqual({ count: wanted.length, doubled: [], deliveries: wanted.length, deliveredMatches: wanted.length });
  }, 600_000);
});
