import { type Principal } from '@laowu/auth';
import { DomainError } from '@laowu/platform';
import type { JobDocument } from '../indexing/job.document';
import { ERRORS } from '../matching.errors';

/** Who may see a job's candidates (the route admits agencies and admins): an agency for its own jobs only. */
export function assertMayReadCandidates(principal: Principal, job: Pick<JobDocument, 'agencyId'>): void {
  if (principal.role === 'agency' && job.agencyId !== principal.sub) {
    throw DomainError.forbidden(ERRORS.JOB_NOT_YOURS, 'an agency sees candidates for its own jobs only');
  }
}
