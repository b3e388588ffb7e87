import { type JobDocument } from '../../indexing/job.document';
import { type WorkerDocument } from '../../indexing/worker.document';
import { contribution, has, type Json, NEUTRAL, not, type RankingFactor } from './factor';

/** Wage ratio (job max ÷ worker min) giving value 0, and the span over which it reaches 1. */
export const WAGE_RATIO_FLOOR = 0.8;
export const WAGE_RATIO_SPAN = 0.6;
/** The engine's float wages differ from the reasons' doubles in the last digits. */
const WAGE_MARGIN = 1e-6;

export function wageValue(jobMaxPerDay: number | undefined, workerMinPerDay: number | undefined): number {
  if (jobMaxPerDay === undefined || workerMinPerDay === undefined) return NEUTRAL;
  if (workerMinPerDay <= 0) return 1;
  const ratio = jobMaxPerDay / workerMinPerDay;
  return Math.min(1, Math.max(0, (ratio - WAGE_RATIO_FLOOR) / WAGE_RATIO_SPAN));
}

function wageDetail(job: JobDocument, worker: WorkerDocument): string {
  if (job.wagePerDayMax === undefined) return '计件工资，无法折算日薪';
  const pay = `日薪约 ${Math.round(job.wagePerDayMin ?? job.wagePerDayMax)}–${Math.round(job.wagePerDayMax)} 元`;
  return worker.minWagePerDay === undefined ? pay : `${pay}（期望不低于 ${Math.round(worker.minWagePerDay)} 元）`;
}

/**
 * wageValue as functions: neutral without a known wage or minimum; over a positive minimum, 0 up
 * to floor × minimum, then linear (a linear decay reaching 0.5 at half the span) up to 1 at
 * (floor + span) × minimum.
 */
function jobFunctions(worker: WorkerDocument, _now: Date, weight: number): Json[] {
  const min = worker.minWagePerDay;
  const neutral = weight * NEUTRAL;
  if (min === undefined) return [{ weight: neutral }];
  const unknown = { filter: not(has('wagePerDayMax')), weight: neutral };
  if (min <= 0) return [unknown, { filter: has('wagePerDayMax'), weight }];
  const full = min * (WAGE_RATIO_FLOOR + WAGE_RATIO_SPAN);
  return [
    unknown,
    { filter: { range: { wagePerDayMax: { gte: full } } }, weight },
    {
      filter: { range: { wagePerDayMax: { gte: min * WAGE_RATIO_FLOOR, lt: full } } },
      linear: { wagePerDayMax: { origin: full, scale: (min * WAGE_RATIO_SPAN) / 2, decay: 0.5 } },
      weight,
    },
  ];
}

function workerFunctions(job: JobDocument, _now: Date, weight: number): Json[] {
  if (job.wagePerDayMax === undefined) return [{ weight: weight * NEUTRAL }];
  const source = `
  if (doc['minWagePerDay'].size() == 0) return params.neutral;
  if (doc['minWagePerDay'].value == 0) return 1.0;
  double ratio = params.jobMax / doc['minWagePerDay'].value;
  return Math.min(1.0, Math.max(0.0, (ratio - params.floor) / params.span));`;
  const params = { jobMax: job.wagePerDayMax, neutral: NEUTRAL, floor: WAGE_RATIO_FLOOR, span: WAGE_RATIO_SPAN };
  return [{ script_score: { script: { source, params } }, weight }];
}

/** Jobs paying enough to lose at most `loss` of `weight`: above a cut between floor × minimum and (floor + span) × minimum. */
function within(weight: number, worker: WorkerDocument, loss: number): Json | undefined {
  const min = worker.minWagePerDay;
  if (min === undefined || loss >= weight) return undefined;
  const unknownWageOk = loss >= weight * (1 - NEUTRAL);
  if (min <= 0) return unknownWageOk ? undefined : has('wagePerDayMax');
  const cut = min * (WAGE_RATIO_FLOOR + WAGE_RATIO_SPAN * (1 - loss / weight)) * (1 - WAGE_MARGIN);
  return unknownWageOk ? not({ range: { wagePerDayMax: { lt: cut } } }) : { range: { wagePerDayMax: { gte: cut } } };
}

/** The job's best daily wage against the worker's minimum. */
export const wage: RankingFactor<'wage'> = {
  name: 'wage',
  defaultWeight: 1.5,
  value: (job, worker) => ({ value: wageValue(job.wagePerDayMax, worker.minWagePerDay), detail: wageDetail(job, worker) }),
  jobFunctions,
  workerFunctions,
  bound: ({ wage: weight }) => ({
    everyJob: { max: (worker) => contribution(weight, worker.minWagePerDay === undefined ? NEUTRAL : 1), within: (worker, loss) => within(weight, worker, loss) },
  }),
};
