import { type JobChangedData } from '@laowu/contracts';
import { cityCodeOf, provinceCodeOf, wageRangePerDay } from '@laowu/domain';

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
  postedAt: string;
  updatedAt: string;
}

/** The region itself and its city and province, most general first, without duplicates. */
export function regionLevels(code: string): string[] {
  return [...new Set([provinceCodeOf(code), cityCodeOf(code), code].filter((c): c is string => !!c))];
}

export function toJobDocument(job: JobChangedData): JobDocument {
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
