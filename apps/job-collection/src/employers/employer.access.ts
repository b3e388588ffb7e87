import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { type AgencyListScope, agencyListScope } from '../common/agency-list-scope';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../job-collection.errors';
import { type EmployerEntity } from './employer.entity';

type EmployerTenancy = Pick<EmployerEntity, 'agencyId' | 'regionCode'>;

/**
 * Who may see an employer: the agency that registered it, a bureau whose region contains the
 * employer's region (GB/T 2260), an admin. Anyone else gets one refusal, the same whether the
 * employer exists or not (only an admin is told 404). The same callers may switch its workshop
 * flag (就业帮扶车间).
 */
export function mayReadEmployer(principal: Principal, employer: EmployerTenancy | null): boolean {
  switch (principal.role) {
    case 'admin':
      return true;
    case 'agency':
      return employer?.agencyId === principal.sub;
    case 'bureau':
      return employer !== null && regionContains(principal.region, employer.regionCode);
    default:
      return false;
  }
}

/** Who may switch the workshop flag: the same callers as may read it. */
export function mayChangeEmployer(principal: Principal, employer: EmployerTenancy | null): boolean {
  return mayReadEmployer(principal, employer);
}

/** The one refusal for an employer the caller may not see, or that does not exist. */
export function employerRefused(): DomainError {
  return DomainError.forbidden(ERRORS.EMPLOYER_NOT_YOURS, 'this employer is not one you may see or change');
}

/**
 * Whose employers a caller lists: an agency its own, a bureau those in its region (a regionCode
 * filter outside it is 403 before anything is read), an admin all.
 */
export function employerListScope(principal: Principal, filters: { regionCode?: string }): AgencyListScope {
  if (principal.role === 'bureau' && filters.regionCode !== undefined && !regionContains(principal.region, filters.regionCode)) {
    throw DomainError.forbidden(ERRORS.EMPLOYER_NOT_YOURS, `regionCode is outside your region ${principal.region}`);
  }
  return agencyListScope(principal, employerRefused);
}
