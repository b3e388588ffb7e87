import { type Principal } from '@laowu/auth';
import { regionContains, regionPrefix } from '@laowu/domain';
import { DomainError, type FieldProblem } from '@laowu/platform';
import { ERRORS } from '../dispatch.errors';
import type { BatchEntity } from './batch.entity';

/**
 * Who may see and change a batch (issue 14 #5). A coordinator acts inside its region (GB/T 2260:
 * a province code covers its province, a prefecture code its prefecture, a county code itself):
 * its batches leave from there, with workers who live or are registered as from there, and it
 * changes only the batches it planned. A bureau reads the batches leaving its region; an admin
 * everything. Anyone else is refused with one answer that says nothing about the batch, the same
 * whether it exists or not.
 */
export function mayReadBatch(principal: Principal, batch: Pick<BatchEntity, 'coordinatorId' | 'originRegionCode'>): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'bureau':
      return regionContains(principal.region, batch.originRegionCode);
    case 'coordinator':
      return mayChangeBatch(principal, batch);
    default:
      return false;
  }
}

/**
 * mayReadBatch as a condition on `alias` (a batches row) for lists filtered in the database; null
 * when the caller reads every batch.
 */
export function readableBatchesSql(principal: Principal, alias: string): { sql: string; params: Record<string, string> } | null {
  const origin = { region: `${regionPrefix(principal.region)}%` };
  switch (principal.role) {
    case 'admin':
      return null;
    case 'bureau':
      return { sql: `${alias}.origin_region_code LIKE :region`, params: origin };
    case 'coordinator':
      return { sql: `${alias}.coordinator_id = :sub AND ${alias}.origin_region_code LIKE :region`, params: { ...origin, sub: principal.sub } };
    default:
      return { sql: 'false', params: {} };
  }
}

export function mayChangeBatch(principal: Principal, batch: Pick<BatchEntity, 'coordinatorId' | 'originRegionCode'>): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'coordinator' && batch.coordinatorId === principal.sub && regionContains(principal.region, batch.originRegionCode);
}

/** A region code a caller may plan from (admin: any). */
export function coversRegion(principal: Principal, regionCode: string): boolean {
  return principal.role === 'admin' || regionContains(principal.region, regionCode);
}

/** The one refusal for a batch the caller may not see or change, or that does not exist. */
export function batchRefused(): DomainError {
  return DomainError.forbidden(ERRORS.BATCH_NOT_YOURS, 'this batch is not one you may see or change');
}

/** A new batch (or its origin station) outside the coordinator's region. */
export function outsideRegion(field: string, principal: Principal): DomainError {
  return new DomainError(ERRORS.BATCH_OUTSIDE_REGION, `${field}: outside your region ${principal.region}`, 403, [{ field, problem: `is outside your region ${principal.region}` }]);
}

/** Where a worker lives (常住地) and is registered as from (户籍), as dispatch's worker view holds them. */
export interface WorkerRegions {
  home: string;
  residence: string;
}

/** A worker a coordinator of `region` may seat: one who lives in or is registered as from (户籍) the region. */
export function isWorkerOfRegion(region: string, worker: WorkerRegions): boolean {
  return regionContains(region, worker.residence) || regionContains(region, worker.home);
}

/**
 * isWorkerOfRegion as SQL over dispatch's worker view (`alias`: the worker_view row; `pattern`: the
 * placeholder holding seatableWorkersPattern's value), for lists filtered in the database.
 */
export function workerOfRegionSql(alias: string, pattern: string): string {
  return `(${alias}.residence_region_code LIKE ${pattern} OR ${alias}.home_region_code LIKE ${pattern})`;
}

/**
 * The workers a caller may seat, hence see as candidates for a batch (their accepted matches): an
 * admin everyone (null), a coordinator those of its region (the LIKE pattern workerOfRegionSql
 * takes). Any other role is refused, as the roles guard in front of it refuses it.
 */
export function seatableWorkersPattern(principal: Principal): string | null {
  if (principal.role === 'admin') return null;
  if (principal.role !== 'coordinator') throw DomainError.forbidden('AUTH.ROLE_NOT_ALLOWED', `role ${principal.role} may not seat workers`);
  return `${regionPrefix(principal.region)}%`;
}

/**
 * Workers the coordinator may not seat: not known to dispatch, or not of its region
 * (isWorkerOfRegion). Both read the same, so the answer tells nothing about a worker.
 */
export function workersOutsideRegion(principal: Principal, workerIds: string[], regionsOf: Map<string, WorkerRegions>): FieldProblem[] {
  if (principal.role === 'admin') return [];
  return workerIds.flatMap((workerId, i) => {
    const regions = regionsOf.get(workerId);
    if (regions && isWorkerOfRegion(principal.region, regions)) return [];
    return [{ field: `workerIds[${i}]`, problem: 'is not a worker of your region' }];
  });
}
