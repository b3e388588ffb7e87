import type { IndexDefinition } from '@laowu/search';
import { searchSynonyms, synonymRules } from './search-synonyms';

/**
 * Mappings of the two derived read models. Both live behind aliases (`<prefix>jobs`,
 * `<prefix>workers`) over versioned concrete indices, so a rebuild can swap them atomically.
 * Nothing personal is mapped: workers carry no name, ID number, phone or birth date.
 */
const SETTINGS = { number_of_shards: 1, number_of_replicas: 0, refresh_interval: '1s' };

/**
 * The search analyzer a keyword query names for its synonym clause (search/job-keywords.query.ts):
 * each CJK character a token (as the `chars` subfields are indexed) with the synonyms generated
 * from the skill taxonomy and the region names (search/search-synonyms.ts) as a synonym_graph.
 * It is used at search time only, so new synonyms need no reindex of the documents; but analysis
 * settings are fixed when an index is created, so they reach an existing index only through a
 * rebuild (POST /v1/admin/reindex). Built-in tokenizer and filters only: OpenSearch and
 * Elasticsearch 8 both read it.
 */
export const SYNONYM_ANALYZER = 'laowu_synonym_chars';

function jobsAnalysis() {
  return {
    filter: { laowu_synonyms: { type: 'synonym_graph', synonyms: synonymRules(searchSynonyms()), lenient: true } },
    analyzer: { [SYNONYM_ANALYZER]: { type: 'custom', tokenizer: 'standard', filter: ['lowercase', 'laowu_synonyms'] } },
  };
}

/**
 * Chinese text: `cjk` bigrams on the field (电焊 → 电焊; a phrase's words), and a `chars` subfield
 * with the built-in `standard` analyzer, whose tokenizer emits each CJK character on its own
 * (焊 alone is found; 果园采摘 matched character by character). Built-in analyzers only in the
 * mapping, so putMapping adds the subfield to an index created before it (ensureIndex at start).
 */
const CJK_TEXT = { type: 'text', analyzer: 'cjk', fields: { chars: { type: 'text', analyzer: 'standard' } } };

export function jobsIndex(prefix: string): IndexDefinition {
  return {
    alias: `${prefix}jobs`,
    settings: { ...SETTINGS, analysis: jobsAnalysis() },
    mappings: {
      dynamic: 'strict',
      properties: {
        jobId: { type: 'keyword' },
        version: { type: 'long' },
        materialVersion: { type: 'long' },
        agencyId: { type: 'keyword' },
        status: { type: 'keyword' },
        title: CJK_TEXT,
        description: CJK_TEXT,
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
        /** A 劳务品牌 code (四). */
        laborBrand: { type: 'keyword' },
        /** The brand's names and keywords, for `q` (川妹子 finds the brand's jobs). */
        laborBrandText: CJK_TEXT,
        /** The names of the job's region at every level and of the regions it recruits from (q=昭觉 finds 昭觉县's jobs). */
        regionText: CJK_TEXT,
        /** Certificates a worker must hold, valid (十): a hard filter (ranking/required-certificates.ts). */
        requiredCertificates: { type: 'keyword' },
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
        /** `code@validUntil` per certificate (`code@9999-12-31` without an end): one keyword range tells held and valid today. */
        certificateValidity: { type: 'keyword' },
        /** A 劳务品牌 code (四). */
        laborBrand: { type: 'keyword' },
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
