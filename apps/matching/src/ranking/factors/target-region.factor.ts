import { bonus, contribution, intersects, type RankingFactor } from './factor';

/** The job lies in a region the worker wants to go to. */
export const targetRegion: RankingFactor<'targetRegion'> = {
  name: 'targetRegion',
  weight: 1.5,
  value: (job, worker) => (intersects(worker.targetRegionCodes, job.regionCodes) ? { value: 1, detail: '岗位在意向务工地区' } : undefined),
  jobFunctions: (worker) => (worker.targetRegionCodes.length ? [{ filter: { terms: { regionCodes: worker.targetRegionCodes } }, weight: targetRegion.weight }] : []),
  workerFunctions: (job) => [{ filter: { terms: { targetRegionCodes: job.regionCodes } }, weight: targetRegion.weight }],
  bound: {
    split: 'targetRegion',
    classes: (worker) => (worker.targetRegionCodes.length ? [bonus(contribution(targetRegion, 1), { terms: { regionCodes: worker.targetRegionCodes } })] : []),
  },
};
