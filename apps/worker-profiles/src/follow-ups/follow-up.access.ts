import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { assertKnownRegion } from '../lists/lists.service';
import { ERRORS } from '../worker-profiles.errors';
import { canRead } from '../workers/worker.access';
import type { Worker } from '../workers/worker.entity';

/**
 * Who keeps and reads the follow-up ledger (帮扶台账, 十三):
 * - record a follow-up: the station that registered the worker (it keeps the worker's ledger) and admin;
 * - read a worker's follow-ups: that station, a bureau that may read the worker (resident in its
 *   region, as GET /v1/workers/{id}), admin;
 * - region-wide reads (due list, the month's ledger): a station its own workers, a bureau the
 *   workers whose home (户籍地, as monthly monitoring) lies in its region, admin any region it names.
 */
export function canRecordFollowUp(principal: Principal, worker: Pick<Worker, 'stationId'>): boolean {
  return principal.role === 'admin' || (principal.role === 'station' && worker.stationId === principal.sub);
}

export function canReadFollowUps(principal: Principal, worker: Pick<Worker, 'stationId' | 'residenceRegionCode'>): boolean {
  if (principal.role === 'station') return worker.stationId === principal.sub;
  return canRead(principal, worker);
}

/** One refusal for another's worker and for one that does not exist (admin alone learns of a missing one: 404). */
export function forbiddenFollowUps(): DomainError {
  return DomainError.forbidden(ERRORS.WORKER_FORBIDDEN, 'the follow-ups of a worker are kept by the station that registered it; bureaus read those of workers resident in their region');
}

/** Which workers a region-wide read covers: a station's own (optionally by home region), or every worker whose home lies in a region. */
export type LedgerScope = { stationId: string; regionCode: string | null } | { stationId: null; regionCode: string };

/**
 * The scope of a due list or ledger for the caller, decided before anything else: a bureau naming
 * a region outside its own gets 403, before an unknown code could answer 422; a bureau naming none
 * reads its own; admin must name one (400 naming regionCode).
 */
export function ledgerScope(principal: Principal, regionCode: string | undefined): LedgerScope {
  switch (principal.role) {
    case 'station':
      if (regionCode !== undefined) assertKnownRegion(regionCode);
      return { stationId: principal.sub, regionCode: regionCode ?? null };
    case 'bureau': {
      const region = regionCode ?? principal.region;
      if (!regionContains(principal.region, region)) {
        throw DomainError.forbidden(ERRORS.REGION_FORBIDDEN, `region ${region} is outside your region ${principal.region}`);
      }
      assertKnownRegion(region);
      return { stationId: null, regionCode: region };
    }
    case 'admin':
      if (regionCode === undefined) throw DomainError.invalid(ERRORS.FOLLOW_UP_REGION_REQUIRED, [{ field: 'regionCode', problem: 'regionCode is required for admin' }]);
      assertKnownRegion(regionCode);
      return { stationId: null, regionCode };
    default:
      throw DomainError.forbidden(ERRORS.REGION_FORBIDDEN, 'the follow-up ledger is read by stations, bureaus and admin');
  }
}
