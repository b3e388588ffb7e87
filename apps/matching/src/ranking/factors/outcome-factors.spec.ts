import { rateClasses, type OutcomeCounts } from '../../outcomes/outcome-rates';
import { type JobDocument, toJobDocument } from '../../indexing/job.document';
import { toWorkerDocument } from '../../indexing/worker.document';
import { matchesFilter } from '../job-filter.fixtures';
import { scorePair } from '../pair-score';
import { randomJob, randomWorker, Seeded } from '../random-matching.fixtures';
import { type RankingContext } from '../../outcomes/ranking-context';
import { DEFAULT_WEIGHTS } from '../ranking-weights';
import { jobsForWorkerQuery, openJobFilters, workersForJobQuery } from '../ranking.queries';
import { jobsReaching } from '../score-bound';
import { acceptedHistory } from './accepted-history.factor';
import { agencyOutcomes } from './agency-outcomes.factor';
import { jobOutcomes } from './job-outcomes.factor';

type Json = Record<string, unknown>;
const W = DEFAULT_WEIGHTS.weights;
const OUTCOME_FACTORS = [agencyOutcomes, jobOutcomes, acceptedHistory];
const functionsOf = (query: Json) => (query.function_score as { functions: Json[] }).functions;
/** What the engine adds for a job through these functions: the weights of those whose filter selects it. */
const engineSum = (functions: Json[], job: JobDocument) => functions.filter((f) => !f.filter || matchesFilter(f.filter as Json, job)).reduce((sum, f) => sum + (f.weight as number), 0);
const reasonOf = (job: JobDocument, worker: ReturnType<typeof toWorkerDocument>, context: RankingContext, factor: string) =>
  scorePair(job, worker, W, now, context).reasons.find((r) => r.factor === factor)?.contribution ?? 0;
const now = new Date('2026-12-01T02:00:00Z');
const counts = (id: string, decided: number, accepted: number, acceptedPairs = accepted, arrivedPairs = acceptedPairs): OutcomeCounts => ({ id, decided, accepted, acceptedPairs, arrivedPairs });
const PRIOR = { acceptance: 0.5, arrival: 0.5 };

/** A random context over these jobs: some agencies and jobs with poor or good records, some workers with a history. */
function randomContext(rng: Seeded, jobs: JobDocument[], workerIds: string[]): RankingContext {
  const record = (id: string) => (rng.chance(0.5) ? counts(id, 5 + Math.floor(rng.next() * 40), 0, 0, 0) : counts(id, 5 + Math.floor(rng.next() * 40), 30, 30));
  const agencies = [...new Set(jobs.map((j) => j.agencyId))].filter(() => rng.chance(0.6)).map(record);
  const jobRecords = jobs.filter(() => rng.chance(0.3)).map((j) => record(j.jobId));
  const histories = new Map(
    workerIds.filter(() => rng.chance(0.7)).map((id) => {
      const some = jobs.filter(() => rng.chance(0.05));
      return [id, { kinds: [...new Set(some.map((j) => j.kind))], cityCodes: [...new Set(some.flatMap((j) => (j.cityCode ? [j.cityCode] : [])))] }] as const;
    }),
  );
  return { agencyRates: rateClasses(agencies, PRIOR), jobRates: rateClasses(jobRecords, PRIOR), histories };
}

describe('outcome factors (agency and job records, accepted history)', () => {
  const withAgency = (job: JobDocument, agencyId: string) => ({ ...job, agencyId });

  it('lowers a poorly recorded agency’s job and lifts a well recorded one, and gives a new agency exactly what an agency at the prior gets (nothing)', () => {
    const rng = new Seeded(7);
    const worker = toWorkerDocument(randomWorker(rng));
    const job = toJobDocument(randomJob(rng, now.getTime()));
    // 20 declines: class 0.3; 20 accepted and arrived: class 0.8; 1 decline and 50 at the prior: neutral.
    const agencies = [counts('declines', 20, 0, 0, 0), counts('accepts', 20, 20, 20, 20), counts('one-decline', 1, 0, 0, 0), counts('average', 50, 25, 10, 5)];
    const context: RankingContext = { agencyRates: rateClasses(agencies, PRIOR), jobRates: rateClasses([], PRIOR), histories: new Map() };
    const score = (agencyId: string) => scorePair(withAgency(job, agencyId), worker, W, now, context).score;
    const base = scorePair(job, worker, W, now).score;
    // agencyOutcomes weight 1 × (class − 0.5)
    expect(score('declines')).toBeCloseTo(base - 0.2, 4);
    expect(score('accepts')).toBeCloseTo(base + 0.3, 4);
    expect([score('new-agency'), score('one-decline'), score('average')]).toEqual([base, base, base]);
    expect(reasonOf(withAgency(job, 'declines'), worker, context, 'agencyOutcomes')).toBe(-0.2);
    expect(scorePair(withAgency(job, 'declines'), worker, W, now, context).reasons.find((r) => r.factor === 'agencyOutcomes')?.detail).toMatch(/派工接受率 \d+%，到岗率 \d+%/);
    expect(scorePair(withAgency(job, 'new-agency'), worker, W, now, context).reasons.map((r) => r.factor)).not.toContain('agencyOutcomes');
  });

  it('scores in the engine as the reasons do, plus one constant per factor for every job (the order is the same)', () => {
    const rng = new Seeded(11);
    for (let w = 0; w < 30; w++) {
      const worker = toWorkerDocument(randomWorker(rng));
      const jobs = Array.from({ length: 40 }, () => toJobDocument(randomJob(rng, now.getTime())));
      const context = randomContext(rng, jobs, [worker.workerId]);
      const functions = OUTCOME_FACTORS.flatMap((f) => f.jobFunctions(worker, now, W[f.name], context));
      // and the query carries them
      const inQuery = functionsOf(jobsForWorkerQuery(worker, W, now, [], context)).map((f) => JSON.stringify(f));
      expect(functions.every((f) => inQuery.includes(JSON.stringify(f)))).toBe(true);
      const gap = (job: JobDocument) => engineSum(functions, job) - ['agencyOutcomes', 'jobOutcomes', 'acceptedHistory'].reduce((sum, f) => sum + reasonOf(job, worker, context, f), 0);
      // A job with no record anywhere (new agency, new job) shows the constant: what the engine adds beyond the reasons.
      const constant = gap({ ...jobs[0], jobId: 'no-record', agencyId: 'new-agency', kind: 'workshop', cityCode: undefined });
      for (const job of jobs) expect(gap(job)).toBeCloseTo(constant, 6);
      expect(constant).toBeGreaterThanOrEqual(0);
    }
  });

  it('keeps the accepted history out of candidates-for-job: no function there and no reason without the worker’s history', () => {
    const rng = new Seeded(13);
    const worker = toWorkerDocument(randomWorker(rng));
    const job = toJobDocument(randomJob(rng, now.getTime()));
    const history = new Map([[worker.workerId, { kinds: [job.kind], cityCodes: [job.cityCode!] }]]);
    const withHistory: RankingContext = { agencyRates: rateClasses([], PRIOR), jobRates: rateClasses([], PRIOR), histories: history };
    expect(reasonOf(job, worker, withHistory, 'acceptedHistory')).toBe(1);
    expect(reasonOf({ ...job, cityCode: 'elsewhere' }, worker, withHistory, 'acceptedHistory')).toBe(0.5);
    expect(reasonOf(job, worker, { ...withHistory, histories: new Map() }, 'acceptedHistory')).toBe(0);
    expect(JSON.stringify(workersForJobQuery(job, W, now, [], withHistory))).not.toContain('cityCode');
  });

  it('keeps every job that can reach a threshold in the score bound, with random records and histories', () => {
    const rng = new Seeded(20261206);
    let checked = 0;
    for (let w = 0; w < 80; w++) {
      const worker = toWorkerDocument(randomWorker(rng));
      const jobs = Array.from({ length: 60 }, () => toJobDocument(randomJob(rng, now.getTime()))).filter((job) =>
        openJobFilters(worker.kinds, now).every((f) => matchesFilter(f, job)),
      );
      const context = randomContext(rng, jobs, [worker.workerId]);
      const scores = jobs.map((job) => scorePair(job, worker, W, now, context).score);
      for (const threshold of scores.filter(() => rng.chance(0.1))) {
        const filter = jobsReaching(worker, W, threshold, now, context);
        jobs.forEach((job, i) => {
          if (scores[i] >= threshold && !matchesFilter(filter, job)) throw new Error(`left out job ${job.jobId} scoring ${scores[i]} ≥ ${threshold}`);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(2_000);
  });
});
