import { bonus, contribution, type RankingFactor } from './factor';

/** Relocated workers fill a job's relocation quota first (十五). */
export const relocation: RankingFactor<'relocation'> = {
  name: 'relocation',
  defaultWeight: 1,
  value: (job, worker) =>
    worker.priorityGroups.includes('relocated') && job.relocationQuotaPct > 0 ? { value: 1, detail: `搬迁群众优先（岗位预留 ${job.relocationQuotaPct}%）` } : undefined,
  jobFunctions: (worker, _now, weight) =>
    worker.priorityGroups.includes('relocated') ? [{ filter: { range: { relocationQuotaPct: { gt: 0 } } }, weight }] : [],
  workerFunctions: (job, _now, weight) => (job.relocationQuotaPct > 0 ? [{ filter: { term: { priorityGroups: 'relocated' } }, weight }] : []),
  bound: ({ relocation: weight }) => ({
    split: 'relocation',
    classes: (worker) =>
      worker.priorityGroups.includes('relocated') ? [bonus(contribution(weight, 1), { range: { relocationQuotaPct: { gt: 0 } } })] : [],
  }),
};
