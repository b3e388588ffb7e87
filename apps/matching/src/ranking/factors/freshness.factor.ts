import { type JobDocument } from '../../indexing/job.document';
import { chinaTime, contribution, DAY_MS, gauss, recentWithin, type RankingFactor } from './factor';

export const FRESHNESS_SCALE_DAYS = 14;

function freshnessValue(job: Pick<JobDocument, 'postedAt'>, now: Date): number {
  return gauss(Math.abs(now.getTime() - Date.parse(job.postedAt)) / DAY_MS, FRESHNESS_SCALE_DAYS);
}

/** Newer postings first: gauss over the posting's age. */
export const freshness: RankingFactor<'freshness'> = {
  name: 'freshness',
  defaultWeight: 0.5,
  value: (job, _worker, now) => ({ value: freshnessValue(job, now), detail: `发布于 ${chinaTime(job.postedAt).slice(0, 10)}` }),
  jobFunctions: (_worker, now, weight) => [{ gauss: { postedAt: { origin: now.toISOString(), scale: `${FRESHNESS_SCALE_DAYS}d`, decay: 0.5 } }, weight }],
  workerFunctions(job, now, weight) {
    const added = weight * freshnessValue(job, now);
    return added > 0 ? [{ weight: added }] : [];
  },
  bound: ({ freshness: weight }) => ({
    everyJob: {
      max: () => contribution(weight, 1),
      within: (_worker, loss, now) => (loss >= weight ? undefined : recentWithin('postedAt', FRESHNESS_SCALE_DAYS, weight, loss, now)),
    },
  }),
};
