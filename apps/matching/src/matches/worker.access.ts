import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import type { WorkerDocument } from '../indexing/worker.document';
import { ERRORS } from '../matching.errors';

/**
 * Who may see a worker's ranked jobs (the route admits stations and admins): a station sees the
 * workers worker-profiles lets it read, those it registered and those resident in its region.
 */
export function assertMayReadWorker(principal: Principal, worker: Pick<WorkerDocument, 'stationId' | 'residenceRegionCode'>): void {
  if (principal.role !== 'station' || worker.stationId === principal.sub || regionContains(principal.region, worker.residenceRegionCode)) return;
  throw DomainError.forbidden(ERRORS.WORKER_FORBIDDEN, 'a station sees only workers it registered or who live in its region');
}
