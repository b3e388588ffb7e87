import { distanceKm } from '@laowu/domain';
import { type JobDocument, toJobDocument } from '../indexing/job.document';
import { toWorkerDocument, type WorkerDocument } from '../indexing/worker.document';
import { jobData, workerData } from '@laowu/testkit';
import { commuteScaleKm } from './factors/distance.factor';
import { matchesFilter } from './job-filter.fixtures';
import { scorePair } from './pair-score';
import { pointNear, randomJob, randomWorker, Seeded } from './random-matching.fixtures';
import { openJobFilters } from './ranking.queries';
import { jobsReaching } from './score-bound';
import { DEFAULT_WEIGHTS } from './ranking-weights';

const WEIGHTS = DEFAULT_WEIGHTS.weights;

type Json = Record<string, unknown>;

const leaves = (query: Json): number =>
  'bool' in query
    ? Object.values(query.bool as Record<string, unknown>)
        .flatMap((x) => (Array.isArray(x) ? x : typeof x === 'object' ? [x] : []))
        .reduce((n: number, x) => n + leaves(x as Json), 0)
    : 1;

describe('jobsReaching (the jobs that can still score a threshold)', () => {
  const now = new Date('2026-12-01T02:00:00Z');

  /** Jobs around the worker: some at the exact band edges (1 and 3 commute scales), where rounding would bite. */
  function jobsAround(rng: Seeded, worker: WorkerDocument, count: number): JobDocument[] {
    const scale = commuteScaleKm(worker);
    return Array.from({ length: count }, (_, i) => {
      const job = toJobDocument(randomJob(rng, now.getTime()));
      const km = i % 3 === 0 ? rng.pick([scale, 3 * scale]) * (1 + (rng.next() - 0.5) * 1e-6) : rng.next() * 6 * scale;
      return i % 2 === 0 ? { ...job, location: pointNear(rng, worker.location, km) } : job;
    }).filter((job) => openJobFilters(worker.kinds, now).every((f) => matchesFilter(f, job)));
  }

  it('leaves out only jobs scoring below the threshold, for random workers, jobs and thresholds', () => {
    const rng = new Seeded(20261201);
    let checked = 0;
    let prunedFarBelow = 0;
    let farBelow = 0;
    for (let w = 0; w < 150; w++) {
      const worker = toWorkerDocument(randomWorker(rng));
      const jobs = jobsAround(rng, worker, 60);
      const scores = jobs.map((job) => scorePair(job, worker, WEIGHTS, now).score);
      const thresholds = [...scores.filter(() => rng.chance(0.08)), ...scores.filter(() => rng.chance(0.05)).map((s) => s - rng.next())];
      for (const threshold of thresholds) {
        const filter = jobsReaching(worker, WEIGHTS, threshold, now);
        jobs.forEach((job, i) => {
          const kept = matchesFilter(filter, job);
          if (scores[i] >= threshold && !kept) throw new Error(`left out job ${job.jobId} scoring ${scores[i]} ≥ ${threshold} for worker ${worker.workerId}`);
          if (scores[i] < threshold - 1) {
            farBelow++;
            if (!kept) prunedFarBelow++;
          }
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(20_000);
    // Not vacuous: most jobs a full point below the threshold are left out.
    expect(prunedFarBelow / farBelow).toBeGreaterThan(0.6);
  });

  it('leaves out only jobs scoring below the threshold under random runtime weights too (some factors off)', () => {
    const rng = new Seeded(18_4);
    let checked = 0;
    for (let w = 0; w < 80; w++) {
      const weights = Object.fromEntries(Object.keys(WEIGHTS).map((name) => [name, rng.chance(0.25) ? 0 : Math.round(rng.next() * 600) / 100])) as typeof WEIGHTS;
      const worker = toWorkerDocument(randomWorker(rng));
      const jobs = jobsAround(rng, worker, 40);
      const scores = jobs.map((job) => scorePair(job, worker, weights, now).score);
      for (const threshold of scores.filter(() => rng.chance(0.15))) {
        const filter = jobsReaching(worker, weights, threshold, now);
        jobs.forEach((job, i) => {
          if (scores[i] >= threshold && !matchesFilter(filter, job)) throw new Error(`left out job ${job.jobId} scoring ${scores[i]} ≥ ${threshold} under ${JSON.stringify(weights)}`);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(2_000);
  });

  it('keeps a job exactly at the threshold (ties are ordered by job id, so they must be ranked)', () => {
    const worker = toWorkerDocument(workerData({ skills: [{ code: 'welding', level: 2 }] }, { minWage: { amount: 200, unit: 'day' } }));
    const job = toJobDocument(jobData({ skills: [{ code: 'welding', minLevel: 2 }], location: { regionCode: '440306', ...pointNear(new Seeded(1), worker.location, 45) } }));
    const { score } = scorePair(job, worker, WEIGHTS, now);
    expect(matchesFilter(jobsReaching(worker, WEIGHTS, score, now), job)).toBe(true);
  });

  it('keeps far-away jobs that recruit from a willing worker’s home, and drops far untargeted ones', () => {
    const worker = toWorkerDocument(
      workerData({ homeRegionCode: '513401', residenceRegionCode: '513401', location: { lat: 27.89, lon: 102.26 } }, { willingToMigrate: true, maxCommuteKm: 20 }),
    );
    const recruiting = toJobDocument(jobData({ location: { regionCode: '330106', lat: 30.27, lon: 120.15 }, crossRegion: { sourceRegionCodes: ['510000'] } }));
    const untargeted = toJobDocument(jobData({ location: { regionCode: '330106', lat: 30.27, lon: 120.15 } }));
    const threshold = scorePair(recruiting, worker, WEIGHTS, now).score;
    expect(distanceKm(worker.location, recruiting.location)).toBeGreaterThan(1000);
    expect(matchesFilter(jobsReaching(worker, WEIGHTS, threshold, now), recruiting)).toBe(true);
    expect(matchesFilter(jobsReaching(worker, WEIGHTS, threshold, now), untargeted)).toBe(false);
  });

  it('stays a query the engine takes: at most 120 leaf clauses whatever the worker and threshold', () => {
    const rng = new Seeded(7);
    for (let i = 0; i < 300; i++) {
      const worker = toWorkerDocument(randomWorker(rng));
      expect(leaves(jobsReaching(worker, WEIGHTS, rng.next() * 14, now))).toBeLessThanOrEqual(120);
    }
  });
});
