import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { type AgencyListScope, agencyListScope } from '../common/agency-list-scope';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../job-collection.errors';
import { type SharingPostEntity } from './sharing-post.entity';

type PostTenancy = Pick<SharingPostEntity, 'agencyId' | 'regionCode'>;

/**
 * Who may do what with 共享用工 posts and agreements:
 * - a post: its agency changes (closes) it; its agency, a bureau whose region contains the post's
 *   region and an admin read it;
 * - an agreement: made by the agency of the offer or of the request (or an admin); read by either
 *   side's agency, a bureau whose region contains either post's or either employer's region, an admin.
 * Anyone else gets one refusal, the same whether the record exists or not (only an admin is told 404).
 */
export function mayChangePost(principal: Principal, post: PostTenancy | null): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'agency' && post?.agencyId === principal.sub;
}

export function mayReadPost(principal: Principal, post: PostTenancy | null): boolean {
  if (principal.role === 'bureau') return post !== null && regionContains(principal.region, post.regionCode);
  return mayChangePost(principal, post);
}

/** Either side's agency makes an agreement; a post that does not exist counts as another's. */
export function mayAgree(principal: Principal, offer: PostTenancy | null, request: PostTenancy | null): boolean {
  return mayChangePost(principal, offer) || mayChangePost(principal, request);
}

/**
 * An agreement's parties: the agencies of both posts and the one that made it; the regions of both
 * posts and of both employers (lender and borrower), for bureaus.
 */
export interface AgreementParties {
  agencyIds: string[];
  regionCodes: string[];
}

export function mayReadAgreement(principal: Principal, parties: AgreementParties | null): boolean {
  if (principal.role === 'admin') return true;
  if (parties === null) return false;
  if (principal.role === 'agency') return parties.agencyIds.includes(principal.sub);
  if (principal.role === 'bureau') return parties.regionCodes.some((code) => regionContains(principal.region, code));
  return false;
}

/** An agency lists its own posts, a bureau those in its region, an admin all. */
export const postListScope = (principal: Principal): AgencyListScope => agencyListScope(principal, sharingRefused);

/** The one refusal for a post or agreement the caller may not see or change, or that does not exist. */
export function sharingRefused(): DomainError {
  return DomainError.forbidden(ERRORS.SHARING_NOT_YOURS, 'this sharing post or agreement is not one you may see or change');
}
