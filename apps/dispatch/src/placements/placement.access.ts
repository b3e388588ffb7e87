import { type Principal } from '@laowu/auth';
import { regionContains, regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../dispatch.errors';
import type { PlacementEntity } from './placement.entity';

type PlacementTenancy = Pick<PlacementEntity, 'stationId' | 'agencyId' | 'regionCode' | 'workerRegionCode'>;

/**
 * Who may see and change a placement. A station acts for its workers (the station that made the
 * placement, or the worker's station now), an agency for placements in its jobs, a bureau reads
 * those where the work is or the worker lives in its region (GB/T 2260 containment), an admin
 * everything. Anyone else gets one refusal that says nothing about the placement, the same
 * whether it exists or not (only an admin is told 404).
 *
 * `workerStationId`: the worker's current station in dispatch's worker view (null when unknown).
 */
export function mayChangePlacement(principal: Principal, placement: PlacementTenancy, workerStationId: string | null): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'station':
      return placement.stationId === principal.sub || workerStationId === principal.sub;
    case 'agency':
      return placement.agencyId === principal.sub;
    default:
      return false;
  }
}

export function mayReadPlacement(principal: Principal, placement: PlacementTenancy, workerStationId: string | null): boolean {
  if (principal.role === 'bureau') {
    return regionContains(principal.region, placement.regionCode) || regionContains(principal.region, placement.workerRegionCode);
  }
  return mayChangePlacement(principal, placement, workerStationId);
}

/**
 * Who may start a placement: a station for a worker of its own (dispatch's worker view), an
 * agency in a job of its own (dispatch's job view), an admin for anyone. A worker or job that does
 * not exist is refused like another's.
 */
export function mayPlace(principal: Principal, worker: { stationId: string } | null, job: { agencyId: string } | null): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'station':
      return worker?.stationId === principal.sub;
    case 'agency':
      return job?.agencyId === principal.sub;
    default:
      return false;
  }
}

/** The rows a caller's list is drawn from. */
export type PlacementListScope =
  | { kind: 'all' }
  | { kind: 'station'; stationId: string }
  | { kind: 'agency'; agencyId: string }
  | { kind: 'region'; prefix: string };

/**
 * The list's scope, after the filters a caller may not use are refused: an agency naming another
 * agency, a bureau naming a region outside its own (403, before anything is read).
 */
export function placementListScope(principal: Principal, filters: { agencyId?: string; regionCode?: string }): PlacementListScope {
  switch (principal.role) {
    case 'admin':
      return { kind: 'all' };
    case 'station':
      return { kind: 'station', stationId: principal.sub };
    case 'agency':
      if (filters.agencyId !== undefined && filters.agencyId !== principal.sub) {
        throw DomainError.forbidden(ERRORS.PLACEMENT_NOT_YOURS, 'an agency lists its own placements only');
      }
      return { kind: 'agency', agencyId: principal.sub };
    case 'bureau':
      if (!/^\d{6}$/.test(principal.region)) throw placementRefused();
      if (filters.regionCode !== undefined && !regionContains(principal.region, filters.regionCode)) {
        throw DomainError.forbidden(ERRORS.PLACEMENT_NOT_YOURS, `regionCode is outside your region ${principal.region}`);
      }
      return { kind: 'region', prefix: regionPrefix(principal.region) };
    default:
      throw placementRefused();
  }
}

/** The one refusal for a placement the caller may not see or change, or that does not exist. */
export function placementRefused(): DomainError {
  return DomainError.forbidden(ERRORS.PLACEMENT_NOT_YOURS, 'this placement is not one you may see or change');
}

/** The one refusal for a worker or job the caller may not place, or that does not exist. */
export function placingRefused(): DomainError {
  return DomainError.forbidden(ERRORS.PLACEMENT_NOT_YOURS, 'a station places its own workers, an agency in its own jobs');
}
