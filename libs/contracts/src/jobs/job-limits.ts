/**
 * The limits of a job's fields, stated once: the request DTO (400 beyond them), the bulk fast
 * check, the JobChanged contract and the bad-input sweep all read them from here.
 */
export const JOB_LIMITS = {
  externalId: { maxLength: 100 },
  title: { maxLength: 200 },
  description: { maxLength: 5000 },
  address: { maxLength: 500 },
  laborBrand: { maxLength: 100 },
  skills: { maxItems: 30 },
  requiredCertificates: { maxItems: 10 },
  skillLevel: { min: 1, max: 5 },
  headcount: { min: 1, max: 100_000 },
  wage: { min: 0, max: 1_000_000 },
  sourceRegionCodes: { maxItems: 100 },
  age: { min: 16, max: 100 },
  relocationQuotaPct: { min: 0, max: 100 },
} as const;

/** 国家职业分类大典 code: major-middle-minor-detail, e.g. 6-29-01-01. */
export const OCCUPATION_CODE_PATTERN = /^\d(-\d{2}){1,3}$/;
