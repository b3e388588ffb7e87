import {
  createEnvelope,
  type JobChangedData,
  MatchStatusChanged,
  type MatchStatusChangedData,
  PlacementStarted,
  type PlacementStartedData,
  TOPICS,
  WorkerArrived,
  type WorkerArrivedData,
} from '@laowu/contracts';
import { eventually, inDays, jobData, workerData } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { asAdmin } from '../../../test/support/tokens';
import { writeVersioned } from '../src/indexing/index-writer';
import { toJobDocument } from '../src/indexing/job.document';
import { SearchIndices } from '../src/indexing/search-indices';
import { toWorkerDocument } from '../src/indexing/worker.document';
import { DispatchOutcomesStore } from '../src/outcomes/dispatch-outcomes.store';
import { OutcomeSignals } from '../src/outcomes/outcome-signals';
import { MAX_CLASSED_IDS, rateClasses } from '../src/outcomes/outcome-rates';
import { randomJob, Seeded } from '../src/ranking/random-matching.fixtures';
import { DEFAULT_WEIGHTS } from '../src/ranking/ranking-weights';
import { RankingService } from '../src/ranking/ranking.service';
import { SCHEMA } from '../src/schema';
import { caughtUp, type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

type Item = { jobId: string; score: number; reasons: { factor: string; contribution: number; detail: string }[] };

/**
 * Learning from outcomes (issue 18): stations' decisions and workers' arrivals on laowu.dispatch.v1
 * move the ranking — an agency stations keep declining sinks, one whose workers are accepted and
 * arrive rises, a new agency stays exactly where one at the global rates is; a redelivered event
 * counts once; a worker's accepted kind lifts jobs of that kind. Real Kafka, OpenSearch, PostgreSQL.
 */
describe('matching learns from dispatch outcomes (real Kafka, OpenSearch, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  const run = randomUUID().slice(0, 8);
  const agencyOf = (name: string) => `agency-${name}-${run}`;
  const postedAt = inDays(-1);
  const here = { regionCode: '440306', lat: 22.55, lon: 113.88 };
  /** Identical jobs but for the agency (and kind when given): the outcome factors alone tell them apart. */
  const twin = (agency: string, overrides: Partial<JobChangedData> = {}) => jobData({ agencyId: agencyOf(agency), location: here, postedAt, updatedAt: postedAt, ...overrides });

  beforeAll(async () => {
    matching = await startMatching(prefix, 'outcomes');
  });
  afterAll(() => matching?.close());

  const matches = async (workerId: string) =>
    (await request(matching.running.url).get(`/v1/workers/${workerId}/matches?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as Item[];
  const candidates = async (jobId: string) =>
    (await request(matching.running.url).get(`/v1/jobs/${jobId}/candidates?limit=100`).set('Authorization', asAdmin()).expect(200)).body.items as {
      workerId: string; score: number; reasons: { factor: string; contribution: number }[];
    }[];
  const item = (items: Item[], jobId: string) => items.find((i) => i.jobId === jobId)!;
  const rank = (items: Item[], jobId: string) => items.findIndex((i) => i.jobId === jobId);
  const reason = (i: Item, factor: string) => i.reasons.find((r) => r.factor === factor);
  const sumOf = (i: { reasons: { contribution: number }[] }) => Math.round(i.reasons.reduce((s, r) => s + r.contribution, 0) * 1e4) / 1e4;
  const decision = (job: JobChangedData, status: MatchStatusChangedData['status'], workerId: string = randomUUID()): MatchStatusChangedData => ({
    matchId: randomUUID(), jobId: job.jobId, workerId, stationId: 'station-440306-01', status, changedAt: new Date().toISOString(),
  });
  const arrival = (d: MatchStatusChangedData, job: JobChangedData): WorkerArrivedData => ({
    batchId: randomUUID(), jobId: d.jobId, workerId: d.workerId, agencyId: job.agencyId, regionCode: job.location.regionCode, priorityGroups: [], arrivedAt: new Date().toISOString(),
  });
  const dispatch = <T extends object>(definition: Parameters<MatchingUnderTest['producer']['events']>[1], items: T[]) =>
    matching.producer.events(TOPICS.dispatch, definition as never, items, 'dispatch');
  const handled = () => caughtUp(matching.running.config.KAFKA_GROUP_ID, TOPICS.dispatch);
  const decided = async (agency: string) => {
    const rows: { n: string }[] = await matching.running.app.get(DataSource).query(`SELECT count(*) AS n FROM "${SCHEMA}".match_outcomes WHERE agency_id = $1`, [agencyOf(agency)]);
    return Number(rows[0].n);
  };

  const worker = workerData({ location: { lat: here.lat, lon: here.lon } });
  // The jobs whose matches stations decided (their agency is read from the index when recorded) …
  const declinedJob = twin('declined', { title: '被拒岗位' });
  const acceptedJob = twin('accepted', { title: '常被接受岗位' });
  const littleDataJob = twin('little', { title: '少量记录岗位' });
  // … and the twins the worker's ranking compares: same everything, their agencies' records differ.
  const ofDeclined = twin('declined');
  const ofAccepted = twin('accepted');
  const ofNewAgency = twin('new');
  const ofLittleData = twin('little');
  const declines = Array.from({ length: 25 }, () => decision(declinedJob, 'declined'));
  const accepts = Array.from({ length: 25 }, () => decision(acceptedJob, 'accepted'));
  // One accept (arrived) and one decline: about the global rates whatever they are, too little to leave the prior's class.
  const littleData = [decision(littleDataJob, 'declined'), decision(littleDataJob, 'accepted')];

  it('ranks a job of an agency stations keep declining below an otherwise identical one, one whose workers are accepted and arrive above, and a new agency exactly as one with too little data to leave the prior', async () => {
    await matching.publish([declinedJob, acceptedJob, littleDataJob, ofDeclined, ofAccepted, ofNewAgency, ofLittleData], [worker]);
    const before = await matches(worker.workerId);
    const twins = [ofDeclined, ofAccepted, ofNewAgency, ofLittleData].map((j) => item(before, j.jobId).score);
    expect(new Set(twins).size).toBe(1); // no outcome yet: all four tie

    await dispatch(MatchStatusChanged, [...declines, ...accepts, ...littleData]);
    await dispatch(WorkerArrived, [...accepts.map((d) => arrival(d, acceptedJob)), arrival(littleData[1], littleDataJob)]);
    await handled();

    const after = await eventually(async () => {
      const items = await matches(worker.workerId);
      if (!reason(item(items, ofDeclined.jobId), 'agencyOutcomes')) throw new Error('the declines are not in the ranking yet');
      return items;
    });
    const [declined, accepted, fresh, little] = [ofDeclined, ofAccepted, ofNewAgency, ofLittleData].map((j) => item(after, j.jobId));
    expect(rank(after, ofAccepted.jobId)).toBeLessThan(rank(after, ofNewAgency.jobId));
    expect(rank(after, ofNewAgency.jobId)).toBeLessThan(rank(after, ofDeclined.jobId));
    expect(reason(declined, 'agencyOutcomes')!.contribution).toBeLessThan(0);
    expect(reason(accepted, 'agencyOutcomes')!.contribution).toBeGreaterThan(0);
    expect(reason(declined, 'agencyOutcomes')!.detail).toMatch(/该机构派工接受率 \d+%/);
    // The prior holds: a new agency, and one with one accept and one decline, score as before, with no outcome reason.
    expect(fresh.score).toBe(twins[0]);
    expect(little.score).toBe(fresh.score);
    expect([reason(fresh, 'agencyOutcomes'), reason(little, 'agencyOutcomes')]).toEqual([undefined, undefined]);
    // The reasons still add up to the score, a negative contribution included.
    for (const i of [declined, accepted, fresh, little]) expect(sumOf(i)).toBeCloseTo(i.score, 4);
    // The job that collected the declines itself: its own record lowers it too.
    expect(reason(item(after, declinedJob.jobId), 'jobOutcomes')!.contribution).toBeLessThan(0);
    // Candidates-for-job: the agency's record is the same for every worker; in the reasons, and they add up.
    const forDeclined = await candidates(ofDeclined.jobId);
    const mine = forDeclined.find((c) => c.workerId === worker.workerId)!;
    expect(mine.reasons.find((r) => r.factor === 'agencyOutcomes')!.contribution).toBe(reason(declined, 'agencyOutcomes')!.contribution);
    expect(sumOf(mine)).toBeCloseTo(mine.score, 4);
  });

  it('counts a redelivered decision or arrival once: the same events again (and an arrival told twice) change neither the counts nor the ranking', async () => {
    const ranked = await matches(worker.workerId);
    expect(await decided('declined')).toBe(25);
    const envelopes = declines.slice(0, 5).map((d) => createEnvelope(MatchStatusChanged, d, { producer: 'dispatch' }));
    // The very same envelopes twice (a redelivery), the same decisions under new envelope ids, and each accepted pair's arrival again as a PlacementStarted.
    for (let k = 0; k < 2; k++) for (const e of envelopes) await matching.producer.raw(TOPICS.dispatch, e.key, JSON.stringify(e));
    await dispatch(MatchStatusChanged, declines);
    const started = accepts.map((d): PlacementStartedData => ({
      placementId: randomUUID(), workerId: d.workerId, jobId: d.jobId, agencyId: acceptedJob.agencyId, source: 'match', employerName: '某电子厂',
      regionCode: acceptedJob.location.regionCode, jobKind: acceptedJob.kind, concurrent: false, startDate: '2026-12-01', priorityGroups: [],
    }));
    await dispatch(PlacementStarted, started);
    await dispatch(WorkerArrived, accepts.map((d) => arrival(d, acceptedJob)));
    await handled();
    await matching.running.app.get(OutcomeSignals).refreshSoon();

    expect(await decided('declined')).toBe(25);
    expect(await decided('accepted')).toBe(25);
    const arrived: { n: string }[] = await matching.running.app.get(DataSource).query(`SELECT count(*) AS n FROM "${SCHEMA}".worker_arrivals WHERE job_id = $1`, [acceptedJob.jobId]);
    expect(Number(arrived[0].n)).toBe(25);
    const again = await matches(worker.workerId);
    for (const j of [ofDeclined, ofAccepted, ofNewAgency]) expect(item(again, j.jobId)).toEqual(item(ranked, j.jobId));
  });

  it('writes a batch whole or not at all: an arrival that fails to insert leaves the batch’s decisions unwritten too (redelivered, it is written whole)', async () => {
    const store = matching.running.app.get(DispatchOutcomesStore);
    const crashJob = twin('crash');
    const decisions = [{ ...decision(crashJob, 'declined'), status: 'declined' as const, agencyId: agencyOf('crash') }];
    const broken = { jobId: 'not-a-uuid', workerId: randomUUID(), arrivedAt: new Date().toISOString() };
    await expect(store.record(decisions, [broken])).rejects.toThrow();
    expect(await decided('crash')).toBe(0);
    await store.record(decisions, []);
    await store.record(decisions, []);
    expect(await decided('crash')).toBe(1);
  });

  it('lifts jobs of a kind the worker was accepted for (in matches-for-worker only), and leaves other workers’ rankings alone', async () => {
    const seasonalWorker = workerData({ location: { lat: here.lat, lon: here.lon } });
    const other = workerData({ location: { lat: here.lat, lon: here.lon } });
    // Accepted once for a seasonal job in another city (成都): the kind lifts, the city does not apply here.
    const pastJob = twin('history', { kind: 'seasonal', location: { regionCode: '510104', lat: 30.66, lon: 104.08 } });
    const fulltime = twin('history');
    const seasonal = twin('history', { kind: 'seasonal' });
    await matching.publish([pastJob, fulltime, seasonal], [seasonalWorker, other]);
    const before = await matches(seasonalWorker.workerId);
    expect(item(before, seasonal.jobId).score).toBe(item(before, fulltime.jobId).score);

    await dispatch(MatchStatusChanged, [decision(pastJob, 'accepted', seasonalWorker.workerId)]);
    await handled();
    const after = await matches(seasonalWorker.workerId);
    expect(rank(after, seasonal.jobId)).toBeLessThan(rank(after, fulltime.jobId));
    // acceptedHistory weight 1 × ½ for the kind; nothing for the fulltime job.
    expect(reason(item(after, seasonal.jobId), 'acceptedHistory')).toEqual({ factor: 'acceptedHistory', contribution: 0.5, detail: '曾接受同类工作' });
    expect(reason(item(after, fulltime.jobId), 'acceptedHistory')).toBeUndefined();
    expect(item(after, seasonal.jobId).score).toBeCloseTo(item(before, seasonal.jobId).score + 0.5, 4);
    // Another worker's ranking of the same jobs is unchanged; candidates-for-job carries no history.
    const theirs = await matches(other.workerId);
    expect(item(theirs, seasonal.jobId).score).toBe(item(theirs, fulltime.jobId).score);
    const forSeasonal = await candidates(seasonal.jobId);
    expect(forSeasonal.find((c) => c.workerId === seasonalWorker.workerId)!.reasons.map((r) => r.factor)).not.toContain('acceptedHistory');
  });

  it('ranks exactly with thousands of classed agencies in the query, and says what they cost (measured, not asserted)', async () => {
    const rng = new Seeded(1206);
    const agencies = Array.from({ length: MAX_CLASSED_IDS }, (_, i) => `bench-agency-${run}-${i}`);
    const now = Date.now();
    const jobs = Array.from({ length: 3000 }, (_, i) => toJobDocument({ ...randomJob(rng, now), agencyId: agencies[i % agencies.length] }));
    await matching.running.app.get(SearchIndices).ensured();
    await writeVersioned(matching.client, `${prefix}jobs`, jobs.map((d) => ({ id: d.jobId, version: d.version, source: d })));
    await matching.client.refresh(`${prefix}jobs`);
    const records = agencies.map((id, i) => (i % 2 ? { id, decided: 30, accepted: 0, acceptedPairs: 0, arrivedPairs: 0 } : { id, decided: 30, accepted: 30, acceptedPairs: 30, arrivedPairs: 30 }));
    const classes = rateClasses(records, { acceptance: 0.5, arrival: 0.5 });
    expect(classes.classes.flatMap((c) => c.ids)).toHaveLength(MAX_CLASSED_IDS);
    const signals = matching.running.app.get(OutcomeSignals);
    const ranking = matching.running.app.get(RankingService);
    const held = signals.forJobs();
    const workers = Array.from({ length: 20 }, () => toWorkerDocument(workerData({ location: { lat: 22.55 + rng.next(), lon: 113.88 + rng.next() } })));
    const timed = async () => {
      const ms: number[] = [];
      for (const w of workers) {
        const start = process.hrtime.bigint();
        await ranking.jobsForWorker(w, 20, DEFAULT_WEIGHTS.weights);
        ms.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return ms.sort((a, b) => a - b)[ms.length >> 1];
    };
    try {
      await timed(); // warm up
      const without = await timed();
      Object.assign(signals, { held: { ...held, agencyRates: classes } });
      const withClasses = await timed();
      // The classed agencies count in the ranking: a good agency's job carries a positive reason, a poor one's a negative.
      const ranked = await ranking.jobsForWorker(workers[0], 20, DEFAULT_WEIGHTS.weights);
      expect(ranked.some((r) => r.reasons.some((x) => x.factor === 'agencyOutcomes'))).toBe(true);
      for (const r of ranked) expect(Math.round(r.reasons.reduce((s, x) => s + x.contribution, 0) * 1e4) / 1e4).toBeCloseTo(r.score, 4);
      console.log(`matches-for-worker over ${jobs.length} jobs, median of ${workers.length}: ${without.toFixed(1)} ms without outcome classes, ${withClasses.toFixed(1)} ms with ${MAX_CLASSED_IDS} classed agencies`);
    } finally {
      Object.assign(signals, { held });
      await matching.client.deleteByQuery(`${prefix}jobs`, { ids: { values: jobs.map((j) => j.jobId) } }, { refresh: true });
    }
  });
});
