import { bonus, contribution, type RankingFactor } from './factor';

export const OLDER_WORKER_AGE = 50;

/** olderWorkerFriendly jobs for workers 50+ (十二). */
export const olderFriendly: RankingFactor<'olderFriendly'> = {
  name: 'olderFriendly',
  defaultWeight: 1,
  value: (job, worker) => (job.olderWorkerFriendly && worker.ageYears >= OLDER_WORKER_AGE ? { value: 1, detail: '适合大龄劳动者的岗位' } : undefined),
  jobFunctions: (worker, _now, weight) => (worker.ageYears >= OLDER_WORKER_AGE ? [{ filter: { term: { olderWorkerFriendly: true } }, weight }] : []),
  workerFunctions: (job, _now, weight) => (job.olderWorkerFriendly ? [{ filter: { range: { ageYears: { gte: OLDER_WORKER_AGE } } }, weight }] : []),
  bound: ({ olderFriendly: weight }) => ({
    split: 'olderFriendly',
    classes: (worker) => (worker.ageYears >= OLDER_WORKER_AGE ? [bonus(contribution(weight, 1), { term: { olderWorkerFriendly: true } })] : []),
  }),
};
