import { bonus, contribution, type RankingFactor } from './factor';

const sameBrand = (code: string) => ({ term: { laborBrand: code } });

/**
 * 劳务品牌 (四): a worker of a labour brand fits a job posted under the same brand (川妹子 家政,
 * 凉山建工 …): a small boost, weight 1 by default — below relocation's and priority's 1 at most,
 * far below skills (3) or distance (4), so a brand never outranks a real fit. 0 (runtime weights,
 * ranking-weights.ts) turns it off.
 */
export const laborBrand: RankingFactor<'laborBrand'> = {
  name: 'laborBrand',
  defaultWeight: 1,
  value: (job, worker) =>
    job.laborBrand && worker.laborBrand === job.laborBrand ? { value: 1, detail: `同一劳务品牌（${job.laborBrandText?.split(' ')[0] ?? job.laborBrand}）` } : undefined,
  jobFunctions: (worker, _now, weight) => (worker.laborBrand ? [{ filter: sameBrand(worker.laborBrand), weight }] : []),
  workerFunctions: (job, _now, weight) => (job.laborBrand ? [{ filter: sameBrand(job.laborBrand), weight }] : []),
  bound: ({ laborBrand: weight }) => ({
    split: 'laborBrand',
    classes: (worker) => (worker.laborBrand ? [bonus(contribution(weight, 1), sameBrand(worker.laborBrand))] : []),
  }),
};
