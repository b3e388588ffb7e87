import { APP_NAME, DomainError, mapWithConcurrency } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { BulkItemResult } from './bulk-create-jobs.request.dto';
import { CreateJobRequest } from './create-job.request.dto';
import { appendJobChanges } from './job-changed.event';
import { toJobContent } from './job-content';
import { resolveLaborBrands } from '../labor-brands/labor-brand-resolver';
import { registeredEmployerIds, unknownEmployer } from './job-employer';
import { jobRuleError, pointOf, unknownLaborBrand, validateJobBody } from './job-request.validation';
import { JobEntity } from './job.entity';
import { insertJobsIgnoringRepeats } from './job-insert.sql';
import { JobsService, newJob } from './jobs.service';

const CHUNK_SIZE = 250;
/**
 * Items of a failed chunk written at once, one transaction each: a chunk's 250 transactions
 * started together would take every pooled connection and starve the app's event consumers.
 */
export const FALLBACK_CONCURRENCY = 4;

interface Prepared {
  index: number;
  request: CreateJobRequest;
  job: JobEntity;
}

/**
 * Bulk create. Each item is validated on its own (400/422 results never touch the database).
 * Valid items are written in chunks: one multi-row insert plus one outbox insert per chunk, in one
 * transaction, so a chunk's jobs and their events commit together or not at all. If a chunk
 * fails as a whole (e.g. a value the database refuses), its items are retried one by one, each
 * in its own transaction (a few at a time), so one bad item never takes others down with it. A crash mid-call
 * leaves whole chunks committed with their events and nothing of the rest; repeating the call
 * is safe for items with an externalId (identical repeats answer 200 with the existing id).
 */
@Injectable()
export class BulkJobsService {
  private readonly logger = new Logger(BulkJobsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async create(agencyId: string, items: unknown[]): Promise<BulkItemResult[]> {
    const results: BulkItemResult[] = new Array(items.length);
    const checked: { index: number; request: CreateJobRequest }[] = [];
    items.forEach((item, index) => {
      const prepared = check(item, index);
      if ('status' in prepared) results[index] = prepared;
      else checked.push(prepared);
    });
    // One query resolves every item's 劳务品牌 (seeded ones need none).
    const brands = await resolveLaborBrands(this.dataSource.manager, new Set(checked.flatMap(({ request }) => (request.laborBrand != null ? [request.laborBrand] : []))));
    const ready: Prepared[] = [];
    for (const { index, request } of checked) {
      const brand = request.laborBrand != null ? brands.get(request.laborBrand) : null;
      if (brand === undefined) results[index] = failure(index, unknownLaborBrand(request.laborBrand!));
      else ready.push({ index, request, job: newJob(agencyId, toJobContent(request, pointOf(request), brand), request) });
    }
    const registered = await registeredEmployerIds(this.dataSource.manager, ready.map((p) => p.request.employerId));
    const known = ready.filter((p) => {
      const employerId = p.request.employerId;
      if (employerId === undefined || registered.has(employerId)) return true;
      results[p.index] = failure(p.index, unknownEmployer(employerId));
      return false;
    });
    for (let i = 0; i < known.length; i += CHUNK_SIZE) {
      const chunk = known.slice(i, i + CHUNK_SIZE);
      for (const result of await this.writeChunkOrItems(agencyId, chunk)) results[result.index] = result;
    }
    return results;
  }

  private async writeChunkOrItems(agencyId: string, chunk: Prepared[]): Promise<BulkItemResult[]> {
    try {
      return await this.writeChunk(agencyId, chunk);
    } catch (error) {
      this.logger.warn(`bulk chunk of ${chunk.length} failed (${(error as Error).message}); writing its items one by one`);
      return mapWithConcurrency(chunk, FALLBACK_CONCURRENCY, (item) => this.writeOne(agencyId, item));
    }
  }

  private async writeChunk(agencyId: string, chunk: Prepared[]): Promise<BulkItemResult[]> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await insertJobsIgnoringRepeats(manager, chunk.map((p) => p.job));
      const created = chunk.filter((p) => inserted.has(p.job.id));
      await appendJobChanges(manager, created.map((p) => p.job), 'created', this.producer);
      const repeats = chunk.filter((p) => !inserted.has(p.job.id));
      const existing = repeats.length
        ? await manager.findBy(JobEntity, { agencyId, externalId: In(repeats.map((p) => p.job.externalId!)) })
        : [];
      const byExternalId = new Map(existing.map((job) => [job.externalId, job]));
      return chunk.map((p) => {
        if (inserted.has(p.job.id)) return { index: p.index, id: p.job.id, status: 201 };
        const job = byExternalId.get(p.job.externalId)!;
        if (job.requestHash !== p.job.requestHash) {
          return failure(p.index, DomainError.conflict(ERRORS.JOB_EXTERNAL_ID_CONFLICT, `externalId ${job.externalId} was already used for a different job`, { existingId: job.id }));
        }
        return { index: p.index, id: job.id, status: 200 };
      });
    });
  }

  private async writeOne(agencyId: string, item: Prepared): Promise<BulkItemResult> {
    try {
      const { job, created } = await this.jobs.create(agencyId, item.request);
      return { index: item.index, id: job.id, status: created ? 201 : 200 };
    } catch (error) {
      if (error instanceof DomainError) return failure(item.index, error);
      this.logger.error(`bulk item ${item.index} not saved: ${(error as Error).message}`);
      return { index: item.index, status: 500, error: { code: ERRORS.JOB_NOT_SAVED, message: 'the job could not be saved; retry it' } };
    }
  }
}

/** An item's 400 or 422 of its own rules, or the valid request. */
function check(item: unknown, index: number): { index: number; request: CreateJobRequest } | BulkItemResult {
  const checked = validateJobBody(item);
  if (checked.error) return failure(index, checked.error);
  const refused = jobRuleError(checked.job);
  if (refused) return failure(index, refused);
  return { index, request: checked.job };
}

function failure(index: number, error: DomainError): BulkItemResult {
  return {
    index,
    status: error.status,
    error: { code: error.code, message: error.message, details: error.details, ...(error.extra as { existingId?: string }) },
  };
}
