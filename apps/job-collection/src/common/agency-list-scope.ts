import { type Principal } from '@laowu/auth';
import { regionPrefix } from '@laowu/domain';

/** Which records of an agency-owned kind (employers, sharing posts) a list shows. */
export type AgencyListScope = { kind: 'all' } | { kind: 'agency'; agencyId: string } | { kind: 'region'; prefix: string };

/** An agency lists its own records, a bureau those in its region, an admin all; anyone else gets `refused()`. */
export function agencyListScope(principal: Principal, refused: () => Error): AgencyListScope {
  switch (principal.role) {
    case 'admin':
      return { kind: 'all' };
    case 'agency':
      return { kind: 'agency', agencyId: principal.sub };
    case 'bureau':
      if (!/^\d{6}$/.test(principal.region)) throw refused();
      return { kind: 'region', prefix: regionPrefix(principal.region) };
    default:
      throw refused();
  }
}
