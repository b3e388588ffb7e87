import { type Principal } from '@laowu/auth';
import { regionContains } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { ERRORS } from '../job-collection.errors';

/**
 * Who may add a 劳务品牌: an admin anywhere; a bureau for an origin inside its region (a province's
 * bureau for any county of it). Decided before the brand's own rules (unknown region, repeats),
 * with one body whatever the brand.
 */
export function assertMayRegisterBrand(principal: Principal, regionCode: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'bureau' && regionContains(principal.region, regionCode)) return;
  throw DomainError.forbidden(ERRORS.LABOR_BRAND_OUTSIDE_REGION, "a bureau adds brands only for its own region's origins");
}

/** Per-brand figures: an admin for any region; a bureau for its region or a region inside it. */
export function assertMayReadBrandStats(principal: Principal, regionCode: string | undefined): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'bureau' && (regionCode === undefined || regionContains(principal.region, regionCode))) return;
  throw DomainError.forbidden(ERRORS.LABOR_BRAND_OUTSIDE_REGION, "a bureau reads the figures of its own region only");
}
