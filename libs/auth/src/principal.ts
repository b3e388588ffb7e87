export const ROLES = ['admin', 'agency', 'station', 'coordinator', 'bureau'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from the bearer token's claims. */
export interface Principal {
  sub: string;
  role: Role;
  /** GB/T 2260 code of the region the principal acts for. */
  region: string;
}

