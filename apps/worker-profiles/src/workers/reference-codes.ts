import { isKnownCertificate, isKnownRegion, isKnownSkill } from '@laowu/domain';
import { DomainError, type FieldProblem } from '@laowu/platform';
import { ERRORS } from '../worker-profiles.errors';

export interface CodesToCheck {
  regions?: Record<string, string | undefined>;
  targetRegionCodes?: string[];
  skills?: { code: string }[];
  certificates?: { code: string; issuedOn?: string; validUntil?: string }[];
  /** The 劳务品牌 given, and whether the registry (seeded or bureau-added) knows it. */
  laborBrand?: { given: string; known: boolean };
}

/**
 * Well-formed codes that name nothing in the reference data are a 422 (API.md), naming every
 * offending field at once.
 */
export function assertKnownCodes(codes: CodesToCheck): void {
  const problems: FieldProblem[] = [];
  for (const [field, code] of Object.entries(codes.regions ?? {})) {
    if (code !== undefined && !isKnownRegion(code)) problems.push({ field, problem: `${code} is not a known GB/T 2260 region` });
  }
  (codes.targetRegionCodes ?? []).forEach((code, i) => {
    if (!isKnownRegion(code)) problems.push({ field: `preferences.targetRegionCodes.${i}`, problem: `${code} is not a known GB/T 2260 region` });
  });
  (codes.skills ?? []).forEach(({ code }, i) => {
    if (!isKnownSkill(code)) problems.push({ field: `skills.${i}.code`, problem: `${code} is not in the skill taxonomy` });
  });
  (codes.certificates ?? []).forEach(({ code, issuedOn, validUntil }, i) => {
    if (!isKnownCertificate(code)) problems.push({ field: `certificates.${i}.code`, problem: `${code} is not in the certificate taxonomy` });
    if (issuedOn && validUntil && validUntil < issuedOn) problems.push({ field: `certificates.${i}.validUntil`, problem: `is before issuedOn ${issuedOn}` });
  });
  if (codes.laborBrand && !codes.laborBrand.known) {
    problems.push({ field: 'laborBrand', problem: `${codes.laborBrand.given} is not a 劳务品牌 of the registry (GET /v1/reference/labor-brands)` });
  }
  if (problems.length) throw DomainError.unprocessable(ERRORS.WORKER_UNKNOWN_CODE, problems);
}

export function assertUniqueCodes(field: string, items: { code: string }[] | undefined): void {
  const seen = new Set<string>();
  for (const [i, { code }] of (items ?? []).entries()) {
    if (seen.has(code)) throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: `${field}.${i}.code`, problem: `${code} appears twice` }]);
    seen.add(code);
  }
}
