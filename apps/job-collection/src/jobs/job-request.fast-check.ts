import { JOB_KINDS, JOB_LIMITS, OCCUPATION_CODE_PATTERN, REGION_CODE_PATTERN, SKILL_CODE_PATTERN, WAGE_UNITS } from '@laowu/contracts';
import { isISO8601, isUUID } from 'class-validator';
import { type CreateJobRequest } from './create-job.request.dto';
import { CnyAmount, KINDS_WITH_TERM, PUBLIC_WELFARE_MAX_TERM_MS } from './job-rules.validators';

/**
 * A fast, conservative check for bulk items: true only when the body certainly passes every rule
 * of CreateJobRequest (same limits, no unknown fields, canonical forms only); false means "not
 * sure", and the item goes through class-validator, which decides and names the failing fields.
 * class-validator costs ~10× more per item and was half of bulk ingest's CPU. A unit spec
 * checks, over many mutated bodies, that this never accepts what class-validator refuses.
 */
export function certainlyValidJob(body: unknown): body is CreateJobRequest {
  if (!isRecord(body) || !onlyKeys(body, JOB_KEYS)) return false;
  const job = body as Record<string, unknown>;
  return (
    optional(job.externalId, (v) => text(v, JOB_LIMITS.externalId.maxLength) && v !== '') &&
    text(job.title, JOB_LIMITS.title.maxLength) && job.title !== '' &&
    optional(job.description, (v) => text(v, JOB_LIMITS.description.maxLength)) &&
    (JOB_KINDS as readonly unknown[]).includes(job.kind) &&
    optional(job.occupationCode, (v) => typeof v === 'string' && OCCUPATION_CODE_PATTERN.test(v)) &&
    optional(job.skills, skills) &&
    optional(job.requiredCertificates, requiredCertificates) &&
    integerIn(job.headcount, JOB_LIMITS.headcount) &&
    wage(job.wage) &&
    location(job.location) &&
    optional(job.crossRegion, crossRegion) &&
    (job.ageRange === undefined || (job.kind !== 'public_welfare' && ageRange(job.ageRange))) &&
    optional(job.olderWorkerFriendly, boolean) &&
    optional(job.instant, boolean) &&
    optional(job.benefits, benefits) &&
    optional(job.relocationQuotaPct, (v) => integerIn(v, JOB_LIMITS.relocationQuotaPct)) &&
    optional(job.laborBrand, (v) => text(v, JOB_LIMITS.laborBrand.maxLength)) &&
    optional(job.employerId, (v) => typeof v === 'string' && isUUID(v)) &&
    term(job)
  );
}

const JOB_KEYS = new Set([
  'externalId', 'title', 'description', 'kind', 'occupationCode', 'skills', 'headcount', 'wage', 'location', 'crossRegion', 'ageRange',
  'olderWorkerFriendly', 'startAt', 'endAt', 'instant', 'benefits', 'relocationQuotaPct', 'laborBrand', 'requiredCertificates',
  'employerId',
]);
const cny = new CnyAmount();

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function onlyKeys(value: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const key of Object.keys(value)) if (!allowed.has(key)) return false;
  return true;
}

/** Absent is fine; null is not certain (class-validator's IsOptional has its own view of it). */
function optional(value: unknown, check: (v: unknown) => boolean): boolean {
  return value === undefined || (value !== null && check(value));
}

function text(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.length <= maxLength && !value.includes('\u0000');
}

function integerIn(value: unknown, { min, max }: { min: number; max: number }): boolean {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function finite(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

const boolean = (value: unknown) => typeof value === 'boolean';

function skills(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > JOB_LIMITS.skills.maxItems) return false;
  return value.every(
    (s) =>
      isRecord(s) && onlyKeys(s, SKILL_KEYS) && typeof s.code === 'string' && SKILL_CODE_PATTERN.test(s.code) &&
      optional(s.minLevel, (v) => integerIn(v, JOB_LIMITS.skillLevel)),
  );
}
const SKILL_KEYS = new Set(['code', 'minLevel']);

function requiredCertificates(value: unknown): boolean {
  if (!Array.isArray(value) || value.length > JOB_LIMITS.requiredCertificates.maxItems) return false;
  return value.every((c) => isRecord(c) && onlyKeys(c, CERTIFICATE_KEYS) && typeof c.code === 'string' && SKILL_CODE_PATTERN.test(c.code));
}
const CERTIFICATE_KEYS = new Set(['code']);

function wage(value: unknown): boolean {
  if (!isRecord(value) || !onlyKeys(value, WAGE_KEYS)) return false;
  const { min, max, unit } = value;
  const limit = JOB_LIMITS.wage;
  return finite(min, limit.min, limit.max) && finite(max, limit.min, limit.max) && cny.validate(min) && cny.validate(max) && max >= min &&
    (WAGE_UNITS as readonly unknown[]).includes(unit);
}
const WAGE_KEYS = new Set(['min', 'max', 'unit']);

function location(value: unknown): boolean {
  if (!isRecord(value) || !onlyKeys(value, LOCATION_KEYS)) return false;
  const { regionCode, lat, lon, address } = value;
  const point = (lat === undefined && lon === undefined) || (finite(lat, -90, 90) && finite(lon, -180, 180));
  return typeof regionCode === 'string' && REGION_CODE_PATTERN.test(regionCode) && point && optional(address, (v) => text(v, JOB_LIMITS.address.maxLength));
}
const LOCATION_KEYS = new Set(['regionCode', 'lat', 'lon', 'address']);

function crossRegion(value: unknown): boolean {
  if (!isRecord(value) || !onlyKeys(value, CROSS_REGION_KEYS)) return false;
  const codes = value.sourceRegionCodes;
  return Array.isArray(codes) && codes.length <= JOB_LIMITS.sourceRegionCodes.maxItems && codes.every((c) => typeof c === 'string' && REGION_CODE_PATTERN.test(c));
}
const CROSS_REGION_KEYS = new Set(['sourceRegionCodes']);

function ageRange(value: unknown): boolean {
  if (!isRecord(value) || !onlyKeys(value, AGE_KEYS)) return false;
  const { min, max } = value;
  const bounded = optional(min, (v) => integerIn(v, JOB_LIMITS.age)) && optional(max, (v) => integerIn(v, JOB_LIMITS.age));
  return bounded && (min === undefined || max === undefined || (max as number) >= (min as number));
}
const AGE_KEYS = new Set(['min', 'max']);

function benefits(value: unknown): boolean {
  return isRecord(value) && onlyKeys(value, BENEFIT_KEYS) && Object.values(value).every(boolean);
}
const BENEFIT_KEYS = new Set(['housing', 'meals', 'transport', 'injuryInsurance']);

function term(job: Record<string, unknown>): boolean {
  const { startAt, endAt, kind } = job;
  const needed = KINDS_WITH_TERM.includes(kind as never);
  if (needed && (startAt === undefined || endAt === undefined)) return false;
  if (!optional(startAt, iso) || !optional(endAt, iso)) return false;
  const start = startAt === undefined ? NaN : Date.parse(startAt as string);
  const end = endAt === undefined ? NaN : Date.parse(endAt as string);
  if (Number.isNaN(start) !== (startAt === undefined) || Number.isNaN(end) !== (endAt === undefined)) return false;
  if (endAt !== undefined && end <= Date.now() + 1000) return false; // leave the edge to the exact check
  if (startAt !== undefined && endAt !== undefined && start >= end) return false;
  return kind !== 'public_welfare' || end - start <= PUBLIC_WELFARE_MAX_TERM_MS;
}

const iso = (value: unknown) => typeof value === 'string' && isISO8601(value, { strict: true });
