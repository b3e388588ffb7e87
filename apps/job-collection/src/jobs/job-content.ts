import { createHash } from 'node:crypto';
import { type ResolvedLaborBrand } from '../labor-brands/labor-brand-resolver';
import { type CreateJobRequest } from './create-job.request.dto';
import { type JobBenefits, type JobEntity } from './job.entity';

/** The entity fields an agency's request sets (everything but identity, counters and status). */
export type JobContent = Pick<
  JobEntity,
  | 'externalId' | 'title' | 'description' | 'kind' | 'occupationCode' | 'skills' | 'headcount' | 'wageMin' | 'wageMax' | 'wageUnit'
  | 'regionCode' | 'lat' | 'lon' | 'address' | 'sourceRegionCodes' | 'ageMin' | 'ageMax' | 'olderWorkerFriendly' | 'startAt'
  | 'endAt' | 'instant' | 'benefits' | 'relocationQuotaPct' | 'laborBrand' | 'laborBrandName' | 'requiredCertificates'
  | 'employerId' | 'materialHash'
>;

/** `brand`: the job's laborBrand resolved (resolveLaborBrands), null when it has none. */
export function toJobContent(job: CreateJobRequest, point: { lat: number; lon: number }, brand: ResolvedLaborBrand | null): JobContent {
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
    benefits: job.benefits ? canonicalBenefits(job.benefits) : null,
    relocationQuotaPct: job.relocationQuotaPct ?? null,
    laborBrand: brand?.code ?? null,
    laborBrandName: brand?.name ?? null,
    requiredCertificates: [...new Set((job.requiredCertificates ?? []).map((c) => c.code))].sort(),
    employerId: job.employerId ?? null,
  };
  return { ...content, materialHash: materialHashOf(content) };
}

/**
 * What a worker judges a job by: everything an agency sets except its own id for the job.
 * toJobContent builds every object with its keys in one fixed order, so plain JSON is canonical.
 */
export function materialHashOf(content: Omit<JobContent, 'materialHash'>): string {
  const { externalId: _externalId, ...material } = content;
  return createHash('sha256').update(JSON.stringify(material)).digest('hex');
}

/**
 * Identifies a create request, for the idempotent repeat (same agency + externalId): the hash of
 * its content in canonical form, so the same job written with other key order, other time-zone
 * offset or lat/lon spelled out as the region centre counts as the same request.
 */
export function requestHashOf(content: JobContent): string {
  return content.materialHash;
}

function canonicalBenefits(benefits: JobBenefits): JobBenefits {
  const { housing, meals, transport, injuryInsurance } = benefits;
  return JSON.parse(JSON.stringify({ housing, meals, transport, injuryInsurance })) as JobBenefits;
}
