import { type Principal } from '@laowu/auth';
import { regionContains, regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../dispatch.errors';

/**
 * Who may flag, unflag and read 就业帮扶车间 (十四): the bureau of the workshop's region (a province
 * or prefecture bureau covers everything inside it) and admins. Stations and agencies never.
 */
export function coversWorkshopRegion(principal: Principal, regionCode: string): boolean {
  return principal.role === 'admin' || (principal.role === 'bureau' && regionContains(principal.region, regionCode));
}

/**
 * The region prefix a caller's workshop reads and writes are confined to (null: everywhere), for
 * SQL `region_code LIKE prefix || '%'`, so that the access check and the write are one statement.
 */
export function workshopScope(principal: Principal): string | null {
  return principal.role === 'admin' ? null : regionPrefix(principal.region);
}

/** The one refusal for a workshop outside the caller's region, or that does not exist (for a bureau). */
export function workshopRefused(): DomainError {
  return DomainError.forbidden(ERRORS.WORKSHOP_NOT_YOURS, 'this workshop is not in a region you may act for');
}

/** What a missing (or out-of-scope) workshop answers: an admin learns it does not exist, anyone else gets the refusal. */
export function workshopMissing(principal: Principal): DomainError {
  return principal.role === 'admin' ? DomainError.notFound(ERRORS.WORKSHOP_NOT_FOUND, 'workshop') : workshopRefused();
}
