import { bonus, contribution, intersects, type RankingFactor } from './factor';

/** The job lies in a region the worker wants to go to. */
export const targetRegion: RankingFactor<'targetRegion'> = {
  name: 'targetRegion',
  defaultWeight: 2,
  value: (job, worker) => (intersects(worker.targetRegionCodes, job.regionCodes) ? { value: 1, detail: '岗位在意向务工地区' } : undefined),
  jobFunctions: (worker, _now, weight) => (worker.targetRegionCodes.length ? [{ filter: { terms: { regionCodes: worker.targetRegionCodes } }, weight }] : []),
  workerFunctions: (job, _now, weight) => [{ filter: { terms: { targetRegionCodes: job.regionCodes } }, weight }],
  bound: ({ targetRegion: weight }) => ({
    split: 'targetRegion',
    classes: (worker) => (worker.targetRegionCodes.length ? [bonus(contribution(weight, 1), { terms: { regionCodes: worker.targetRegionCodes } })] : []),
  }),
};
