export const ROLES = ['admin', 'agency', 'station', 'coordinator', 'bureau'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from the bearer token's claims. */
export interface Principal {
  sub: string;
  role: Role;
  /** GB/T 2260 code of the region the principal acts for. */
  region: string;
}

/** GB/T 2260 codes nest by prefix: 510000 (province) ⊃ 513400 (city) ⊃ 513401 (county). */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function regionContains(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}
