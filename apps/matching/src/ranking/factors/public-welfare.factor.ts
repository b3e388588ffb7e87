import { type JobKind } from '@laowu/contracts';
import { type JobDocument } from '../../indexing/job.document';
import { type WorkerDocument } from '../../indexing/worker.document';
import { acceptsAny, bonus, contribution, type Json, type RankingFactor } from './factor';
import { isPriorityWorker, priorityWorkers } from './priority.factor';

/** 乡村公益性岗位: public-welfare posts (十六). */
const PUBLIC_WELFARE: JobKind = 'public_welfare';

/**
 * 十六: public-welfare posts place poverty-alleviated people and monitoring targets (脱贫人口,
 * 监测对象); nobody else is matched with one, in either direction and on every path (candidates,
 * matches, instant, cross-region and worker-available pushes). The engine queries apply it as a
 * hard filter (ranking.queries.ts: `eligibleWorkersFor`, `kindsOfferedTo`); this is the same rule
 * for one pair.
 */
export function mayBeMatched(job: Pick<JobDocument, 'kind'>, worker: Pick<WorkerDocument, 'priorityGroups'>): boolean {
  return job.kind !== PUBLIC_WELFARE || isPriorityWorker(worker);
}

/** The kinds a worker may be offered: the kinds they accept, without public-welfare posts unless they are a priority worker. */
export function kindsOfferedTo(worker: Pick<WorkerDocument, 'kinds' | 'priorityGroups'>): WorkerDocument['kinds'] {
  return isPriorityWorker(worker) ? worker.kinds : worker.kinds.filter((kind) => kind !== PUBLIC_WELFARE);
}

/** Filter clauses on the workers for a job: only priority workers for a public-welfare post, no others. */
export function eligibleWorkersFor(job: Pick<JobDocument, 'kind'>): Json[] {
  return job.kind === PUBLIC_WELFARE ? [priorityWorkers] : [];
}

/** A priority worker unwilling or unable to leave home (无法离乡): whom public-welfare posts are for. */
const staysHome = (worker: WorkerDocument) => isPriorityWorker(worker) && !worker.willingToMigrate;

/** Priority workers unwilling to migrate (the index holds both fields of the worker's event). */
const stayingHome: Json = { bool: { filter: [priorityWorkers, { term: { willingToMigrate: false } }] } };

/**
 * Public-welfare posts go first to the priority workers who stay home (十六: 对"无法离乡、无业可扶"
 * 的脱贫人口实施安置). Weight 2.5: more than the 2 a willing worker may earn on a local post for
 * naming its region as a target (targetRegion), so of two candidates of similar score the one
 * who stays home comes first; less than skills (3) or distance (4), so a post far beyond their
 * commute or needing skills they lack does not jump ahead of a good fit.
 */
export const publicWelfare: RankingFactor<'publicWelfare'> = {
  name: 'publicWelfare',
  defaultWeight: 2.5,
  value: (job, worker) => (job.kind === PUBLIC_WELFARE && staysHome(worker) ? { value: 1, detail: '不外出务工，乡村公益性岗位优先安置（十六）' } : undefined),
  jobFunctions: (worker, _now, weight) => (staysHome(worker) ? [{ filter: { term: { kind: PUBLIC_WELFARE } }, weight }] : []),
  workerFunctions: (job, _now, weight) => (job.kind === PUBLIC_WELFARE ? [{ filter: stayingHome, weight }] : []),
  /** A split of its own: the bonus comes on top of assistance's on the same posts (assistance.factor.ts). */
  bound: ({ publicWelfare: weight }) => ({
    split: 'publicWelfare',
    classes: (worker) =>
      staysHome(worker) && acceptsAny(worker, [PUBLIC_WELFARE]) ? [bonus(contribution(weight, 1), { term: { kind: PUBLIC_WELFARE } })] : [],
  }),
};
