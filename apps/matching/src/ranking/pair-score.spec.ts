import { distanceKm } from '@laowu/domain';
import { toJobDocument } from '../indexing/job.document';
import { reachPolygon } from '../indexing/reach-area';
import { toWorkerDocument } from '../indexing/worker.document';
import { jobData, workerData } from '../../test/matching.fixtures';
import { ageValue, scorePair, wageValue } from './pair-score';
import { RANKING } from './ranking.weights';

describe('scorePair (the reasons behind a match score)', () => {
  const now = new Date();

  it('adds the contributions up to the score, each within its weight', () => {
    const job = toJobDocument(jobData({ skills: [{ code: 'welding', minLevel: 2 }], olderWorkerFriendly: true, relocationQuotaPct: 10 }));
    const worker = toWorkerDocument(workerData({ ageYears: 55, skills: [{ code: 'welding', level: 3 }], priorityGroups: ['relocated', 'poverty_alleviated'] }));
    const { score, reasons } = scorePair(job, worker, now);
    expect(score).toBeCloseTo(reasons.reduce((s, r) => s + r.contribution, 0), 3);
    for (const r of reasons) expect(r.contribution).toBeLessThanOrEqual(RANKING.weights[r.factor] + 1e-9);
    expect(reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['skills', 'distance', 'olderFriendly', 'priority', 'relocation']));
  });

  it('never excludes by age: outside the range the age factor halves every five years (十二)', () => {
    expect(ageValue(40, 18, 50)).toBe(1);
    expect(ageValue(55, 18, 50)).toBeCloseTo(0.5);
    expect(ageValue(60, 18, 50)).toBeCloseTo(0.25);
    expect(ageValue(70, undefined, undefined)).toBe(1);
  });

  it('ranks wages against the worker’s minimum, neutral when either is unknown', () => {
    expect(wageValue(undefined, 200)).toBe(RANKING.neutral);
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
