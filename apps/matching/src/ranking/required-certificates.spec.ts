import { type JobChangedData, type WorkerChangedData } from '@laowu/contracts';
import { jobData, workerData } from '@laowu/testkit';
import { type JobDocument, toJobDocument, UNREGISTERED_CERTIFICATE } from '../indexing/job.document';
import { toWorkerDocument, type WorkerDocument } from '../indexing/worker.document';
import { matchesFilter } from './job-filter.fixtures';
import { passesPairRules } from './pair-score';
import { randomJob, randomWorker, Seeded } from './random-matching.fixtures';
import { jobsForWorkerQuery, poolFilters, workersForJobQuery } from './ranking.queries';
import { chinaDate, holdsRequiredCertificates } from './required-certificates';
import { jobsReaching } from './score-bound';
import { DEFAULT_WEIGHTS } from './ranking-weights';

const WEIGHTS = DEFAULT_WEIGHTS.weights;

type Json = Record<string, unknown>;

const hardFilters = (query: Json): Json[] => ((query.function_score as Json).query as { bool: { filter: Json[] } }).bool.filter;
const selects = (query: Json, doc: JobDocument | WorkerDocument) => hardFilters(query).every((filter) => matchesFilter(filter, doc));

describe('required certificates (十): a hard filter, a certificate counting through its validUntil day', () => {
  // 2026-12-01 10:00 in China; 2026-11-30 in UTC until 16:00 UTC that day.
  const now = new Date('2026-12-01T02:00:00Z');
  const job = (overrides: Partial<JobChangedData> = {}) => toJobDocument(jobData({ postedAt: now.toISOString(), ...overrides }));
  const worker = (certificates: WorkerChangedData['certificates']) => toWorkerDocument(workerData({ certificates }));
  const welding = job({ requiredCertificates: ['welder-cert'] });
  const weldingAndForklift = job({ requiredCertificates: ['welder-cert', 'forklift-license'] });
  const plainJob = job();

  const valid = worker([{ code: 'welder-cert', level: 1, validUntil: '2029-06-30' }]);
  const noEnd = worker([{ code: 'welder-cert', level: 1 }]);
  const endsToday = worker([{ code: 'welder-cert', level: 1, validUntil: '2026-12-01' }]);
  const expiredYesterday = worker([{ code: 'welder-cert', level: 1, validUntil: '2026-11-30' }]);
  const uncertified = worker([]);
  const otherCertificate = worker([{ code: 'electrician-cert', level: 1, validUntil: '2029-06-30' }]);
  const renewed = worker([{ code: 'welder-cert', level: 1, validUntil: '2020-01-01' }, { code: 'welder-cert', level: 1, validUntil: '2032-01-01' }]);
  const both = worker([{ code: 'welder-cert', level: 1 }, { code: 'forklift-license', level: 1, validUntil: '2027-01-01' }]);
  const workers = { valid, noEnd, endsToday, expiredYesterday, uncertified, otherCertificate, renewed, both };
  const named = (keep: (w: WorkerDocument) => boolean) => Object.entries(workers).filter(([, w]) => keep(w)).map(([name]) => name);

  it('reads today in China time', () => {
    expect(chinaDate(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(chinaDate(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
  });

  it('counts a certificate without an end, or valid through today; not an expired one, another one or none', () => {
    expect(named((w) => holdsRequiredCertificates(welding, w, now))).toEqual(['valid', 'noEnd', 'endsToday', 'renewed', 'both']);
    expect(named((w) => holdsRequiredCertificates(weldingAndForklift, w, now))).toEqual(['both']);
    expect(named((w) => holdsRequiredCertificates(plainJob, w, now))).toEqual(Object.keys(workers));
    // The day after its validUntil (China time), the certificate no longer counts.
    expect(holdsRequiredCertificates(welding, endsToday, new Date('2026-12-01T15:59:00Z'))).toBe(true);
    expect(holdsRequiredCertificates(welding, endsToday, new Date('2026-12-01T16:00:00Z'))).toBe(false);
  });

  it('filters a job’s workers in the engine query the same way: candidates and every push pool built on it', () => {
    expect(named((w) => selects(workersForJobQuery(welding, WEIGHTS, now), w))).toEqual(['valid', 'noEnd', 'endsToday', 'renewed', 'both']);
    expect(named((w) => selects(workersForJobQuery(weldingAndForklift, WEIGHTS, now), w))).toEqual(['both']);
    expect(named((w) => selects(workersForJobQuery(plainJob, WEIGHTS, now), w))).toEqual(Object.keys(workers));
    // A cross-region push recruiting from the workers' home: willing workers from there, still only the certified ones.
    const recruiting = job({ requiredCertificates: ['welder-cert'], crossRegion: { sourceRegionCodes: ['440300'] } });
    const willing = (certificates: WorkerChangedData['certificates']) => toWorkerDocument(workerData({ certificates }, { willingToMigrate: true }));
    const pushed = (w: WorkerDocument) => selects(workersForJobQuery(recruiting, WEIGHTS, now, poolFilters('crossRegion', recruiting)), w);
    expect(pushed(willing([{ code: 'welder-cert', level: 1, validUntil: '2029-06-30' }]))).toBe(true);
    expect(pushed(willing([{ code: 'welder-cert', level: 1, validUntil: '2026-11-30' }]))).toBe(false);
    expect(pushed(willing([]))).toBe(false);
  });

  it('filters a worker’s jobs in the engine query the same way (matches and worker-available pushes)', () => {
    const jobs = { welding, weldingAndForklift, plainJob };
    const offered = (w: WorkerDocument) => Object.entries(jobs).filter(([, j]) => selects(jobsForWorkerQuery(w, WEIGHTS, now), j)).map(([name]) => name);
    expect(offered(valid)).toEqual(['welding', 'plainJob']);
    expect(offered(expiredYesterday)).toEqual(['plainJob']);
    expect(offered(uncertified)).toEqual(['plainJob']);
    expect(offered(both)).toEqual(['welding', 'weldingAndForklift', 'plainJob']);
  });

  it('lets nobody fill a job requiring a certificate outside the registry', () => {
    const unregistered = job({ requiredCertificates: ['welder-cert', 'made-up-cert'] });
    expect(unregistered.requiredCertificates).toEqual(['welder-cert', UNREGISTERED_CERTIFICATE]);
    const holder = worker([{ code: 'welder-cert', level: 1 }, { code: 'made-up-cert', level: 1 }]);
    expect(holdsRequiredCertificates(unregistered, holder, now)).toBe(false);
    expect(selects(workersForJobQuery(unregistered, WEIGHTS, now), holder)).toBe(false);
    expect(selects(jobsForWorkerQuery(holder, WEIGHTS, now), unregistered)).toBe(false);
  });

  it('agrees with passesPairRules in both directions and in the score-bound tiers, for random pairs', () => {
    const rng = new Seeded(1017);
    const at = Date.now();
    const jobs = Array.from({ length: 200 }, () => toJobDocument(randomJob(rng, at)));
    const randomWorkers = Array.from({ length: 120 }, () => toWorkerDocument(randomWorker(rng)));
    const when = new Date(at);
    let required = 0;
    let refused = 0;
    for (const w of randomWorkers) {
      const jobsQuery = jobsForWorkerQuery(w, WEIGHTS, when);
      const reaching = jobsForWorkerQuery(w, WEIGHTS, when, [jobsReaching(w, WEIGHTS, 0, when)]);
      for (const j of jobs) {
        const allowed = passesPairRules(j, w, when);
        const open = selects(jobsForWorkerQuery({ ...w, certificateValidity: [], priorityGroups: ['poverty_alleviated'] }, WEIGHTS, when), { ...j, requiredCertificates: [] });
        if (j.requiredCertificates.length) required++;
        if (j.requiredCertificates.length && !holdsRequiredCertificates(j, w, when)) refused++;
        // Among the jobs open to the worker (kind, status, dates), the engine query keeps exactly the allowed pairs.
        if (open) expect([j.jobId, w.workerId, selects(jobsQuery, j)]).toEqual([j.jobId, w.workerId, allowed]);
        if (open) expect(selects(reaching, j)).toBe(allowed);
        if (w.available && w.kinds.includes(j.kind)) expect([j.jobId, w.workerId, selects(workersForJobQuery(j, WEIGHTS, when), w)]).toEqual([j.jobId, w.workerId, allowed]);
      }
    }
    // Not vacuous: many pairs with a required certificate, some refused and some let through.
    expect(required).toBeGreaterThan(2_000);
    expect(refused).toBeGreaterThan(500);
    expect(refused).toBeLessThan(required);
  });
});
