import { type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { metricsRegistry } from '@laowu/platform';
import { eventually, inDays, jobData, workerData } from '@laowu/testkit';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { writeVersioned } from '../src/indexing/index-writer';
import { type JobDocument, toJobDocument } from '../src/indexing/job.document';
import { SearchIndices } from '../src/indexing/search-indices';
import { toWorkerDocument, type WorkerDocument } from '../src/indexing/worker.document';
import { passesPairRules, scorePair } from '../src/ranking/pair-score';
import { openJobFilters, poolFilters, workersForJobQuery } from '../src/ranking/ranking.queries';
import { RankingService } from '../src/ranking/ranking.service';
import { SCHEMA } from '../src/schema';
import { type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';
import { matchesFilter } from '../src/ranking/job-filter.fixtures';
import { randomJob, randomWorker, Seeded } from '../src/ranking/random-matching.fixtures';
import { DEFAULT_WEIGHTS } from '../src/ranking/ranking-weights';

const WEIGHTS = DEFAULT_WEIGHTS.weights;

/**
 * Each ranking factor moves results the right way, through the real consumers (events on Kafka),
 * the real indices and the HTTP API.
 */
describe('matching ranking (real Kafka, OpenSearch, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  const agency = bearer({ sub: 'agency-test', role: 'agency', region: '440300' });

  beforeAll(async () => {
    matching = await startMatching(prefix, 'ranking');
  });
  afterAll(() => matching?.close());

  const matches = async (workerId: string) =>
    (await request(matching.running.url).get(`/v1/workers/${workerId}/matches?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as {
      jobId: string; score: number; reasons: { factor: string; contribution: number; detail: string }[];
    }[];
  const candidates = async (jobId: string) =>
    (await request(matching.running.url).get(`/v1/jobs/${jobId}/candidates?limit=100`).set('Authorization', agency).expect(200)).body.items as {
      workerId: string; score: number; reasons: { factor: string; contribution: number }[]; worker: Record<string, unknown>;
    }[];
  const rank = (items: { jobId?: string; workerId?: string }[], id: string) => items.findIndex((i) => (i.jobId ?? i.workerId) === id);

  it('ranks a poverty-alleviated worker above an otherwise identical one in a job’s candidates (十四)', async () => {
    const job = jobData();
    const atTheJob = { lat: job.location.lat, lon: job.location.lon };
    const plain = workerData({ location: atTheJob });
    const poor = workerData({ priorityGroups: ['poverty_alleviated'], location: atTheJob });
    await matching.publish([job], [plain, poor]);
    const items = await candidates(job.jobId);
    expect(rank(items, poor.workerId)).toBeGreaterThanOrEqual(0);
    expect(rank(items, poor.workerId)).toBeLessThan(rank(items, plain.workerId));
    const poorItem = items[rank(items, poor.workerId)];
    // skills 3 × 0.5 (none required), distance 4 × 1 (at the job), age 2, priority 1, wage 1.5 × 0.5 (no minimum),
    // freshness 0.5 × 0.5^((1/14)²) = 0.4982 (posted a day ago): 9.7482; the plain worker lacks only the priority.
    expect(poorItem.reasons.map((r) => [r.factor, r.contribution])).toEqual([
      ['skills', 1.5], ['distance', 4], ['age', 2], ['priority', 1], ['wage', 0.75], ['freshness', 0.4982],
    ]);
    expect(poorItem.score).toBeCloseTo(9.7482, 4);
    expect(items[rank(items, plain.workerId)].score).toBeCloseTo(8.7482, 4);
    // The summary is masked by construction: nothing personal is in the index.
    expect(Object.keys(poorItem.worker)).not.toEqual(expect.arrayContaining(['name']));
    expect(JSON.stringify(poorItem.worker)).not.toMatch(/idNumber|phone|name/);
  });

  it('still matches a 58-year-old with a job whose preferred age range ends at 50, only lower (十二)', async () => {
    const job = jobData({ ageRange: { min: 18, max: 50 } });
    const older = workerData({ ageYears: 58 });
    const younger = workerData({ ageYears: 45 });
    await matching.publish([job], [older, younger]);
    const forOlder = (await matches(older.workerId)).find((m) => m.jobId === job.jobId);
    const forYounger = (await matches(younger.workerId)).find((m) => m.jobId === job.jobId);
    expect(forOlder).toBeDefined();
    expect(forOlder!.score).toBeLessThan(forYounger!.score);
    expect(forOlder!.reasons.find((r) => r.factor === 'age')?.detail).toContain('超出');
    const inCandidates = await candidates(job.jobId);
    expect(rank(inCandidates, older.workerId)).toBeGreaterThan(rank(inCandidates, younger.workerId));
  });

  it('ranks a cross-region job recruiting from a willing worker’s home province above an untargeted one 1,000 km away', async () => {
    // Worker from 西昌 (凉山, 四川), willing to migrate; 浙江—四川 is an east-west pair.
    const worker = workerData({ homeRegionCode: '513401', residenceRegionCode: '513401', location: { lat: 27.89, lon: 102.26 } }, { willingToMigrate: true });
    const targeted = jobData({ location: { regionCode: '330106', lat: 30.27, lon: 120.15 }, crossRegion: { sourceRegionCodes: ['510000'] } });
    const untargeted = jobData({ location: { regionCode: '440306', lat: 22.55, lon: 113.88 } });
    await matching.publish([targeted, untargeted], [worker]);
    const items = await matches(worker.workerId);
    expect(rank(items, targeted.jobId)).toBeLessThan(rank(items, untargeted.jobId));
    const factors = items[rank(items, targeted.jobId)].reasons.map((r) => r.factor);
    expect(factors).toEqual(expect.arrayContaining(['crossRegion', 'eastWest']));
  });

  it('shows an unwilling worker cross-region jobs ranked low, not hidden', async () => {
    const worker = workerData({ homeRegionCode: '513401', residenceRegionCode: '513401', location: { lat: 27.89, lon: 102.26 } }, { willingToMigrate: false });
    const crossRegion = jobData({ location: { regionCode: '330106', lat: 30.27, lon: 120.15 }, crossRegion: { sourceRegionCodes: ['510000'] } });
    const local = jobData({ location: { regionCode: '513401', lat: 27.9, lon: 102.27 } });
    await matching.publish([crossRegion, local], [worker]);
    const items = await matches(worker.workerId);
    expect(rank(items, crossRegion.jobId)).toBeGreaterThan(rank(items, local.jobId));
    expect(items[rank(items, crossRegion.jobId)].reasons.map((r) => r.factor)).not.toContain('crossRegion');
  });

  it('does not let a job beyond the commute, with no cross-region targeting, outrank a near one', async () => {
    const worker = workerData({ location: { lat: 22.55, lon: 113.9 } }, { maxCommuteKm: 20 });
    const near = jobData({ location: { regionCode: '440306', lat: 22.58, lon: 113.93 } });
    const far = jobData({ location: { regionCode: '440106', lat: 23.13, lon: 113.36 } }); // 广州天河, ~85 km
    await matching.publish([near, far], [worker]);
    const items = await matches(worker.workerId);
    expect(rank(items, near.jobId)).toBeLessThan(rank(items, far.jobId));
    expect(items[rank(items, near.jobId)].reasons.find((r) => r.factor === 'distance')?.detail).toMatch(/距离 \d/);
  });

  it('moves the other factors the right way: skills, older-worker-friendly, relocation quota, wage, freshness', async () => {
    const base = { postedAt: inDays(-2) };
    const atTheJobs = { lat: 22.55, lon: 113.88 }; // jobData's place
    const welder = workerData(
      { ageYears: 55, skills: [{ code: 'welding', level: 3 }], priorityGroups: ['relocated'], location: atTheJobs },
      { minWage: { amount: 220, unit: 'day' } },
    );
    const needsWelding = jobData({ ...base, skills: [{ code: 'welding', minLevel: 2 }] });
    const needsCarpentry = jobData({ ...base, skills: [{ code: 'carpentry', minLevel: 2 }] });
    const needsMasterWelding = jobData({ ...base, skills: [{ code: 'welding', minLevel: 4 }] });
    const friendly = jobData({ ...base, olderWorkerFriendly: true });
    const unfriendly = jobData({ ...base });
    const withQuota = jobData({ ...base, relocationQuotaPct: 20 });
    const wellPaid = jobData({ ...base, wage: { min: 300, max: 350, unit: 'day' } });
    const poorlyPaid = jobData({ ...base, wage: { min: 150, max: 180, unit: 'day' } });
    const stale = jobData({ postedAt: inDays(-40) });
    await matching.publish([needsWelding, needsCarpentry, needsMasterWelding, friendly, unfriendly, withQuota, wellPaid, poorlyPaid, stale], [welder]);
    const items = await matches(welder.workerId);
    const before = (a: string, b: string) => expect(rank(items, a)).toBeLessThan(rank(items, b));
    before(needsWelding.jobId, needsMasterWelding.jobId);
    before(needsMasterWelding.jobId, needsCarpentry.jobId);
    before(friendly.jobId, unfriendly.jobId);
    before(withQuota.jobId, unfriendly.jobId);
    before(wellPaid.jobId, poorlyPaid.jobId);
    before(unfriendly.jobId, stale.jobId);
    // Every job at the welder's point: distance 4, age 2 (no range). A plain job: skills 3 × 0.5 (none required),
    // wage 1.5 × (240/220 − 0.8)/0.6 = 0.7273, freshness 0.5 × 0.5^((2/14)²) = 0.4930 (two days old): 8.7203.
    const expected = new Map([
      [unfriendly.jobId, 8.7203],
      [needsWelding.jobId, 8.7203 + 1.5], // skills 3 × 1
      [needsCarpentry.jobId, 8.7203 - 1.5], // skills 3 × 0
      [needsMasterWelding.jobId, 8.7203], // skills 3 × 0.5: welding held, one level short
      [friendly.jobId, 8.7203 + 1], // olderFriendly 1 (55 ≥ 50)
      [withQuota.jobId, 8.7203 + 1], // relocation 1
      [wellPaid.jobId, 8.7203 - 0.7273 + 1.5], // wage 1.5 × 1 (350/220 ≥ 1.4)
      [poorlyPaid.jobId, 8.7203 - 0.7273 + 0.0455], // wage 1.5 × (180/220 − 0.8)/0.6
      [stale.jobId, 8.7203 - 0.493 + 0.0017], // freshness 0.5 × 0.5^((40/14)²)
    ]);
    for (const [jobId, score] of expected) expect(items[rank(items, jobId)].score).toBeCloseTo(score, 4);
  });

  it('ranks a worker’s jobs exactly as scoring every open job would, while scoring only those that can make the top', async () => {
    const rng = new Seeded(4242);
    const now = Date.now();
    // 1 in 20 ids in the sampled range (ranking.service.ts, 1 in 128 of real ids), so that a few thousand jobs give most
    // workers a sample of 20, and the guess from it holds for most but not all of them: every path is taken.
    const jobs = Array.from({ length: 3000 }, () => {
      const job = randomJob(rng, now);
      return rng.chance(0.05) ? { ...job, jobId: `0${rng.pick(['0', '1'])}${job.jobId.slice(2)}` } : job;
    }).map((job) => toJobDocument(job));
    const workers = Array.from({ length: 60 }, () => toWorkerDocument(randomWorker(rng)));
    await matching.running.app.get(SearchIndices).ensured();
    await writeVersioned(matching.client, `${prefix}jobs`, jobs.map((d) => ({ id: d.jobId, version: d.version, source: d })));
    await matching.client.refresh(`${prefix}jobs`);
    const { hits } = await matching.client.search<JobDocument>(`${prefix}jobs`, { size: 10_000, query: { match_all: {} } });
    const indexedJobs = hits.map((hit) => hit.source); // with the other tests' jobs
    const tiers = async () => Object.fromEntries((await metricsRegistry.getSingleMetric('laowu_matching_jobs_for_worker_total')!.get()).values.map((v) => [v.labels.tier, v.value]));
    const before = await tiers();

    const ranking = matching.running.app.get(RankingService);
    const at = new Date(now);
    try {
      for (const worker of workers) {
        const ranked = await ranking.jobsForWorker(worker, 20, WEIGHTS, at);
        const open = (job: JobDocument) => openJobFilters(worker.kinds, at).every((filter) => matchesFilter(filter, job)) && passesPairRules(job, worker, at);
        const expected = indexedJobs
          .filter(open)
          .map((job) => ({ jobId: job.jobId, score: scorePair(job, worker, WEIGHTS, at).score }))
          .sort((a, b) => b.score - a.score || a.jobId.localeCompare(b.jobId))
          .slice(0, 20);
        expect(ranked.map((r) => ({ jobId: r.job.jobId, score: r.score }))).toEqual(expected);
      }
    } finally {
      // The other tests search the same index: leave it as it was.
      await matching.client.deleteByQuery(`${prefix}jobs`, { ids: { values: jobs.map((j) => j.jobId) } }, { refresh: true });
    }
    const after = await tiers();
    const answered = (tier: string) => (after[tier] ?? 0) - (before[tier] ?? 0);
    for (const tier of ['guess', 'floor', 'all']) expect(answered(tier)).toBeGreaterThan(0);
  });

  it('scores each worker for a job, in every push pool, exactly as the reasons do, and ranks them (and each pool) as scoring every worker would', async () => {
    const rng = new Seeded(2718);
    const now = Date.now();
    // As for a worker's jobs above: 1 in 20 ids in the sampled range, so that every path is taken.
    const workers = Array.from({ length: 2500 }, () => {
      const worker = randomWorker(rng);
      return toWorkerDocument(rng.chance(0.05) ? { ...worker, workerId: `0${rng.pick(['0', '1'])}${worker.workerId.slice(2)}` } : worker);
    });
    const jobs = Array.from({ length: 40 }, () => toJobDocument(randomJob(rng, now)));
    await matching.running.app.get(SearchIndices).ensured();
    await writeVersioned(matching.client, `${prefix}workers`, workers.map((d) => ({ id: d.workerId, version: d.version, source: d })));
    await matching.client.refresh(`${prefix}workers`);
    const all = await matching.client.search<WorkerDocument>(`${prefix}workers`, { size: 10_000, query: { match_all: {} } });
    const indexedWorkers = all.hits.map((hit) => hit.source); // with the other tests' workers

    const tiers = async () => Object.fromEntries((await metricsRegistry.getSingleMetric('laowu_matching_workers_for_job_total')!.get()).values.map((v) => [v.labels.tier, v.value]));
    const before = await tiers();
    const ranking = matching.running.app.get(RankingService);
    const at = new Date(now);
    let hits = 0;
    try {
      for (const [j, job] of jobs.entries()) {
        for (const pool of j < 10 ? [[], poolFilters('instant', job), poolFilters('crossRegion', job)] : []) {
          const query = { query: workersForJobQuery(job, WEIGHTS, at, pool), size: 10_000 };
          const found = await matching.client.search<WorkerDocument>(`${prefix}workers`, query);
          for (const hit of found.hits) {
            // The engine sums 32-bit floats; the reasons round each contribution to 4 digits.
            expect(Math.abs((hit.score ?? NaN) - scorePair(job, hit.source, WEIGHTS, at).score)).toBeLessThan(1e-3);
            hits++;
          }
        }
        const ranked = await ranking.workersForJob(job, 20, WEIGHTS, at);
        const expected = indexedWorkers
          .filter((worker) => worker.available && worker.kinds.includes(job.kind) && passesPairRules(job, worker, at))
          .map((worker) => ({ workerId: worker.workerId, score: scorePair(job, worker, WEIGHTS, at).score }))
          .sort((a, b) => b.score - a.score || a.workerId.localeCompare(b.workerId))
          .slice(0, 20);
        expect(ranked.map((r) => ({ workerId: r.worker.workerId, score: r.score }))).toEqual(expected);

        // A push's pools, ranked by threshold in one _msearch per round, against the engine's whole pool re-ranked by the reasons.
        const pools = ['instant', 'crossRegion'] as const;
        const pushed = await ranking.workersForJobs(pools.map((pool) => ({ job, weights: WEIGHTS, pool, excludedWorkerIds: [] })), 20, at);
        for (const [p, pool] of pools.entries()) {
          const whole = await matching.client.search<WorkerDocument>(`${prefix}workers`, { query: workersForJobQuery(job, WEIGHTS, at, poolFilters(pool, job)), size: 10_000 });
          const inPool = whole.hits
            .map((hit) => ({ workerId: hit.source.workerId, score: scorePair(job, hit.source, WEIGHTS, at).score }))
            .sort((a, b) => b.score - a.score || a.workerId.localeCompare(b.workerId))
            .slice(0, 20);
          expect(pushed[p].map((r) => ({ workerId: r.worker.workerId, score: r.score }))).toEqual(inPool);
        }
      }
    } finally {
      await matching.client.deleteByQuery(`${prefix}workers`, { ids: { values: workers.map((w) => w.workerId) } }, { refresh: true });
    }
    expect(hits).toBeGreaterThan(5_000);
    const after = await tiers();
    for (const tier of ['guess', 'floor', 'all']) expect((after[tier] ?? 0) - (before[tier] ?? 0)).toBeGreaterThan(0);
  });

  it('applies only the hard filters: closed, full, unaccepted-kind and already-started jobs are not offered', async () => {
    const worker = workerData({}, { kinds: ['fulltime'] });
    const open = jobData();
    const closed = jobData({ status: 'closed' });
    const full = jobData({ filled: 10 });
    const gig = jobData({ kind: 'gig', startAt: inDays(1), endAt: inDays(2) });
    const started = jobData({ startAt: inDays(-3) });
    await matching.publish([open, closed, full, gig, started], [worker]);
    const ids = (await matches(worker.workerId)).map((m) => m.jobId);
    expect(ids).toContain(open.jobId);
    for (const hidden of [closed, full, gig, started]) expect(ids).not.toContain(hidden.jobId);
  });

  it('answers 400 for a bad id or limit, 404 for an unknown worker, 403 for another station’s worker and another agency’s job', async () => {
    const worker = workerData({ stationId: 'station-513401-01', homeRegionCode: '513401', residenceRegionCode: '513401' });
    const job = jobData({ agencyId: 'agency-other' });
    await matching.publish([job], [worker]);
    const bad = await request(matching.running.url).get('/v1/workers/nope/matches').set('Authorization', asAdmin()).expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', problem: expect.any(String) }]);
    const badLimit = await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches?limit=0`).set('Authorization', asAdmin()).expect(400);
    expect(badLimit.body.details[0].field).toBe('limit');
    await request(matching.running.url).get('/v1/workers/00000000-0000-4000-8000-000000000000/matches').set('Authorization', asAdmin()).expect(404);
    const otherStation = bearer({ sub: 'station-440306-01', role: 'station', region: '440306' });
    await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches`).set('Authorization', otherStation).expect(403);
    const ownStation = bearer({ sub: 'station-513401-01', role: 'station', region: '513401' });
    await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches`).set('Authorization', ownStation).expect(200);
    await request(matching.running.url).get(`/v1/jobs/${job.jobId}/candidates`).set('Authorization', agency).expect(403);
    await request(matching.running.url).get(`/v1/jobs/${job.jobId}/candidates`).set('Authorization', otherStation).expect(403);
  });

  describe('diversification (issue 18): one agency’s 12 near-identical postings do not fill a worker’s list', () => {
    // A place no other test posts to (哈尔滨道里区): the worker's best jobs are these.
    const place = { regionCode: '230102', lat: 45.77, lon: 126.62 };
    const posted = (agencyId: string, title: string, daysAgo: number) => jobData({ agencyId, title, location: place, postedAt: inDays(-daysAgo) });
    const expoTitles = ['展会搭建临时工', '展会搭建临时工（日结）', '【急招】展会搭建临时工', '展会搭建临时工 3天', '展会搭建临时工-5天', '深圳展会搭建临时工',
      '展会搭建临时工（包吃）', '展会搭建临时工（会展）', '展会搭建临时工日结', '展会搭建临时工（夜班）', '展会搭建临时工A', '展会搭建临时工！'];
    // Same place, kind and wage: only freshness differs, so every expo job outscores the others, B's outscore C's.
    const expo = expoTitles.map((title) => posted('agency-expo', title, 1));
    const others = [...['电焊工', '叉车司机', '包装工'].map((t) => posted('agency-b', t, 3)), ...['保洁员', '厨师', '保安'].map((t) => posted('agency-c', t, 5))];
    const expoIds = new Set(expo.map((j) => j.jobId));
    const seeker = () => workerData({ location: { lat: place.lat, lon: place.lon }, homeRegionCode: '230102', residenceRegionCode: '230102' }, { kinds: ['fulltime'] });

    beforeAll(() => matching.publish([...expo, ...others], []));

    it('holds the agency cap in matches-for-worker’s top 10, and says so in the deferred jobs’ reasons', async () => {
      const worker = seeker();
      await matching.publish([], [worker]);
      const top = (await request(matching.running.url).get(`/v1/workers/${worker.workerId}/matches?limit=10`).set('Authorization', asAdmin()).expect(200)).body
        .items as { jobId: string; score: number; reasons: { factor: string; contribution: number; detail: string }[] }[];
      expect(top).toHaveLength(10);
      const fromExpo = top.filter((m) => expoIds.has(m.jobId));
      expect(fromExpo.length).toBeLessThanOrEqual(5); // DIVERSITY_MAX_PER_AGENCY_PCT 50 of 10
      // Every other agency's job made it, though each expo job scores more: by score alone all 10 would be expo's.
      expect(top.map((m) => m.jobId)).toEqual(expect.arrayContaining(others.map((j) => j.jobId)));
      const lowestExpo = Math.min(...fromExpo.map((m) => m.score));
      for (const m of top.filter((m) => !expoIds.has(m.jobId))) expect(m.score).toBeLessThan(lowestExpo);
      // The two best expo jobs lead, untouched; an expo job placed below others carries the reason.
      expect(top.slice(0, 2).every((m) => expoIds.has(m.jobId) && m.reasons.every((r) => r.factor !== 'diversity'))).toBe(true);
      top.forEach((m, place) => {
        const belowLowerScored = top.slice(0, place).some((ahead) => ahead.score < m.score);
        const notes = m.reasons.filter((r) => r.factor === 'diversity');
        expect(notes).toEqual(belowLowerScored ? [{ factor: 'diversity', contribution: 0, detail: expect.stringContaining('顺延') }] : []);
        expect(m.reasons.reduce((sum, r) => sum + r.contribution, 0)).toBeCloseTo(m.score, 3);
      });
    });

    it('diversifies the worker_available push’s top 5 too: at most 2 of one agency', async () => {
      const worker = seeker();
      await matching.publish([], [worker]);
      // What this app committed (its outbox): other apps on the shared topics may push for the same worker from their own indices.
      const dataSource = matching.running.app.get(DataSource);
      const pushed = async () =>
        ((await dataSource.query(`SELECT payload FROM "${SCHEMA}".outbox WHERE topic = $1 AND payload->'data'->>'trigger' = 'worker_available'`, [TOPICS.matches])) as {
          payload: { data: MatchesFoundData };
        }[])
          .map((row) => row.payload.data)
          .filter((data) => data.matches.some((match) => match.workerId === worker.workerId));
      let pushes: MatchesFoundData[] = [];
      await eventually(async () => {
        pushes = await pushed();
        if (pushes.length < 5) throw new Error(`${pushes.length} of 5 pushes committed`);
      }, 60_000);
      // Scores tie within an agency, ordered by job id: window 5 takes expo's first two, B's first two, then C's first.
      const firstIds = (jobs: { jobId: string }[], n: number) => jobs.map((j) => j.jobId).sort().slice(0, n);
      const expected = [...firstIds(expo, 2), ...firstIds(others.slice(0, 3), 2), ...firstIds(others.slice(3), 1)];
      expect(pushes.map((d) => d.jobId).sort()).toEqual(expected.sort());
    });
  });

  it('searches jobs by Chinese keywords, region at any level, kind, distance, wage and instant, with facets', async () => {
    const welding = jobData({ title: '钢结构焊工', description: '需要电焊证', kind: 'gig', instant: true, startAt: inDays(2), endAt: inDays(3), wage: { min: 35, max: 40, unit: 'hour' } });
    const cleaner = jobData({ title: '小区保洁员', kind: 'fulltime', location: { regionCode: '440106', lat: 23.13, lon: 113.36 }, wage: { min: 3000, max: 3500, unit: 'month' } });
    await matching.publish([welding, cleaner], []);
    const search = (body: object) => request(matching.running.url).post('/v1/search/jobs').set('Authorization', agency).send(body);
    const byKeyword = (await search({ q: '焊工' }).expect(200)).body;
    expect(byKeyword.items.map((i: { jobId: string }) => i.jobId)).toContain(welding.jobId);
    expect(byKeyword.items.map((i: { jobId: string }) => i.jobId)).not.toContain(cleaner.jobId);
    const inGuangzhou = (await search({ regionCode: '440100' }).expect(200)).body;
    expect(inGuangzhou.items.map((i: { jobId: string }) => i.jobId)).toEqual(expect.arrayContaining([cleaner.jobId]));
    expect(inGuangzhou.items.map((i: { jobId: string }) => i.jobId)).not.toContain(welding.jobId);
    const inProvince = (await search({ regionCode: '440000', pageSize: 100 }).expect(200)).body;
    expect(inProvince.facets.cities).toEqual(expect.arrayContaining([expect.objectContaining({ code: '440100', name: expect.any(String) })]));
    expect(inProvince.facets.kinds).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'gig', count: expect.any(Number) })]));
    const near = (await search({ near: { lat: 22.55, lon: 113.88, km: 10 }, wageMin: 300, instantOnly: true, pageSize: 100 }).expect(200)).body;
    expect(near.items.map((i: { jobId: string }) => i.jobId)).toContain(welding.jobId); // 40 元/小时 = 320 元/天
    expect(near.items.map((i: { jobId: string }) => i.jobId)).not.toContain(cleaner.jobId);
    const keywordsNear = (await search({ q: '焊工', near: { lat: 22.55, lon: 113.88, km: 10 }, pageSize: 100 }).expect(200)).body;
    const hit = keywordsNear.items.find((i: { jobId: string }) => i.jobId === welding.jobId);
    expect(hit.distanceKm).toBeGreaterThanOrEqual(0);
    expect(hit.distanceKm).toBeLessThanOrEqual(10);
    const unknown = (await search({ regionCode: '999999' }).expect(422)).body;
    expect(unknown.details).toEqual([{ field: 'regionCode', problem: expect.any(String) }]);
    const invalid = (await search({ kinds: ['nope'], near: { lat: 200 }, page: 0 }).expect(400)).body;
    expect(invalid.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['kinds', 'near.lat', 'near.km', 'page']));
    // Each in range, together past the engine's 10,000-result window: a 400 naming page, not the engine's 500.
    await search({ page: 100, pageSize: 100 }).expect(200);
    const tooDeep = (await search({ page: 101, pageSize: 100 }).expect(400)).body;
    expect(tooDeep.details).toEqual([{ field: 'page', problem: expect.stringContaining('10000') }]);
  });
});
