import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../matching.errors';
import { type SharingPost } from './sharing-post.entity';

/**
 * Who may see the offers ranked for a 共享用工 request (the route admits agencies, bureaus and
 * admins): the agency that posted it, a bureau whose region contains the request's region, admin.
 * A request matching has not seen cannot be told apart from another's for an agency or a bureau:
 * both get the same 403 (whose message says it may not be indexed yet); admin gets 404.
 */
export function assertMayReadRequestOffers(principal: Principal, request: Pick<SharingPost, 'agencyId' | 'regionCode'> | undefined): asserts request is Pick<SharingPost, 'agencyId' | 'regionCode'> {
  if (principal.role === 'admin') {
    if (!request) throw new DomainError(ERRORS.SHARING_REQUEST_NOT_INDEXED, 'sharing request not found: not yet indexed by matching, or no such request', 404);
    return;
  }
  if (request && principal.role === 'agency' && request.agencyId === principal.sub) return;
  if (request && principal.role === 'bureau' && regionContains(principal.region, request.regionCode)) return;
  throw DomainError.forbidden(
    ERRORS.SHARING_REQUEST_FORBIDDEN,
    'a sharing request’s offers are for the agency that posted it, the bureaus of its region and admin (or matching has not indexed the request yet)',
  );
}
