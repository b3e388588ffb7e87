import { findRegion, isKnownRegion, isKnownSkill } from '@laowu/domain';
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

/** Well-formed codes that the reference data does not know (GB/T 2260 regions, skill taxonomy). */
export function referenceProblems(job: CreateJobRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isKnownRegion(job.location.regionCode)) {
    problems.push({ field: 'location.regionCode', problem: `${job.location.regionCode} is not a known GB/T 2260 region code` });
  }
  job.crossRegion?.sourceRegionCodes.forEach((code, i) => {
    if (!isKnownRegion(code)) problems.push({ field: `crossRegion.sourceRegionCodes.${i}`, problem: `${code} is not a known GB/T 2260 region code` });
  });
  job.skills?.forEach((skill, i) => {
    if (!isKnownSkill(skill.code)) problems.push({ field: `skills.${i}.code`, problem: `${skill.code} is not in the skill taxonomy` });
  });
  return problems;
}

/** Throws 422 JOB.UNKNOWN_REFERENCE when a code is unknown. */
export function assertKnownReferences(job: CreateJobRequest): void {
  const problems = referenceProblems(job);
  if (problems.length) throw DomainError.unprocessable(ERRORS.JOB_UNKNOWN_REFERENCE, problems);
}

/** The job's point: as given, or the centre of its region. Call after assertKnownReferences. */
export function pointOf(job: CreateJobRequest): { lat: number; lon: number } {
  const { lat, lon } = job.location;
  if (lat != null && lon != null) return { lat, lon }; // null counts as absent, as for @IsOptional
  const region = findRegion(job.location.regionCode);
  if (!region) throw DomainError.unprocessable(ERRORS.JOB_UNKNOWN_REFERENCE, [{ field: 'location.regionCode', problem: 'unknown region' }]);
  return { lat: region.lat, lon: region.lon };
}
