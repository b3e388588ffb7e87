import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../worker-profiles.errors';

/**
 * Who sets a region's monitoring line (十六): a bureau whose region contains it (a provincial
 * bureau for its cities and counties too), and admin. Anyone may read lines: reference data.
 * Decided on the code alone, before the code is looked up.
 */
export function assertCanSetLine(principal: Principal, regionCode: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'bureau' && regionContains(principal.region, regionCode)) return;
  throw DomainError.forbidden(ERRORS.REGION_FORBIDDEN, `region ${regionCode} is outside your region ${principal.region}`);
}
