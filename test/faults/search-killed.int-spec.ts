import { type Client } from 'pg';
import { ABOUT as JOBS, AppModule as JobsModule } from '../../apps/job-collection/src/app.module';
import { JobCollectionConfig } from '../../apps/job-collection/src/job-collection.config';
import { ABOUT as MATCHING, AppModule as MatchingModule } from '../../apps/matching/src/app.module';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { eventually, tokenFor } from '@laowu/testkit';
import { startTestApp, type TestApp } from '../support/test-app';
import {
  bulkPost, countForAgency, deleteIndices, describeComparison, describeWithLocalStack, faultScenario, jobBody, log, prepareScenario, restoreStack, stack,
  updateAndClose, waitUntilIndexMatchesDb,
} from '../support/faults';
import { searchClient } from '../support/search';

/**
 * Issue 7, faults: the search engine is SIGKILLed while matching indexes a backlog of 3,000 jobs
 * (and updates to some of them), and restarted. Matching must keep the backlog's offsets
 * uncommitted until the writes land: afterwards every job in PostgreSQL is in the index at its
 * latest version, none missing, none behind, none doubled.
 */
describeWithLocalStack('faults: the search engine killed and restarted while matching indexes a backlog', () => {
  const county = '542525'; // 革吉县: no other test posts jobs here
  const { run, prefix, groups, agencyId } = faultScenario('es');
  const token = tokenFor({ sub: agencyId, role: 'agency', region: county });
  const search = searchClient();
  let jobs: TestApp<JobCollectionConfig> | undefined;
  let matching: TestApp<MatchingConfig> | undefined;
  let db: Client;

  beforeAll(async () => {
    db = await prepareScenario(search, { prefix, groups });
    const env = { SEARCH_INDEX_PREFIX: prefix, RATE_LIMIT_PER_MINUTE: '100000' };
    jobs = await startTestApp({ configClass: JobCollectionConfig, about: JOBS, module: JobsModule.forRoot }, { env: { ...env, KAFKA_GROUP_ID: groups.jobs } });
    matching = await startTestApp(
      { configClass: MatchingConfig, about: MATCHING, module: MatchingModule.forRoot },
      { env: { ...env, KAFKA_GROUP_ID: groups.matching } },
    );
  }, 300_000);

  afterAll(async () => {
    await restoreStack(); // never leave the shared search engine down, whatever happened above
    await matching?.close();
    await jobs?.close();
    await deleteIndices(search, prefix);
    await db?.end();
    await search.close();
  }, 300_000);

  it('indexes every job at its latest version after the search engine comes back', async () => {
    const bodies = Array.from({ length: 3000 }, (_, n) => jobBody(run, n, county, 'fulltime'));
    const ids: string[] = new Array(3000);
    let posted = 0;
    let killed = false;
    try {
      const ingest = (async () => {
        for (let from = 0; from < 3000; from += 1000) {
          ids.splice(from, 1000, ...(await bulkPost(jobs!.url, token, bodies.slice(from, from + 1000))));
          posted = from + 1000;
        }
      })();
      ingest.catch(() => undefined);
      // Kill once matching is part-way through: its bulk writes are in flight when the engine goes.
      await eventually(async () => (await countForAgency(search, `${prefix}jobs`, agencyId)) >= 200, 120_000, 100, () => 'matching indexed nothing');
      log(`${await countForAgency(search, `${prefix}jobs`, agencyId)} jobs indexed, ${posted} posted: killing the search engine`);
      await stack('kill-es');
      killed = true;
      log(`search engine killed with ${posted} jobs posted; the ingest goes on`);
      await ingest;
      log('all 3,000 posted; updating 300 jobs and closing 100 of them while the search engine is down');
      const changed = [0, 1400, 2900].flatMap((from) => Array.from({ length: 100 }, (_, k) => from + k));
      await updateAndClose(jobs!.url, token, changed.map((i) => ({ id: ids[i], body: bodies[i] })));
    } finally {
      if (killed) {
        log('restarting the search engine');
        await stack('start-es');
      }
    }
    expect(killed).toBe(true);
    expect(new Set(ids).size).toBe(3000);

    log('search engine is back; waiting until the index matches PostgreSQL');
    const result = await waitUntilIndexMatchesDb(db, search, `${prefix}jobs`, agencyId, 240_000);
    log(describeComparison(result));
    expect(result.inDb).toBe(3000);
    expect(result.missing).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.inIndexForAgency).toBe(3000);
    // The updates made while the engine was down are among them.
    const { rows } = await db.query<{ v2: number; v3: number }>(
      `SELECT count(*) FILTER (WHERE version = 2)::int AS v2, count(*) FILTER (WHERE version = 3)::int AS v3 FROM job_collection.jobs WHERE agency_id = $1`,
      [agencyId],
    );
    expect(rows[0].v2 + rows[0].v3).toBe(300);
  }, 600_000);
});
