import { distanceKm } from '@laowu/domain';
import { toJobDocument } from '../indexing/job.document';
import { reachPolygon } from '../indexing/reach-area';
import { jobData, workerData } from '@laowu/testkit';
import { toWorkerDocument } from '../indexing/worker.document';
import { ageValue } from './factors/age.factor';
import { wageValue } from './factors/wage.factor';
import { scorePair } from './pair-score';
import { DEFAULT_WEIGHTS } from './ranking-weights';

const WEIGHTS = DEFAULT_WEIGHTS.weights;

describe('scorePair (the reasons behind a match score)', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const here = { regionCode: '440306', lat: 22.55, lon: 113.88 };

  it('scores a pair factor by factor as the weights say, worked out by hand', () => {
    const job = toJobDocument(jobData({ skills: [{ code: 'welding', minLevel: 2 }], olderWorkerFriendly: true, relocationQuotaPct: 10, location: here, postedAt: now.toISOString() }));
    const worker = toWorkerDocument(
      workerData({ ageYears: 55, skills: [{ code: 'welding', level: 3 }], priorityGroups: ['relocated', 'poverty_alleviated'], location: { lat: here.lat, lon: here.lon } }),
    );
    const { score, reasons } = scorePair(job, worker, WEIGHTS, now);
    // Each weight × value: skills 3 × 1/1, distance 4 × 1 (same point), age 2 × 1 (no range), older-friendly 1 (55 ≥ 50),
    // priority 1, relocation 1 (quota 10 %), wage 1.5 × 0.5 (no minimum: neutral), freshness 0.5 × 1 (posted now).
    expect(reasons.map((r) => [r.factor, r.contribution])).toEqual([
      ['skills', 3], ['distance', 4], ['age', 2], ['olderFriendly', 1], ['priority', 1], ['relocation', 1], ['wage', 0.75], ['freshness', 0.5],
    ]);
    expect(score).toBe(13.25);
  });

  it('scores partial fits as the weights say, worked out by hand', () => {
    const fortnightAgo = new Date(now.getTime() - 14 * 86_400_000).toISOString();
    const job = toJobDocument(
      jobData({ skills: [{ code: 'welding', minLevel: 2 }, { code: 'carpentry', minLevel: 1 }], ageRange: { min: 18, max: 50 }, location: here, postedAt: fortnightAgo }),
    );
    const worker = toWorkerDocument(workerData({ ageYears: 55, skills: [{ code: 'welding', level: 3 }], location: { lat: here.lat, lon: here.lon } }, { minWage: { amount: 200, unit: 'day' } }));
    const { score, reasons } = scorePair(job, worker, WEIGHTS, now);
    // skills 3 × 1/2; distance 4; age 2 × 0.5 (five years past 50: one half-life); wage 1.5 × (240/200 − 0.8)/0.6 = 1;
    // freshness 0.5 × 0.5 (posted 14 days ago: one scale).
    expect(reasons.map((r) => [r.factor, r.contribution])).toEqual([['skills', 1.5], ['distance', 4], ['age', 1], ['wage', 1], ['freshness', 0.25]]);
    expect(score).toBe(7.75);
  });

  it('counts a required skill held at a lower level as half met, one not held at all as nothing', () => {
    const job = toJobDocument(jobData({ skills: [{ code: 'sewing-machine', minLevel: 3 }, { code: 'packing', minLevel: 1 }], location: here, postedAt: now.toISOString() }));
    const skillsOf = (skills: { code: string; level: number }[]) =>
      scorePair(job, toWorkerDocument(workerData({ skills, location: { lat: here.lat, lon: here.lon } })), WEIGHTS, now).reasons.find((r) => r.factor === 'skills');
    // sewing 3 and packing: 2/2 → 3; sewing 2 and packing: (0.5 + 1)/2 → 2.25; sewing 1 only: 0.5/2 → 0.75; welding only: nothing.
    expect(skillsOf([{ code: 'sewing-machine', level: 3 }, { code: 'packing', level: 1 }])?.contribution).toBe(3);
    expect(skillsOf([{ code: 'sewing-machine', level: 2 }, { code: 'packing', level: 1 }])).toEqual({ factor: 'skills', contribution: 2.25, detail: '技能符合 1/2，1 项等级不足' });
    expect(skillsOf([{ code: 'sewing-machine', level: 1 }])?.contribution).toBe(0.75);
    expect(skillsOf([{ code: 'welding', level: 4 }])).toBeUndefined();
  });

  it('keeps half the distance weight on a far job other than a gig for a worker willing to migrate; a far gig gets none, whoever the worker', () => {
    const farAway = { regionCode: '330106', lat: 30.27, lon: 120.15 }; // 杭州, some 1,000 km from the workers below
    const home = { homeRegionCode: '440306', residenceRegionCode: '440306', location: { lat: here.lat, lon: here.lon } };
    const distanceOf = (kind: 'fulltime' | 'gig', willingToMigrate: boolean) =>
      scorePair(toJobDocument(jobData({ kind, location: farAway })), toWorkerDocument(workerData(home, { willingToMigrate })), WEIGHTS, now).reasons.find((r) => r.factor === 'distance')?.contribution;
    expect(distanceOf('fulltime', true)).toBe(2); // distance 4 × 0.5: they would move for it
    expect(distanceOf('gig', true)).toBeUndefined(); // 4 × 0.5^((1000/30)²): nothing
    expect(distanceOf('fulltime', false)).toBeUndefined();
  });

  it('never excludes by age: outside the range the age factor halves every five years (十二)', () => {
    expect(ageValue(40, 18, 50)).toBe(1);
    expect(ageValue(55, 18, 50)).toBeCloseTo(0.5);
    expect(ageValue(60, 18, 50)).toBeCloseTo(0.25);
    expect(ageValue(70, undefined, undefined)).toBe(1);
  });

  it('ranks wages against the worker’s minimum, neutral when either is unknown', () => {
    expect(wageValue(undefined, 200)).toBe(0.5);
    expect(wageValue(160, 200)).toBe(0);
    expect(wageValue(280, 200)).toBeCloseTo(1);
    expect(wageValue(400, 200)).toBe(1);
    expect(wageValue(220, 200)).toBeCloseTo(0.5);
  });

  it('boosts a job recruiting from a willing worker’s home, more for an east-west pair, nothing for an unwilling one', () => {
    const job = toJobDocument(jobData({ location: { regionCode: '330106', lat: 30.27, lon: 120.15 }, crossRegion: { sourceRegionCodes: ['510000'] } }));
    const home = { homeRegionCode: '513401', residenceRegionCode: '513401', location: { lat: 27.89, lon: 102.26 } };
    const willing = scorePair(job, toWorkerDocument(workerData(home, { willingToMigrate: true })), WEIGHTS, now).reasons.map((r) => r.factor);
    const unwilling = scorePair(job, toWorkerDocument(workerData(home, { willingToMigrate: false })), WEIGHTS, now).reasons.map((r) => r.factor);
    expect(willing).toEqual(expect.arrayContaining(['crossRegion', 'eastWest']));
    expect(unwilling).not.toContain('crossRegion');
  });
});

describe('reachPolygon', () => {
  it('is a closed 24-gon whose vertices lie at the commute radius', () => {
    const polygon = reachPolygon(22.55, 113.88, 30);
    const ring = polygon.coordinates[0];
    expect(ring).toHaveLength(25);
    expect(ring[0]).toEqual(ring[24]);
    for (const [lon, lat] of ring) expect(distanceKm({ lat: 22.55, lon: 113.88 }, { lat, lon })).toBeCloseTo(30, 0);
  });
});
