import { jobData, workerData } from '@laowu/testkit';
import { toJobDocument } from '../../indexing/job.document';
import { toWorkerDocument } from '../../indexing/worker.document';
import { DEFAULT_WEIGHTS, type RankingWeights } from '../ranking-weights';
import { matchesFilter } from '../job-filter.fixtures';
import { scorePair } from '../pair-score';
import { jobsForWorkerQuery, workersForJobQuery } from '../ranking.queries';
import { jobsReaching } from '../score-bound';
import { laborBrand } from './labor-brand.factor';

type Json = Record<string, unknown>;
const functionsOf = (query: Json) => (query.function_score as { functions: Json[] }).functions;
/** What the engine's functions add for this document: the weights of those whose filter selects it (or with none). */
const engineSum = (query: Json, doc: Parameters<typeof matchesFilter>[1]) =>
  functionsOf(query)
    .filter((f) => (f.filter as Json | undefined)?.term && JSON.stringify(f.filter).includes('laborBrand'))
    .filter((f) => matchesFilter(f.filter as Json, doc))
    .reduce((sum, f) => sum + (f.weight as number), 0);

describe('laborBrand factor (劳务品牌, 四)', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const here = { regionCode: '440306', lat: 22.55, lon: 113.88 };
  const job = (brand?: string) => toJobDocument(jobData({ location: here, postedAt: now.toISOString(), ...(brand ? { laborBrand: brand } : {}) }));
  const worker = (brand?: string) => toWorkerDocument(workerData({ location: { lat: here.lat, lon: here.lon }, ...(brand ? { laborBrand: brand } : {}) }));
  const W = DEFAULT_WEIGHTS.weights;
  const withBrandWeight = (weight: number): RankingWeights => ({ ...W, laborBrand: weight });

  it('adds its weight (1 by default) with a reason when the worker’s brand is the job’s, nothing otherwise', () => {
    const same = scorePair(job('chuan-mei-zi'), worker('chuan-mei-zi'), W, now);
    // skills 3 × 0.5 (none required), distance 4 (same point), age 2, laborBrand 1, wage 1.5 × 0.5, freshness 0.5: 9.75.
    expect(same.reasons.map((r) => [r.factor, r.contribution])).toEqual([
      ['skills', 1.5], ['distance', 4], ['age', 2], ['laborBrand', 1], ['wage', 0.75], ['freshness', 0.5],
    ]);
    expect(same.score).toBe(9.75);
    expect(same.reasons.find((r) => r.factor === 'laborBrand')?.detail).toContain('川妹子');
    for (const [j, w] of [[job('chuan-mei-zi'), worker('liangshan-jiangong')], [job(), worker('chuan-mei-zi')], [job('chuan-mei-zi'), worker()], [job(), worker()]] as const) {
      expect(scorePair(j, w, W, now).reasons.map((r) => r.factor)).not.toContain('laborBrand');
      expect(scorePair(j, w, W, now).score).toBe(8.75);
    }
  });

  it('gives the engine the same bonus in both directions', () => {
    const theirs = worker('chuan-mei-zi');
    expect(engineSum(jobsForWorkerQuery(theirs, W, now), job('chuan-mei-zi'))).toBe(1);
    expect(engineSum(jobsForWorkerQuery(theirs, W, now), job('liangshan-jiangong'))).toBe(0);
    expect(engineSum(jobsForWorkerQuery(worker(), W, now), job('chuan-mei-zi'))).toBe(0);
    expect(engineSum(workersForJobQuery(job('chuan-mei-zi'), W, now), theirs)).toBe(1);
    expect(engineSum(workersForJobQuery(job('chuan-mei-zi'), W, now), worker('liangshan-jiangong'))).toBe(0);
    expect(engineSum(workersForJobQuery(job(), W, now), theirs)).toBe(0);
  });

  it('takes its weight from the weights it is given (default 1); 0 turns it off everywhere', () => {
    expect(laborBrand.defaultWeight).toBe(1);
    const heavier = withBrandWeight(2.5);
    expect(scorePair(job('chuan-mei-zi'), worker('chuan-mei-zi'), heavier, now).reasons.find((r) => r.factor === 'laborBrand')?.contribution).toBe(2.5);
    expect(engineSum(workersForJobQuery(job('chuan-mei-zi'), heavier, now), worker('chuan-mei-zi'))).toBe(2.5);
    expect(engineSum(jobsForWorkerQuery(worker('chuan-mei-zi'), heavier, now), job('chuan-mei-zi'))).toBe(2.5);
    const off = withBrandWeight(0);
    expect(scorePair(job('chuan-mei-zi'), worker('chuan-mei-zi'), off, now).score).toBe(8.75);
    expect(functionsOf(workersForJobQuery(job('chuan-mei-zi'), off, now)).filter((f) => JSON.stringify(f).includes('laborBrand'))).toEqual([]);
    expect(functionsOf(jobsForWorkerQuery(worker('chuan-mei-zi'), off, now)).filter((f) => JSON.stringify(f).includes('laborBrand'))).toEqual([]);
    // The same call with the defaults is unchanged: nothing is left behind by another call's weights.
    expect(scorePair(job('chuan-mei-zi'), worker('chuan-mei-zi'), W, now).score).toBe(9.75);
  });

  it('keeps a brand job that reaches a threshold only through the brand bonus in the score bound', () => {
    const theirs = worker('chuan-mei-zi');
    const branded = job('chuan-mei-zi');
    const threshold = scorePair(branded, theirs, W, now).score;
    expect(matchesFilter(jobsReaching(theirs, W, threshold, now), branded)).toBe(true);
    // The same job of another brand scores 1 lower: below the threshold, and left out.
    expect(matchesFilter(jobsReaching(theirs, W, threshold, now), job('liangshan-jiangong'))).toBe(false);
  });
});
