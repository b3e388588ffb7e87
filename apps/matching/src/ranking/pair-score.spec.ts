import { distanceKm } from '@laowu/domain';
import { toJobDocument } from '../indexing/job.document';
import { reachPolygon } from '../indexing/reach-area';
import { jobData, workerData } from '@laowu/testkit';
import { toWorkerDocument } from '../indexing/worker.document';
import { ageValue } from './factors/age.factor';
import { wageValue } from './factors/wage.factor';
import { scorePair } from './pair-score';

describe('scorePair (the reasons behind a match score)', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const here = { regionCode: '440306', lat: 22.55, lon: 113.88 };

  it('scores a pair factor by factor as the weights say, worked out by hand', () => {
    const job = toJobDocument(jobData({ skills: [{ code: 'welding', minLevel: 2 }], olderWorkerFriendly: true, relocationQuotaPct: 10, location: here, postedAt: now.toISOString() }));
    const worker = toWorkerDocument(
      workerData({ ageYears: 55, skills: [{ code: 'welding', level: 3 }], priorityGroups: ['relocated', 'poverty_alleviated'], location: { lat: here.lat, lon: here.lon } }),
    );
    const { score, reasons } = scorePair(job, worker, now);
    // Each weight × value: skills 3 × 1/1, distance 3 × 1 (same point), age 1 × 1 (no range), older-friendly 1 (55 ≥ 50),
    // priority 1, relocation 1 (quota 10 %), wage 1.5 × 0.5 (no minimum: neutral), freshness 0.5 × 1 (posted now).
    expect(reasons.map((r) => [r.factor, r.contribution])).toEqual([
      ['skills', 3], ['distance', 3], ['age', 1], ['olderFriendly', 1], ['priority', 1], ['relocation', 1], ['wage', 0.75], ['freshness', 0.5],
    ]);
    expect(score).toBe(11.25);
  });

  it('scores partial fits as the weights say, worked out by hand', () => {
    const fortnightAgo = new Date(now.getTime() - 14 * 86_400_000).toISOString();
    const job = toJobDocument(
      jobData({ skills: [{ code: 'welding', minLevel: 2 }, { code: 'carpentry', minLevel: 1 }], ageRange: { min: 18, max: 50 }, location: here, postedAt: fortnightAgo }),
    );
    const worker = toWorkerDocument(workerData({ ageYears: 55, skills: [{ code: 'welding', level: 3 }], location: { lat: here.lat, lon: here.lon } }, { minWage: { amount: 200, unit: 'day' } }));
    const { score, reasons } = scorePair(job, worker, now);
    // skills 3 × 1/2; distance 3; age 1 × 0.5 (five years past 50: one half-life); wage 1.5 × (240/200 − 0.8)/0.6 = 1;
    // freshness 0.5 × 0.5 (posted 14 days ago: one scale).
    expect(reasons.map((r) => [r.factor, r.contribution])).toEqual([['skills', 1.5], ['distance', 3], ['age', 0.5], ['wage', 1], ['freshness', 0.25]]);
    expect(score).toBe(6.25);
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
    const willing = scorePair(job, toWorkerDocument(workerData(home, { willingToMigrate: true })), now).reasons.map((r) => r.factor);
    const unwilling = scorePair(job, toWorkerDocument(workerData(home, { willingToMigrate: false })), now).reasons.map((r) => r.factor);
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
