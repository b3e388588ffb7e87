import type { IndexDefinition } from '@laowu/search';

/**
 * Mappings of the two derived read models. Both live behind aliases (`<prefix>jobs`,
 * `<prefix>workers`) over versioned concrete indices, so a rebuild can swap them atomically.
 * Nothing personal is mapped: workers carry no name, ID number, phone or birth date.
 */
const SETTINGS = { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' };

export function jobsIndex(prefix: string): IndexDefinition {
  return {
    alias: `${prefix}jobs`,
    settings: SETTINGS,
    mappings: {
      dynamic: 'strict',
      properties: {
        jobId: { type: 'keyword' },
        version: { type: 'long' },
        materialVersion: { type: 'long' },
        agencyId: { type: 'keyword' },
        status: { type: 'keyword' },
        title: { type: 'text', analyzer: 'cjk' },
        description: { type: 'text', analyzer: 'cjk' },
        kind: { type: 'keyword' },
        occupationCode: { type: 'keyword' },
        skills: { type: 'object', enabled: false },
        /** `code@minLevel` for each required skill: a worker with level L satisfies code@1..code@L. */
        skillReqs: { type: 'keyword' },
        skillCount: { type: 'integer' },
        headcount: { type: 'integer' },
        filled: { type: 'integer' },
        headcountLeft: { type: 'integer' },
        wage: { type: 'object', enabled: false },
        wagePerDayMin: { type: 'float' },
        wagePerDayMax: { type: 'float' },
        location: { type: 'geo_point' },
        address: { type: 'keyword', index: false },
        regionCode: { type: 'keyword' },
        provinceCode: { type: 'keyword' },
        cityCode: { type: 'keyword' },
        /** The job's own region at every level (province, city, county). */
        regionCodes: { type: 'keyword' },
        /** Where a cross-region job recruits from, as given (any level). */
        crossSourceCodes: { type: 'keyword' },
        ageMin: { type: 'integer' },
        ageMax: { type: 'integer' },
        olderWorkerFriendly: { type: 'boolean' },
        instant: { type: 'boolean' },
        startAt: { type: 'date' },
        endAt: { type: 'date' },
        benefits: { type: 'object', enabled: false },
        relocationQuotaPct: { type: 'integer' },
        laborBrand: { type: 'keyword' },
        postedAt: { type: 'date' },
        updatedAt: { type: 'date' },
      },
    },
  };
}

export function workersIndex(prefix: string): IndexDefinition {
  return {
    alias: `${prefix}workers`,
    settings: SETTINGS,
    mappings: {
      dynamic: 'strict',
      properties: {
        workerId: { type: 'keyword' },
        version: { type: 'long' },
        stationId: { type: 'keyword' },
        ageYears: { type: 'integer' },
        homeRegionCode: { type: 'keyword' },
        /** Home region at every level: matched against a job's crossSourceCodes. */
        homeCodes: { type: 'keyword' },
        residenceRegionCode: { type: 'keyword' },
        residenceCodes: { type: 'keyword' },
        location: { type: 'geo_point' },
        /** A 24-gon approximating the circle of maxCommuteKm around the worker (see reach-area.ts). */
        reachArea: { type: 'geo_shape' },
        maxCommuteKm: { type: 'float' },
        skills: { type: 'object', enabled: false },
        certificates: { type: 'object', enabled: false },
        /** `code@1`…`code@level` for each skill and certificate. */
        skillKeys: { type: 'keyword' },
        priorityGroups: { type: 'keyword' },
        kinds: { type: 'keyword' },
        willingToMigrate: { type: 'boolean' },
        targetRegionCodes: { type: 'keyword' },
        minWagePerDay: { type: 'float' },
        availableFrom: { type: 'date' },
        employmentStatus: { type: 'keyword' },
        available: { type: 'boolean' },
        updatedAt: { type: 'date' },
      },
    },
  };
}
