import { type JobDocument } from '../../indexing/job.document';
import { acceptsAny, chinaTime, contribution, DAY_MS, gauss, recentWithin, type RankingFactor, type VaryingBound } from './factor';

export const START_SOON_SCALE_DAYS = 3;

function startSoonValue(job: Pick<JobDocument, 'kind' | 'startAt'>, now: Date): number {
  if (job.kind !== 'gig' || !job.startAt) return 0;
  return gauss(Math.abs(Date.parse(job.startAt) - now.getTime()) / DAY_MS, START_SOON_SCALE_DAYS);
}

/** How soon a gig job starts, within its class. */
const soon = (weight: number): VaryingBound => ({
  max: () => contribution(weight, 1),
  within: (_worker, loss, now) => (loss >= weight ? undefined : recentWithin('startAt', START_SOON_SCALE_DAYS, weight, loss, now)),
});

/** Gig jobs starting soon first. */
export const startSoon: RankingFactor<'startSoon'> = {
  name: 'startSoon',
  defaultWeight: 0.5,
  value: (job, _worker, now) => ({ value: startSoonValue(job, now), detail: `零工 ${job.startAt ? chinaTime(job.startAt) : '—'} 开工` }),
  jobFunctions: (_worker, now, weight) => [
    {
      filter: { bool: { filter: [{ term: { kind: 'gig' } }, { exists: { field: 'startAt' } }] } },
      gauss: { startAt: { origin: now.toISOString(), scale: `${START_SOON_SCALE_DAYS}d`, decay: 0.5 } },
      weight,
    },
  ],
  workerFunctions(job, now, weight) {
    const added = weight * startSoonValue(job, now);
    return added > 0 ? [{ weight: added }] : [];
  },
  /** Gig jobs are their own class: a job is of one kind (assistance.factor.ts). */
  bound: ({ startSoon: weight }) => ({
    split: 'kind',
    classes: (worker) => (acceptsAny(worker, ['gig']) ? [{ ceiling: contribution(weight, 1), filters: [{ term: { kind: 'gig' } }], factors: [soon(weight)] }] : []),
  }),
};
