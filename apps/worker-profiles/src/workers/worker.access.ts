import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../worker-profiles.errors';
import type { AuditedBasis } from './employment-status-entry.entity';
import type { Worker } from './worker.entity';

/**
 * Who may see and change a worker (ARCHITECTURE "Security and privacy"):
 * - admin: everyone;
 * - station: workers it registered, and workers whose residence (常住地) lies in its region;
 * - bureau: reads workers resident in its region (it answers for that region's lists), never writes;
 * - agency, coordinator: no access to individual profiles. Agencies see workers only as the
 *   masked candidate summaries matching returns for their own jobs; coordinators see manifests
 *   in dispatch. This keeps personal data with the stations that collected it.
 */
export function canRead(principal: Principal, worker: Pick<Worker, 'stationId' | 'residenceRegionCode'>): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'station':
      return worker.stationId === principal.sub || regionContains(principal.region, worker.residenceRegionCode);
    case 'bureau':
      return regionContains(principal.region, worker.residenceRegionCode);
    default:
      return false;
  }
}

/** The station that registered the worker (it collected the personal data). */
export function registeredBy(principal: Principal, worker: Pick<Worker, 'stationId'>): boolean {
  return principal.role === 'station' && principal.sub === worker.stationId;
}

export function canWrite(principal: Principal, worker: Pick<Worker, 'stationId' | 'residenceRegionCode'>): boolean {
  return principal.role !== 'bureau' && canRead(principal, worker);
}

/**
 * The audited path of 九 for a station that may not read the worker: unemployment may be
 * registered where the worker works or is insured, so the station there records it without seeing
 * the profile. Only `unemployed`, only in a region inside the station's own, and only on a basis
 * the station can show: an employment of the worker on record in that region (`workplaces`: the
 * regions of the worker's employed entries), or its declaration that the worker is insured there
 * (this service holds no insurance records: the declaration is what is recorded and audited).
 * Null: no access (403).
 */
export function auditedBasisFor(
  principal: Principal,
  entry: { status: string; regionCode: string; registeredAt?: string },
  workplaces: readonly string[],
): AuditedBasis | null {
  if (principal.role !== 'station' || entry.status !== 'unemployed') return null;
  if (!regionContains(principal.region, entry.regionCode)) return null;
  if (entry.registeredAt === 'insured') return 'insurance_declared';
  if (entry.registeredAt === 'employment' && workplaces.some((w) => regionContains(entry.regionCode, w))) return 'workplace_on_record';
  return null;
}

export function assertCanRegister(principal: Principal, stationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'station' && principal.sub === stationId) return;
  throw DomainError.forbidden(ERRORS.WORKER_FORBIDDEN, 'a station registers workers under its own stationId only');
}

/** Lists and monitoring: a principal reads them for a region inside its own (admin: anywhere). */
export function assertCanReadRegion(principal: Principal, regionCode: string): void {
  if (principal.role === 'admin' || regionContains(principal.region, regionCode)) return;
  throw DomainError.forbidden(ERRORS.REGION_FORBIDDEN, `region ${regionCode} is outside your region ${principal.region}`);
}

export function forbiddenWorker(): DomainError {
  return DomainError.forbidden(ERRORS.WORKER_FORBIDDEN, 'this worker is not registered by your station nor resident in your region');
}
