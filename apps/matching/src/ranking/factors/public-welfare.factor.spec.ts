import { JOB_KINDS, type JobChangedData, type PriorityGroup } from '@laowu/contracts';
import { jobData, workerData } from '@laowu/testkit';
import { type JobDocument, toJobDocument } from '../../indexing/job.document';
import { toWorkerDocument, type WorkerDocument } from '../../indexing/worker.document';
import { matchesFilter } from '../job-filter.fixtures';
import { scorePair } from '../pair-score';
import { pointNear, Seeded } from '../random-matching.fixtures';
import { jobsForWorkerQuery, poolFilters, workersForJobQuery } from '../ranking.queries';
import { jobsReaching } from '../score-bound';
import { kindsOfferedTo, mayBeMatched } from './public-welfare.factor';
import { DEFAULT_WEIGHTS } from '../ranking-weights';

const WEIGHTS = DEFAULT_WEIGHTS.weights;

type Json = Record<string, unknown>;

/** The hard filters of a ranking query (its function_score's bool filter). */
const hardFilters = (query: Json): Json[] => ((query.function_score as Json).query as { bool: { filter: Json[] } }).bool.filter;
const selects = (query: Json, doc: JobDocument | WorkerDocument) => hardFilters(query).every((filter) => matchesFilter(filter, doc));

describe('public-welfare posts (乡村公益性岗位, 十六)', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const here = { regionCode: '440306', lat: 22.55, lon: 113.88 };
  const post = (overrides: Partial<JobChangedData> = {}) =>
    toJobDocument(jobData({ kind: 'public_welfare', benefits: { injuryInsurance: true }, location: here, postedAt: now.toISOString(), ...overrides }));
  const factoryJob = toJobDocument(jobData({ location: here, postedAt: now.toISOString() }));
  const worker = (groups: PriorityGroup[], willingToMigrate = false, targetRegionCodes: string[] = []) =>
    toWorkerDocument(workerData({ priorityGroups: groups, location: { lat: here.lat, lon: here.lon } }, { willingToMigrate, targetRegionCodes }));

  const poor = worker(['poverty_alleviated']);
  const monitored = worker(['monitoring_target']);
  const plain = worker([]);
  const relocatedOnly = worker(['relocated']);

  it('matches a post only with poverty-alleviated workers and monitoring targets; other kinds with everyone', () => {
    const welfare = post();
    expect([poor, monitored, plain, relocatedOnly].map((w) => mayBeMatched(welfare, w))).toEqual([true, true, false, false]);
    expect([poor, monitored, plain, relocatedOnly].map((w) => mayBeMatched(factoryJob, w))).toEqual([true, true, true, true]);
  });

  it('offers a worker outside those groups every kind they accept except public-welfare posts', () => {
    expect(kindsOfferedTo(plain)).toEqual(JOB_KINDS.filter((kind) => kind !== 'public_welfare'));
    expect(kindsOfferedTo(relocatedOnly)).not.toContain('public_welfare');
    expect(kindsOfferedTo(poor)).toEqual([...JOB_KINDS]);
    expect(kindsOfferedTo({ ...plain, kinds: ['public_welfare'] })).toEqual([]);
  });

  it('filters a non-priority worker’s jobs in the engine query: no post, the factory job still there', () => {
    const welfare = post();
    expect(selects(jobsForWorkerQuery(plain, WEIGHTS, now), welfare)).toBe(false);
    expect(selects(jobsForWorkerQuery(plain, WEIGHTS, now), factoryJob)).toBe(true);
    expect(selects(jobsForWorkerQuery(poor, WEIGHTS, now), welfare)).toBe(true);
    expect(selects(jobsForWorkerQuery(monitored, WEIGHTS, now), welfare)).toBe(true);
  });

  it('filters a post’s workers in the engine query, for its candidates and in every push pool built on it', () => {
    const welfare = post();
    const all = [poor, monitored, plain, relocatedOnly];
    expect(all.map((w) => selects(workersForJobQuery(welfare, WEIGHTS, now), w))).toEqual([true, true, false, false]);
    expect(all.map((w) => selects(workersForJobQuery(factoryJob, WEIGHTS, now), w))).toEqual([true, true, true, true]);
    // A post recruiting from the workers' home (a cross-region push): willing workers from there, still only the priority one.
    const recruiting = post({ crossRegion: { sourceRegionCodes: ['440300'] } });
    const willingPoor = worker(['poverty_alleviated'], true);
    const willingPlain = worker([], true);
    const pushed = (w: WorkerDocument) => selects(workersForJobQuery(recruiting, WEIGHTS, now, poolFilters('crossRegion', recruiting)), w);
    expect([willingPoor, willingPlain].map(pushed)).toEqual([true, false]);
  });

  it('lifts a priority worker who stays home above a willing one of similar score, worked out by hand', () => {
    const welfare = post();
    const willing = worker(['monitoring_target'], true, ['440300']);
    // At the post: skills 3 × 0.5 (none required), distance 4, age 2, priority 1, assistance 0.5, publicWelfare 2.5 (unwilling to
    // migrate), wage 1.5 × 0.5 (no minimum), freshness 0.5 (posted now): 12.75.
    expect(scorePair(welfare, poor, WEIGHTS, now).reasons.map((r) => [r.factor, r.contribution])).toEqual([
      ['skills', 1.5], ['distance', 4], ['age', 2], ['priority', 1], ['assistance', 0.5], ['publicWelfare', 2.5], ['wage', 0.75], ['freshness', 0.5],
    ]);
    expect(scorePair(welfare, poor, WEIGHTS, now).score).toBe(12.75);
    // The willing one earns targetRegion 2 (the post lies in a region they named) instead: 12.25, half a point lower.
    expect(scorePair(welfare, willing, WEIGHTS, now).reasons.map((r) => r.factor)).not.toContain('publicWelfare');
    expect(scorePair(welfare, willing, WEIGHTS, now).score).toBe(12.25);
    expect(scorePair(welfare, poor, WEIGHTS, now).reasons.find((r) => r.factor === 'publicWelfare')?.detail).toContain('公益性岗位');
  });

  it('adds nothing on other kinds, nor for a worker outside the groups', () => {
    expect(scorePair(factoryJob, poor, WEIGHTS, now).reasons.map((r) => r.factor)).not.toContain('publicWelfare');
    expect(scorePair(post(), plain, WEIGHTS, now).reasons.map((r) => r.factor)).not.toContain('publicWelfare');
  });

  it('keeps a far post in the jobs that can reach its own score for a worker staying home (score-bound.ts)', () => {
    const rng = new Seeded(16);
    for (const km of [5, 40, 120]) {
      const far = post({ location: { regionCode: '440306', ...pointNear(rng, poor.location, km) } });
      const { score } = scorePair(far, poor, WEIGHTS, now);
      expect(scorePair(far, poor, WEIGHTS, now).reasons.map((r) => r.factor)).toContain('publicWelfare');
      expect(matchesFilter(jobsReaching(poor, WEIGHTS, score, now), far)).toBe(true);
    }
  });
});
