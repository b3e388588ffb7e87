import type { Role } from '@laowu/auth';
import { PRIORITY_GROUPS, PriorityGroup } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JobDocument, jobSummary } from '../indexing/job.document';
import { WorkerDocument } from '../indexing/worker.document';
import { RankedJob, RankedWorker } from '../ranking/ranking.service';
import { WorkerSummary, workerSummary } from './worker-summary';

export class ReasonResponse {
  @ApiProperty({
    example: 'distance',
    description: 'The ranking factor (see apps/matching/src/ranking/factors/), or `diversity`: a job moved below lower-scored ones so that no agency fills the list (contribution 0)',
  })
  factor: string;

  @ApiProperty({ example: 2.7, description: "This factor's share of the score; the contributions add up to it. Below 0 only for a poor dispatch record (agencyOutcomes, jobOutcomes)" })
  contribution: number;

  @ApiProperty({ example: '距离 12 km（通勤上限 30 km）' })
  detail: string;
}

export class JobMatchResponse {
  @ApiProperty({ format: 'uuid' }) jobId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [ReasonResponse] }) reasons: ReasonResponse[];
  // The type is named explicitly: a type alias has no runtime class for swagger to reflect.
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Job summary: title, kind, agencyId, wage, location, startAt, endAt, instant, headcountLeft' })
  job: ReturnType<typeof jobSummary>;
}

const WEIGHTS_VERSION = {
  example: 0,
  description: 'The ranking weights version that produced this ranking (0: the code defaults; GET /v1/admin/ranking-weights/history names the others)',
};

export class JobMatchesResponse {
  @ApiProperty(WEIGHTS_VERSION) weightsVersion: number;
  @ApiProperty({ type: [JobMatchResponse] }) items: JobMatchResponse[];
}

class SkillLevelResponse {
  @ApiProperty({ example: 'welding' }) code: string;
  @ApiProperty({ example: 3 }) level: number;
}

/** Masked by construction: name, resident ID number, phone and the exact location are never indexed. */
export class WorkerSummaryResponse implements WorkerSummary {
  @ApiProperty() stationId: string;
  @ApiProperty() ageYears: number;
  @ApiProperty() homeRegionCode: string;
  @ApiProperty() residenceRegionCode: string;
  @ApiProperty({ type: [SkillLevelResponse] }) skills: SkillLevelResponse[];
  @ApiProperty({ type: [SkillLevelResponse] }) certificates: SkillLevelResponse[];
  @ApiProperty({
    description:
      'The worker is a priority worker (十四: poverty-alleviated or a monitoring target) and ranks up. This flag is all a private agency ' +
      'learns of it: which group is not said.',
  })
  priority: boolean;
  @ApiPropertyOptional({
    enum: PRIORITY_GROUPS,
    isArray: true,
    description:
      'Which priority groups the worker belongs to: only for admin, station and bureau callers, never for an agency (an agency sees ' +
      '`priority`, and a relocated worker only as the `relocation` reason of a job with a relocation quota).',
  })
  priorityGroups?: PriorityGroup[];
  @ApiProperty({ type: [String], example: ['gig', 'fulltime'] }) kinds: WorkerSummary['kinds'];
  @ApiProperty() willingToMigrate: boolean;
  @ApiProperty() maxCommuteKm: number;
  @ApiPropertyOptional() minWagePerDay?: number;
  @ApiProperty() available: boolean;
}

export class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) workerId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [ReasonResponse] }) reasons: ReasonResponse[];
  @ApiProperty({ type: WorkerSummaryResponse, description: 'Masked worker summary: no name, ID number, phone or location' })
  worker: WorkerSummaryResponse;
}

export class CandidatesResponse {
  @ApiProperty(WEIGHTS_VERSION) weightsVersion: number;
  @ApiProperty({ type: [CandidateResponse] }) items: CandidateResponse[];
  @ApiPropertyOptional() jobId?: string;
}

export const toJobMatch = ({ job, score, reasons }: RankedJob): JobMatchResponse => ({
  jobId: job.jobId,
  score,
  reasons,
  job: jobSummary(job as JobDocument),
});

export const toCandidate = ({ worker, score, reasons }: RankedWorker, viewer: Role): CandidateResponse => ({
  workerId: worker.workerId,
  score,
  reasons,
  worker: workerSummary(worker as WorkerDocument, viewer),
});
