import { type JobKind } from '@laowu/contracts';
import { acceptsAny, bonus, contribution, type RankingFactor } from './factor';
import { isPriorityWorker, priorityWorkers } from './priority.factor';

export const ASSISTANCE_KINDS: readonly JobKind[] = ['work_relief', 'workshop', 'public_welfare'];

/** …more for priority workers in work-relief, assistance-workshop and public-welfare jobs (十四, 十六). */
export const assistance: RankingFactor<'assistance'> = {
  name: 'assistance',
  defaultWeight: 0.5,
  value: (job, worker) =>
    isPriorityWorker(worker) && ASSISTANCE_KINDS.includes(job.kind) ? { value: 1, detail: '以工代赈/帮扶车间/公益性岗位优先安置' } : undefined,
  jobFunctions: (worker, _now, weight) => (isPriorityWorker(worker) ? [{ filter: { terms: { kind: ASSISTANCE_KINDS } }, weight }] : []),
  workerFunctions: (job, _now, weight) => (ASSISTANCE_KINDS.includes(job.kind) ? [{ filter: priorityWorkers, weight }] : []),
  /** A job is of one kind: an assistance job is never a gig (start-soon.factor.ts). */
  bound: ({ assistance: weight }) => ({
    split: 'kind',
    classes: (worker) =>
      isPriorityWorker(worker) && acceptsAny(worker, ASSISTANCE_KINDS) ? [bonus(contribution(weight, 1), { terms: { kind: ASSISTANCE_KINDS } })] : [],
  }),
};
