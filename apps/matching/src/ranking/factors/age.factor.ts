import { type JobDocument } from '../../indexing/job.document';
import { type WorkerDocument } from '../../indexing/worker.document';
import { contribution, type Json, type RankingFactor } from './factor';

export const AGE_HALF_LIFE_YEARS = 5;

/** Never excludes: 1 inside the job's preferred range, halving every half-life outside it. */
export function ageValue(age: number, min: number | undefined, max: number | undefined): number {
  let outside = 0;
  if (min !== undefined && age < min) outside = min - age;
  if (max !== undefined && age > max) outside = age - max;
  return 0.5 ** (outside / AGE_HALF_LIFE_YEARS);
}

function ageDetail(job: JobDocument, worker: WorkerDocument): string {
  if (job.ageMin === undefined && job.ageMax === undefined) return '无年龄要求';
  const range = `${job.ageMin ?? ''}–${job.ageMax ?? ''} 岁`;
  const value = ageValue(worker.ageYears, job.ageMin, job.ageMax);
  return value === 1 ? `年龄 ${worker.ageYears} 岁在偏好范围 ${range} 内` : `年龄 ${worker.ageYears} 岁超出偏好范围 ${range}（不排除，仅降低排名）`;
}

/** Halving every half-life outside the range: an exp decay on the bound the worker is beyond (ageMax first, as ageValue). */
function jobFunctions(worker: WorkerDocument, _now: Date, weight: number): Json[] {
  const years = worker.ageYears;
  const aboveMax = { range: { ageMax: { lt: years } } };
  const belowMin = { range: { ageMin: { gt: years } } };
  const decay = (field: string) => ({ [field]: { origin: years, scale: AGE_HALF_LIFE_YEARS, decay: 0.5 } });
  return [
    { filter: aboveMax, exp: decay('ageMax'), weight },
    { filter: { bool: { filter: [belowMin], must_not: [aboveMax] } }, exp: decay('ageMin'), weight },
    { filter: { bool: { must_not: [aboveMax, belowMin] } }, weight },
  ];
}

function workerFunctions(job: JobDocument, _now: Date, weight: number): Json[] {
  if (job.ageMin === undefined && job.ageMax === undefined) return [{ weight }];
  const source = `
                double age = doc['ageYears'].value; double outside = 0;
                if (params.min >= 0 && age < params.min) outside = params.min - age;
                if (params.max >= 0 && age > params.max) outside = age - params.max;
                return Math.pow(0.5, outside / params.halfLife);`;
  const params = { min: job.ageMin ?? -1, max: job.ageMax ?? -1, halfLife: AGE_HALF_LIFE_YEARS };
  return [{ script_score: { script: { source, params } }, weight }];
}

/** Jobs whose range the worker is at most as far outside as losing `loss` of `weight` allows. */
function within(weight: number, worker: WorkerDocument, loss: number): Json | undefined {
  if (loss >= weight) return undefined;
  const yearsOutside = AGE_HALF_LIFE_YEARS * Math.log2(1 / (1 - loss / weight));
  const years = worker.ageYears;
  const farAboveMax = { range: { ageMax: { lt: Math.ceil(years - yearsOutside) } } };
  // As ageValue: being above ageMax counts first, whatever ageMin says.
  const farBelowMin = { bool: { filter: [{ range: { ageMin: { gt: Math.floor(years + yearsOutside) } } }], must_not: [{ range: { ageMax: { lt: years } } }] } };
  return { bool: { must_not: [farAboveMax, farBelowMin] } };
}

/** Workers whose age is at most as far outside the job's range as losing `loss` of `weight` allows. */
function agesWithin(job: JobDocument, weight: number, loss: number): Json | undefined {
  if (loss >= weight || (job.ageMin === undefined && job.ageMax === undefined)) return undefined;
  const yearsOutside = AGE_HALF_LIFE_YEARS * Math.log2(1 / (1 - loss / weight));
  const bounds = {
    ...(job.ageMin !== undefined ? { gte: Math.floor(job.ageMin - yearsOutside) } : {}),
    ...(job.ageMax !== undefined ? { lte: Math.ceil(job.ageMax + yearsOutside) } : {}),
  };
  return { range: { ageYears: bounds } };
}

/** Soft age fit (十二). */
export const age: RankingFactor<'age'> = {
  name: 'age',
  defaultWeight: 2,
  value: (job, worker) => ({ value: ageValue(worker.ageYears, job.ageMin, job.ageMax), detail: ageDetail(job, worker) }),
  jobFunctions,
  workerFunctions,
  workerLoss: (job, weight) => ({ within: (loss) => agesWithin(job, weight, loss) }),
  bound: ({ age: weight }) => ({ everyJob: { max: () => contribution(weight, 1), within: (worker, loss) => within(weight, worker, loss) } }),
};
