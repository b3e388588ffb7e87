import { Principal, regionContains } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
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

export function canWrite(principal: Principal, worker: Pick<Worker, 'stationId' | 'residenceRegionCode'>): boolean {
  return principal.role !== 'bureau' && canRead(principal, worker);
}

/**
 * Recording a status: whoever may write the worker, and also a station registering unemployment
 * in its own region — unemployment may be registered where the worker works or is insured (九), so
 * the station there must be able to record it without seeing the rest of the profile.
 */
export function canRecordStatus(
  principal: Principal,
  worker: Pick<Worker, 'stationId' | 'residenceRegionCode'>,
  entry: { status: string; regionCode: string },
): boolean {
  if (canWrite(principal, worker)) return true;
  return principal.role === 'station' && entry.status === 'unemployed' && regionContains(principal.region, entry.regionCode);
}

export function assertCanRegister(principal: Principal, stationId: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'station' && principal.sub === stationId) return;
  throw DomainError.forbidden('WORKER.FORBIDDEN', 'a station registers workers under its own stationId only');
}

/** Lists and monitoring: a principal reads them for a region inside its own (admin: anywhere). */
export function assertCanReadRegion(principal: Principal, regionCode: string): void {
  if (principal.role === 'admin' || regionContains(principal.region, regionCode)) return;
  throw DomainError.forbidden('REGION.FORBIDDEN', `region ${regionCode} is outside your region ${principal.region}`);
}

export function forbiddenWorker(): DomainError {
  return DomainError.forbidden('WORKER.FORBIDDEN', 'this worker is not registered by your station nor resident in your region');
}
