import { findRegion, isKnownCertificate, isKnownOccupation, isKnownRegion, isKnownSkill } from '@laowu/domain';
import { DomainError, type FieldProblem, fieldProblems } from '@laowu/platform';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ERRORS } from '../job-collection.errors';
import { CreateJobRequest } from './create-job.request.dto';
import { certainlyValidJob } from './job-request.fast-check';

/** The same options as the global validation pipe, for bodies validated item by item (bulk). */
const PIPE_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true, stopAtFirstError: false } as const;

export type CheckedJob = { job: CreateJobRequest; error?: undefined } | { job?: undefined; error: DomainError };

/** Validates one job body the way the HTTP pipe does: 400 with every failing field. */
export function validateJobBody(body: unknown): CheckedJob {
  return certainlyValidJob(body) ? { job: body } : validateWithClassValidator(body);
}

/** The thorough check (what the HTTP pipe does), naming every failing field. */
export function validateWithClassValidator(body: unknown): CheckedJob {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: '', problem: 'a job must be a JSON object' }]) };
  }
  const job = plainToInstance(CreateJobRequest, body);
  const problems = fieldProblems(validateSync(job, PIPE_OPTIONS));
  if (problems.length) return { error: DomainError.invalid(ERRORS.REQUEST_INVALID, problems) };
  return { job };
}

/**
 * Well-formed codes that the reference data does not know (GB/T 2260 regions, 国家职业分类大典
 * occupations, skill taxonomy, certificates). A labour brand may be bureau-added, so it is resolved
 * against the database too: see labor-brands/labor-brand-resolver.ts.
 */
export function referenceProblems(job: CreateJobRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isKnownRegion(job.location.regionCode)) {
    problems.push({ field: 'location.regionCode', problem: `${job.location.regionCode} is not a known GB/T 2260 region code` });
  }
  job.crossRegion?.sourceRegionCodes.forEach((code, i) => {
    if (!isKnownRegion(code)) problems.push({ field: `crossRegion.sourceRegionCodes.${i}`, problem: `${code} is not a known GB/T 2260 region code` });
  });
  if (job.occupationCode !== undefined && !isKnownOccupation(job.occupationCode)) {
    problems.push({ field: 'occupationCode', problem: `${job.occupationCode} is not a known 国家职业分类大典 occupation (GET /v1/reference/occupations)` });
  }
  job.skills?.forEach((skill, i) => {
    if (!isKnownSkill(skill.code)) problems.push({ field: `skills.${i}.code`, problem: `${skill.code} is not in the skill taxonomy` });
  });
  job.requiredCertificates?.forEach((certificate, i) => {
    if (!isKnownCertificate(certificate.code)) {
      problems.push({ field: `requiredCertificates.${i}.code`, problem: `${certificate.code} is not a known certificate (GET /v1/reference/certificates)` });
    }
  });
  return problems;
}

/**
 * Rules of policy on a well-formed job: a 乡村公益性岗位 (public_welfare) carries work-injury
 * insurance, `benefits.injuryInsurance: true` (policy 十六). Its other 十六 rules (no ageRange,
 * term ≤ 1 year) are field rules of CreateJobRequest (400).
 */
export function policyProblems(job: CreateJobRequest): FieldProblem[] {
  if (job.kind !== 'public_welfare' || job.benefits?.injuryInsurance === true) return [];
  return [{ field: 'benefits.injuryInsurance', problem: 'a public_welfare post must carry work-injury insurance: benefits.injuryInsurance must be true (policy 十六)' }];
}

/** The 422 of a well-formed job, if any: JOB.UNKNOWN_REFERENCE for unknown codes, else JOB.PUBLIC_WELFARE_UNINSURED. */
export function jobRuleError(job: CreateJobRequest): DomainError | undefined {
  const unknown = referenceProblems(job);
  if (unknown.length) return DomainError.unprocessable(ERRORS.JOB_UNKNOWN_REFERENCE, unknown);
  const policy = policyProblems(job);
  if (policy.length) return DomainError.unprocessable(ERRORS.JOB_PUBLIC_WELFARE_UNINSURED, policy);
  return undefined;
}

/** Throws jobRuleError's 422 when the job breaks a rule. */
export function assertJobRules(job: CreateJobRequest): void {
  const error = jobRuleError(job);
  if (error) throw error;
}

/** 422 naming `laborBrand` for a brand that neither the seeded list nor a bureau's addition knows. */
export function unknownLaborBrand(laborBrand: string): DomainError {
  return DomainError.unprocessable(ERRORS.JOB_UNKNOWN_REFERENCE, [
    { field: 'laborBrand', problem: `${laborBrand} is not a known 劳务品牌 code or name (GET /v1/reference/labor-brands)` },
  ]);
}

/** The job's point: as given, or the centre of its region. Call after assertJobRules. */
export function pointOf(job: CreateJobRequest): { lat: number; lon: number } {
  const { lat, lon } = job.location;
  if (lat != null && lon != null) return { lat, lon }; // null counts as absent, as for @IsOptional
  const region = findRegion(job.location.regionCode);
  if (!region) throw DomainError.unprocessable(ERRORS.JOB_UNKNOWN_REFERENCE, [{ field: 'location.regionCode', problem: 'unknown region' }]);
  return { lat: region.lat, lon: region.lon };
}
