import { type WorkerDocument } from '../../indexing/worker.document';
import { constantBound, contribution, type RankingFactor } from './factor';

const PRIORITY_GROUPS: readonly string[] = ['poverty_alleviated', 'monitoring_target'];

export function isPriorityWorker(worker: Pick<WorkerDocument, 'priorityGroups'>): boolean {
  return worker.priorityGroups.some((g) => PRIORITY_GROUPS.includes(g));
}

/** Workers in a priority group. */
export const priorityWorkers = { terms: { priorityGroups: [...PRIORITY_GROUPS] } };

/** Poverty-alleviated workers and monitoring targets rank up (十四). */
export const priority: RankingFactor<'priority'> = {
  name: 'priority',
  defaultWeight: 1,
  value: (_job, worker) => (isPriorityWorker(worker) ? { value: 1, detail: '脱贫人口/监测对象优先' } : undefined),
  jobFunctions: (worker, _now, weight) => (isPriorityWorker(worker) ? [{ weight }] : []),
  workerFunctions: (_job, _now, weight) => [{ filter: priorityWorkers, weight }],
  bound: ({ priority: weight }) => constantBound((worker) => (isPriorityWorker(worker) ? contribution(weight, 1) : 0)),
};
