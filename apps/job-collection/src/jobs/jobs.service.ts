import { Principal } from '@laowu/auth';
import { JobKind, JobStatus } from '@laowu/contracts';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { resolveLaborBrands, type ResolvedLaborBrand } from '../labor-brands/labor-brand-resolver';
import { CreateJobRequest } from './create-job.request.dto';
import { assertMayChange, assertMayRead } from './job.access';
import { appendJobChanges } from './job-changed.event';
import { JobContent, requestHashOf, toJobContent } from './job-content';
import { assertEmployerRegistered } from './job-employer';
import { insertJobsIgnoringRepeats } from './job-insert.sql';
import { assertJobRules, pointOf, unknownLaborBrand } from './job-request.validation';
import { JobEntity } from './job.entity';

export interface CreateOutcome {
  job: JobEntity;
  /** false: an identical create with the same externalId had already made this job. */
  created: boolean;
}

export interface JobListQuery {
  status?: JobStatus;
  kind?: JobKind;
  agencyId?: string;
  page: number;
  pageSize: number;
}

/**
 * Jobs' write and read side. Every write changes the job row and appends its `job.changed`
 * event to the outbox in ONE transaction: a crash before commit leaves neither (the client sees
 * an error and may retry; create is idempotent by externalId), a crash after commit leaves both,
 * and the relay publishes the event later. Changes to one job serialize on its row lock, so
 * versions (and outbox order) follow commit order per job.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  /**
   * Race-safe idempotent create: the unique (agency_id, external_id) index decides. Concurrent
   * identical creates wait on the first insert; the losers find its row and compare the request
   * hash (same body → the existing job, different → 409 JOB.EXTERNAL_ID_CONFLICT).
   */
  async create(agencyId: string, request: CreateJobRequest): Promise<CreateOutcome> {
    assertJobRules(request);
    const brand = await laborBrandOf(this.dataSource.manager, request);
    const job = newJob(agencyId, toJobContent(request, pointOf(request), brand), request);
    return this.dataSource.transaction(async (manager) => {
      await assertEmployerRegistered(manager, request.employerId);
      const inserted = await insertJobsIgnoringRepeats(manager, [job]);
      if (inserted.has(job.id)) {
        await appendJobChanges(manager, [job], 'created', this.producer);
        return { job, created: true };
      }
      const existing = await manager.findOneByOrFail(JobEntity, { agencyId, externalId: job.externalId! });
      assertSameRequest(existing, job.requestHash);
      return { job: existing, created: false };
    });
  }

  /**
   * Full replacement: version + 1; materialVersion + 1 only when the content changed. Access is
   * decided before the body's 422 rules, so a refusal says nothing about another's job.
   */
  async update(principal: Principal, id: string, request: CreateJobRequest): Promise<JobEntity> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForChange(manager, principal, id);
      assertJobRules(request);
      await assertEmployerRegistered(manager, request.employerId);
      const content = toJobContent(request, pointOf(request), await laborBrandOf(manager, request));
      if (job.status === 'closed' || job.status === 'expired') {
        throw DomainError.conflict(ERRORS.JOB_NOT_OPEN, `job is ${job.status} and can no longer be changed`);
      }
      if (request.externalId !== undefined && request.externalId !== job.externalId) {
        throw DomainError.unprocessable(ERRORS.JOB_EXTERNAL_ID_FIXED, [{ field: 'externalId', problem: 'externalId cannot change' }]);
      }
      const materialChanged = content.materialHash !== job.materialHash;
      Object.assign(job, content, { externalId: job.externalId });
      job.version += 1;
      if (materialChanged) job.materialVersion += 1;
      job.status = job.filled >= job.headcount ? 'filled' : 'open';
      job.updatedAt = new Date();
      await manager.save(job);
      await appendJobChanges(manager, [job], 'updated', this.producer);
      return job;
    });
  }

  /** Closing a closed job changes nothing (no new version, no event); an expired one is 409. */
  async close(principal: Principal, id: string): Promise<JobEntity> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForChange(manager, principal, id);
      if (job.status === 'closed') return job;
      if (job.status === 'expired') throw DomainError.conflict(ERRORS.JOB_NOT_OPEN, 'job has already expired');
      job.status = 'closed';
      job.version += 1;
      job.updatedAt = new Date();
      await manager.save(job);
      await appendJobChanges(manager, [job], 'closed', this.producer);
      return job;
    });
  }

  async get(principal: Principal, id: string): Promise<JobEntity> {
    const job = await this.dataSource.manager.findOneBy(JobEntity, { id });
    if (!job) throw DomainError.notFound(ERRORS.JOB_NOT_FOUND, 'job');
    assertMayRead(principal, job);
    return job;
  }

  /** An agency lists its own jobs; an admin every job (or one agency's). Newest first. */
  async list(principal: Principal, query: JobListQuery): Promise<{ items: JobEntity[]; total: number }> {
    const where: FindOptionsWhere<JobEntity> = {};
    if (principal.role === 'agency') where.agencyId = principal.sub;
    else if (query.agencyId) where.agencyId = query.agencyId;
    if (query.status) where.status = query.status;
    if (query.kind) where.kind = query.kind;
    const [items, total] = await this.dataSource.manager.findAndCount(JobEntity, {
      where,
      order: { postedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total };
  }

  private async lockForChange(manager: EntityManager, principal: Principal, id: string): Promise<JobEntity> {
    const job = await manager.findOne(JobEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!job) throw DomainError.notFound(ERRORS.JOB_NOT_FOUND, 'job');
    assertMayChange(principal, job);
    return job;
  }
}

/** A new open job at version 1. */
export function newJob(agencyId: string, content: JobContent, request: Pick<CreateJobRequest, 'externalId'>): JobEntity {
  const now = new Date();
  return Object.assign(new JobEntity(), content, {
    id: randomUUID(),
    agencyId,
    requestHash: request.externalId ? requestHashOf(content) : null,
    filled: 0,
    placementsStarted: 0,
    status: 'open' as const,
    version: 1,
    materialVersion: 1,
    postedAt: now,
    updatedAt: now,
  });
}

/** The job's 劳务品牌 resolved from a code or name (seeded or bureau-added); 422 naming laborBrand when unknown. */
async function laborBrandOf(manager: EntityManager, request: Pick<CreateJobRequest, 'laborBrand'>): Promise<ResolvedLaborBrand | null> {
  if (request.laborBrand === undefined || request.laborBrand === null) return null;
  const brand = (await resolveLaborBrands(manager, [request.laborBrand])).get(request.laborBrand);
  if (!brand) throw unknownLaborBrand(request.laborBrand);
  return brand;
}

export function assertSameRequest(existing: JobEntity, requestHash: string | null): void {
  if (existing.requestHash !== requestHash) {
    throw DomainError.conflict(ERRORS.JOB_EXTERNAL_ID_CONFLICT, `externalId ${existing.externalId} was already used for a different job`, {
      existingId: existing.id,
    });
  }
}
