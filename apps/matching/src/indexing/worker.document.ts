import { coarseLocation, type WorkerChangedData } from '@laowu/contracts';
import { findRegion, wagePerDay } from '@laowu/domain';
import { regionLevels } from './job.document';
import { type GeoPolygon, reachPolygon } from './reach-area';

/** The design's default commute radius when a worker gives none. */
export const DEFAULT_COMMUTE_KM = 30;

/** How a worker is stored in the `workers` index: matching rules only, nothing personal. */
export interface WorkerDocument {
  workerId: string;
  version: number;
  stationId: string;
  ageYears: number;
  homeRegionCode: string;
  homeCodes: string[];
  residenceRegionCode: string;
  residenceCodes: string[];
  location: { lat: number; lon: number };
  reachArea: GeoPolygon;
  maxCommuteKm: number;
  skills: { code: string; level: number }[];
  certificates: { code: string; level: number; validUntil?: string }[];
  /** `code@validUntil` (`code@9999-12-31` without an end) of each certificate: the requiredCertificates filter (ranking/required-certificates.ts). */
  certificateValidity: string[];
  skillKeys: string[];
  /** The worker's 劳务品牌 code (四). */
  laborBrand?: string;
  priorityGroups: WorkerChangedData['priorityGroups'];
  kinds: WorkerChangedData['preferences']['kinds'];
  willingToMigrate: boolean;
  targetRegionCodes: string[];
  minWagePerDay?: number;
  availableFrom?: string;
  employmentStatus: WorkerChangedData['employmentStatus'];
  available: boolean;
  updatedAt: string;
}

/** The validUntil of a certificate without a known end: later than any real date, as text too. */
export const NO_END = '9999-12-31';

/** The index key of a certificate held until `validUntil` (none: no known end). */
export function certificateValidityKey(code: string, validUntil: string | undefined): string {
  return `${code}@${validUntil ?? NO_END}`;
}

/** `code@1`…`code@level`: the keys of every job requirement this skill satisfies. */
export function skillKeysOf(skills: { code: string; level: number }[]): string[] {
  const keys = new Set<string>();
  for (const { code, level } of skills) for (let l = 1; l <= level; l++) keys.add(`${code}@${l}`);
  return [...keys];
}

/**
 * Where the worker is: their own point on the ≈ 1 km grid, or else the centre of their residence
 * region. worker-profiles publishes grid points; snapping again keeps exact points that older
 * events in the compacted topic still carry out of the index.
 */
function workerLocation(worker: WorkerChangedData): { lat: number; lon: number } {
  if (worker.location) return coarseLocation(worker.location);
  const region = findRegion(worker.residenceRegionCode) ?? findRegion(worker.homeRegionCode);
  return region ? { lat: region.lat, lon: region.lon } : { lat: 0, lon: 0 };
}

export function toWorkerDocument(worker: WorkerChangedData): WorkerDocument {
  const location = workerLocation(worker);
  const maxCommuteKm = worker.preferences.maxCommuteKm || DEFAULT_COMMUTE_KM;
  const minWage = worker.preferences.minWage;
  const skills = worker.skills.map((s) => ({ code: s.code, level: s.level }));
  const certificates = worker.certificates.map((c) => ({ code: c.code, level: c.level, ...(c.validUntil ? { validUntil: c.validUntil } : {}) }));
  return {
    workerId: worker.workerId,
    version: worker.version,
    stationId: worker.stationId,
    ageYears: worker.ageYears,
    homeRegionCode: worker.homeRegionCode,
    homeCodes: regionLevels(worker.homeRegionCode),
    residenceRegionCode: worker.residenceRegionCode,
    residenceCodes: regionLevels(worker.residenceRegionCode),
    location,
    reachArea: reachPolygon(location.lat, location.lon, maxCommuteKm),
    maxCommuteKm,
    skills,
    certificates,
    certificateValidity: [...new Set(certificates.map((c) => certificateValidityKey(c.code, c.validUntil)))],
    skillKeys: skillKeysOf([...skills, ...certificates]),
    laborBrand: worker.laborBrand,
    priorityGroups: worker.priorityGroups,
    kinds: worker.preferences.kinds,
    willingToMigrate: worker.preferences.willingToMigrate,
    targetRegionCodes: worker.preferences.willingToMigrate ? worker.preferences.targetRegionCodes : [],
    minWagePerDay: minWage ? wagePerDay(minWage.amount, minWage.unit) : undefined,
    availableFrom: worker.preferences.availableFrom,
    employmentStatus: worker.employmentStatus,
    available: worker.available,
    updatedAt: worker.updatedAt,
  };
}
