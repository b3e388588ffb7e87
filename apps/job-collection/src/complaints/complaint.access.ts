import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../job-collection.errors';
import { type ComplaintEntity } from './complaint.entity';

/**
 * Who may do what with a 维权 complaint (十一):
 * - station: files complaints for the workers it registered (worker_view), reads those it filed;
 * - bureau: reads, counts and moves the complaints routed into its region (a province or
 *   prefecture bureau covers everything inside it);
 * - admin: everything but filing (a complaint is filed by the worker's station);
 * - agency, coordinator: nothing.
 */
export function mayFileFor(principal: Principal, workerStationId: string | undefined): boolean {
  return principal.role === 'station' && workerStationId !== undefined && workerStationId === principal.sub;
}

export function mayRead(principal: Principal, complaint: Pick<ComplaintEntity, 'stationId' | 'routedRegionCode'>): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'station':
      return complaint.stationId === principal.sub;
    case 'bureau':
      return regionContains(principal.region, complaint.routedRegionCode);
    default:
      return false;
  }
}

export function mayChangeStatus(principal: Principal, complaint: Pick<ComplaintEntity, 'routedRegionCode'>): boolean {
  return principal.role === 'admin' || (principal.role === 'bureau' && regionContains(principal.region, complaint.routedRegionCode));
}

/** A bureau lists and counts inside its own region (its region by default); admin anywhere (null: no region filter). */
export function regionScopeFor(principal: Principal, regionCode: string | undefined): string | null {
  if (principal.role === 'admin') return regionCode ?? null;
  if (principal.role !== 'bureau') return regionCode ?? null;
  const region = regionCode ?? principal.region;
  if (!regionContains(principal.region, region)) {
    throw DomainError.forbidden(ERRORS.REGION_FORBIDDEN, `region ${region} is outside your region ${principal.region}`);
  }
  return region;
}

/** One body for another station's worker and for a worker the view does not know (yet). */
export const workerNotYours = (): DomainError =>
  DomainError.forbidden(ERRORS.COMPLAINT_WORKER_NOT_YOURS, 'complaints are filed by the station that registered the worker');

/** One body for a complaint outside the caller's reach and for one that does not exist. */
export const complaintNotYours = (): DomainError => DomainError.forbidden(ERRORS.COMPLAINT_NOT_YOURS, 'this complaint is not yours to see or handle');

/** A missing complaint: an admin learns it does not exist, anyone else gets the refusal. */
export const complaintMissing = (principal: Principal): DomainError =>
  principal.role === 'admin' ? DomainError.notFound(ERRORS.COMPLAINT_NOT_FOUND, 'complaint') : complaintNotYours();
