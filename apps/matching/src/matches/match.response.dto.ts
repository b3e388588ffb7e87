import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { JobDocument, jobSummary } from '../indexing/job.document';
import { WorkerDocument, workerSummary } from '../indexing/worker.document';
import { RankedJob, RankedWorker } from '../ranking/ranking.service';

export class ReasonResponse {
  @ApiProperty({ example: 'distance', description: 'The ranking factor (see ranking.weights.ts)' })
  factor: string;

  @ApiProperty({ example: 2.7, description: "This factor's share of the score; the contributions add up to it" })
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

export class JobMatchesResponse {
  @ApiProperty({ type: [JobMatchResponse] }) items: JobMatchResponse[];
}

export class CandidateResponse {
  @ApiProperty({ format: 'uuid' }) workerId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [ReasonResponse] }) reasons: ReasonResponse[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Masked worker summary: no name, ID number or phone (they are never indexed)' })
  worker: ReturnType<typeof workerSummary>;
}

export class CandidatesResponse {
  @ApiProperty({ type: [CandidateResponse] }) items: CandidateResponse[];
  @ApiPropertyOptional() jobId?: string;
}

export const toJobMatch = ({ job, score, reasons }: RankedJob): JobMatchResponse => ({
  jobId: job.jobId,
  score,
  reasons,
  job: jobSummary(job as JobDocument),
});

export const toCandidate = ({ worker, score, reasons }: RankedWorker): CandidateResponse => ({
  workerId: worker.workerId,
  score,
  reasons,
  worker: workerSummary(worker as WorkerDocument),
});
