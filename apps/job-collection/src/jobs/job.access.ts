import { type Principal } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../job-collection.errors';
import { type JobEntity } from './job.entity';

/**
 * Who may do what with a job:
 * - agency: posts jobs; reads, changes and closes only its own (403 JOB.NOT_YOURS otherwise);
 * - admin: reads, lists, changes and closes every job;
 * - station, coordinator, bureau: may read a single job (they need to see what was offered),
 *   nothing else.
 */
export function assertMayRead(principal: Principal, job: JobEntity): void {
  if (principal.role === 'agency' && job.agencyId !== principal.sub) throw notYours();
}

export function assertMayChange(principal: Principal, job: JobEntity): void {
  if (principal.role === 'admin') return;
  if (principal.role !== 'agency' || job.agencyId !== principal.sub) throw notYours();
}

function notYours(): DomainError {
  return DomainError.forbidden(ERRORS.JOB_NOT_YOURS, 'this job belongs to another agency');
}
