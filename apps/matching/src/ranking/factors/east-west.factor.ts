import { eastWestPartnersOf } from '@laowu/domain';
import { crossRegion, recruitingFrom, recruitsFromHome, willingFromSources } from './cross-region.factor';
import { bonus, contribution, type RankingFactor } from './factor';

/** …and the two provinces are an east-west cooperation pair (东西部协作). */
export const eastWest: RankingFactor<'eastWest'> = {
  name: 'eastWest',
  weight: 1,
  value(job, worker) {
    const paired = recruitsFromHome(job, worker) && !!job.provinceCode && eastWestPartnersOf(worker.homeRegionCode).includes(job.provinceCode);
    return paired ? { value: 1, detail: '东西部协作结对省份' } : undefined;
  },
  jobFunctions(worker) {
    const partners = eastWestPartnersOf(worker.homeRegionCode);
    if (!worker.willingToMigrate || !partners.length) return [];
    return [{ filter: { bool: { filter: [recruitingFrom(worker), { terms: { provinceCode: partners } }] } }, weight: eastWest.weight }];
  },
  workerFunctions(job) {
    const partners = job.provinceCode ? eastWestPartnersOf(job.provinceCode) : [];
    if (!job.crossSourceCodes.length || !partners.length) return [];
    return [{ filter: { bool: { filter: [...willingFromSources(job), { terms: { homeCodes: partners } }] } }, weight: eastWest.weight }];
  },
  bound: {
    split: 'home',
    classes(worker) {
      const partners = eastWestPartnersOf(worker.homeRegionCode);
      if (!worker.willingToMigrate || !partners.length) return [];
      return [bonus(contribution(crossRegion, 1) + contribution(eastWest, 1), recruitingFrom(worker), { terms: { provinceCode: partners } })];
    },
  },
};
