import { certificateValidUntil } from '@laowu/domain';
import { type CertificateHeld } from './worker.entity';

/**
 * Certificates as stored (十): `validUntil` as given, else derived from `issuedOn` and the
 * certificate's validity years (none for one that does not expire, or without `issuedOn`).
 */
export function certificatesHeld(requested: readonly CertificateHeld[]): CertificateHeld[] {
  return requested.map(({ code, level, issuedOn, validUntil }) => {
    const until = validUntil ?? (issuedOn ? certificateValidUntil(code, issuedOn) : undefined);
    return { code, level, ...(issuedOn ? { issuedOn } : {}), ...(until ? { validUntil: until } : {}) };
  });
}
