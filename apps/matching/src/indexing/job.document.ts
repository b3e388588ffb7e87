import { type JobChangedData } from '@laowu/contracts';
import { cityCodeOf, findRegion, isKnownCertificate, provinceCodeOf, wageRangePerDay } from '@laowu/domain';
import { seededBrandNames } from './labor-brand-names';

/** How a job is stored in the `jobs` index (and read back for ranking and summaries). */
export interface JobDocument {
  jobId: string;
  version: number;
  materialVersion: number;
  agencyId: string;
  status: JobChangedData['status'];
  title: string;
  description?: string;
  kind: JobChangedData['kind'];
  occupationCode?: string;
  skills: { code: string; minLevel: number }[];
  skillReqs: string[];
  skillCount: number;
  headcount: number;
  filled: number;
  headcountLeft: number;
  wage: JobChangedData['wage'];
  wagePerDayMin?: number;
  wagePerDayMax?: number;
  location: { lat: number; lon: number };
  address?: string;
  regionCode: string;
  provinceCode?: string;
  cityCode?: string;
  regionCodes: string[];
  crossSourceCodes: string[];
  ageMin?: number;
  ageMax?: number;
  olderWorkerFriendly: boolean;
  instant: boolean;
  startAt?: string;
  endAt?: string;
  benefits?: JobChangedData['benefits'];
  relocationQuotaPct: number;
  laborBrand?: string;
  /** The brand's names and keywords (seeded or bureau-added), searched by `q` (四). */
  laborBrandText?: string;
  /** The full names of the job's region at every level and of the regions it recruits from, searched by `q`. */
  regionText?: string;
  /** Certificates a worker must validly hold (十): registered codes, any other as UNREGISTERED_CERTIFICATE. */
  requiredCertificates: string[];
  postedAt: string;
  updatedAt: string;
}

/** The region itself and its city and province, most general first, without duplicates. */
export function regionLevels(code: string): string[] {
  return [...new Set([provinceCodeOf(code), cityCodeOf(code), code].filter((c): c is string => !!c))];
}

/** 四川省 凉山彝族自治州 昭觉县 (and the names of the regions a cross-region job recruits from): public place names only. */
function regionTextOf(job: JobChangedData): string {
  const codes = [...regionLevels(job.location.regionCode), ...(job.crossRegion?.sourceRegionCodes ?? [])];
  return [...new Set(codes.map((code) => findRegion(code)?.name).filter((name): name is string => !!name))].join(' ');
}

/**
 * Stands for a required certificate outside the registry (job-collection refuses those; a newer
 * registry than this app's could send one): no worker holds it, so such a job matches nobody
 * rather than someone who may lack what the work legally needs. Not a valid code (no `?` in codes).
 */
export const UNREGISTERED_CERTIFICATE = '?unregistered';

/** The job's required certificates as indexed: each once, unregistered ones as UNREGISTERED_CERTIFICATE. */
function requiredCertificatesOf(job: JobChangedData): string[] {
  return [...new Set((job.requiredCertificates ?? []).map((code) => (isKnownCertificate(code) ? code : UNREGISTERED_CERTIFICATE)))];
}

/** `brandNames` gives a brand code's names and keywords (LaborBrandNames.namesOf in the app; the seeds alone by default). */
export function toJobDocument(job: JobChangedData, brandNames: (code: string) => readonly string[] = seededBrandNames): JobDocument {
  const brandText = job.laborBrand ? brandNames(job.laborBrand).join(' ') : '';
  const regionText = regionTextOf(job);
  const skills = job.skills.map((s) => ({ code: s.code, minLevel: s.minLevel ?? 1 }));
  const perDay = wageRangePerDay(job.wage);
  return {
    jobId: job.jobId,
    version: job.version,
    materialVersion: job.materialVersion,
    agencyId: job.agencyId,
    status: job.status,
    title: job.title,
    description: job.description,
    kind: job.kind,
    occupationCode: job.occupationCode,
    skills,
    skillReqs: skills.map((s) => `${s.code}@${s.minLevel}`),
    skillCount: new Set(skills.map((s) => `${s.code}@${s.minLevel}`)).size,
    headcount: job.headcount,
    filled: job.filled,
    headcountLeft: Math.max(0, job.headcount - job.filled),
    wage: { min: job.wage.min, max: job.wage.max, unit: job.wage.unit },
    wagePerDayMin: perDay?.min,
    wagePerDayMax: perDay?.max,
    location: { lat: job.location.lat, lon: job.location.lon },
    address: job.location.address,
    regionCode: job.location.regionCode,
    provinceCode: provinceCodeOf(job.location.regionCode),
    cityCode: cityCodeOf(job.location.regionCode),
    regionCodes: regionLevels(job.location.regionCode),
    crossSourceCodes: job.crossRegion?.sourceRegionCodes ?? [],
    ageMin: job.ageRange?.min,
    ageMax: job.ageRange?.max,
    olderWorkerFriendly: job.olderWorkerFriendly,
    instant: job.instant,
    startAt: job.startAt,
    endAt: job.endAt,
    benefits: job.benefits,
    relocationQuotaPct: job.relocationQuotaPct ?? 0,
    laborBrand: job.laborBrand,
    ...(brandText ? { laborBrandText: brandText } : {}),
    ...(regionText ? { regionText } : {}),
    requiredCertificates: requiredCertificatesOf(job),
    postedAt: job.postedAt,
    updatedAt: job.updatedAt,
  };
}

/** What a worker or station sees of a job in a match (the MatchFound job summary and more). */
export function jobSummary(job: JobDocument) {
  return {
    title: job.title,
    kind: job.kind,
    agencyId: job.agencyId,
    wage: job.wage,
    location: { regionCode: job.regionCode, lat: job.location.lat, lon: job.location.lon, ...(job.address ? { address: job.address } : {}) },
    ...(job.startAt ? { startAt: job.startAt } : {}),
    ...(job.endAt ? { endAt: job.endAt } : {}),
    instant: job.instant,
    headcountLeft: job.headcountLeft,
  };
}
