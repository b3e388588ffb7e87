import { eastWestPartnersOf } from '@laowu/domain';
import { recruitingFrom, recruitsFromHome, willingFromSources } from './cross-region.factor';
import { bonus, contribution, type RankingFactor } from './factor';

/**
 * …and the two provinces are an east-west cooperation pair (东西部协作). Weight 0.5: with
 * crossRegion's 1, a source lift of 1.5 at most, below the worker's own target region (2) and a
 * skill match (3): recruiting from the worker's province does not outrank their trade or the city
 * they asked for.
 */
export const eastWest: RankingFactor<'eastWest'> = {
  name: 'eastWest',
  defaultWeight: 0.5,
  value(job, worker) {
    const paired = recruitsFromHome(job, worker) && !!job.provinceCode && eastWestPartnersOf(worker.homeRegionCode).includes(job.provinceCode);
    return paired ? { value: 1, detail: '东西部协作结对省份' } : undefined;
  },
  jobFunctions(worker, _now, weight) {
    const partners = eastWestPartnersOf(worker.homeRegionCode);
    if (!worker.willingToMigrate || !partners.length) return [];
    return [{ filter: { bool: { filter: [recruitingFrom(worker), { terms: { provinceCode: partners } }] } }, weight }];
  },
  workerFunctions(job, _now, weight) {
    const partners = job.provinceCode ? eastWestPartnersOf(job.provinceCode) : [];
    if (!job.crossSourceCodes.length || !partners.length) return [];
    return [{ filter: { bool: { filter: [...willingFromSources(job), { terms: { homeCodes: partners } }] } }, weight }];
  },
  /** The same split as crossRegion's: a job recruiting from home in a partner province earns both. */
  bound: (weights) => ({
    split: 'home',
    classes(worker) {
      const partners = eastWestPartnersOf(worker.homeRegionCode);
      if (!worker.willingToMigrate || !partners.length) return [];
      return [bonus(contribution(weights.crossRegion, 1) + contribution(weights.eastWest, 1), recruitingFrom(worker), { terms: { provinceCode: partners } })];
    },
  }),
};
