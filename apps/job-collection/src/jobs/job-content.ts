import { createHash } from 'node:crypto';
import { CreateJobRequest } from './create-job.request.dto';
import { JobEntity } from './job.entity';

/** The entity fields an agency's request sets (everything but identity, counters and status). */
export type JobContent = Pick<
  JobEntity,
  | 'externalId' | 'title' | 'description' | 'kind' | 'occupationCode' | 'skills' | 'headcount' | 'wageMin' | 'wageMax' | 'wageUnit'
  | 'regionCode' | 'lat' | 'lon' | 'address' | 'sourceRegionCodes' | 'ageMin' | 'ageMax' | 'olderWorkerFriendly' | 'startAt'
  | 'endAt' | 'instant' | 'benefits' | 'relocationQuotaPct' | 'laborBrand' | 'materialHash'
>;

export function toJobContent(job: CreateJobRequest, point: { lat: number; lon: number }): JobContent {
  const content: Omit<JobContent, 'materialHash'> = {
    externalId: job.externalId ?? null,
    title: job.title,
    description: job.description ?? null,
    kind: job.kind,
    occupationCode: job.occupationCode ?? null,
    skills: (job.skills ?? []).map((s) => (s.minLevel === undefined ? { code: s.code } : { code: s.code, minLevel: s.minLevel })),
    headcount: job.headcount,
    wageMin: job.wage.min,
    wageMax: job.wage.max,
    wageUnit: job.wage.unit,
    regionCode: job.location.regionCode,
    lat: point.lat,
    lon: point.lon,
    address: job.location.address ?? null,
    sourceRegionCodes: job.crossRegion?.sourceRegionCodes ?? null,
    ageMin: job.ageRange?.min ?? null,
    ageMax: job.ageRange?.max ?? null,
    olderWorkerFriendly: job.olderWorkerFriendly ?? false,
    startAt: job.startAt ? new Date(job.startAt) : null,
    endAt: job.endAt ? new Date(job.endAt) : null,
    instant: job.instant ?? false,
    benefits: job.benefits ? { ...job.benefits } : null,
    relocationQuotaPct: job.relocationQuotaPct ?? null,
    laborBrand: job.laborBrand ?? null,
  };
  return { ...content, materialHash: materialHashOf(content) };
}

/** What a worker judges a job by: everything an agency sets except its own id for the job. */
export function materialHashOf(content: Omit<JobContent, 'materialHash'>): string {
  const { externalId: _externalId, ...material } = content;
  return sha256(stableJson(material));
}

/** Identifies a create request's body, for the idempotent repeat (same agency + externalId). */
export function requestHashOf(job: CreateJobRequest): string {
  return sha256(stableJson(job));
}

/** JSON with object keys sorted, so equal content always hashes alike. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Date) return v.toISOString();
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return v;
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
