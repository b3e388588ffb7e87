import { bonus, contribution, type RankingFactor } from './factor';

/** Relocated workers fill a job's relocation quota first (十五). */
export const relocation: RankingFactor<'relocation'> = {
  name: 'relocation',
  weight: 1,
  value: (job, worker) =>
    worker.priorityGroups.includes('relocated') && job.relocationQuotaPct > 0 ? { value: 1, detail: `搬迁群众优先（岗位预留 ${job.relocationQuotaPct}%）` } : undefined,
  jobFunctions: (worker) =>
    worker.priorityGroups.includes('relocated') ? [{ filter: { range: { relocationQuotaPct: { gt: 0 } } }, weight: relocation.weight }] : [],
  workerFunctions: (job) => (job.relocationQuotaPct > 0 ? [{ filter: { term: { priorityGroups: 'relocated' } }, weight: relocation.weight }] : []),
  bound: {
    split: 'relocation',
    classes: (worker) =>
      worker.priorityGroups.includes('relocated') ? [bonus(contribution(relocation, 1), { range: { relocationQuotaPct: { gt: 0 } } })] : [],
  },
};
