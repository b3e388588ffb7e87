import { type Principal } from '@laowu/auth';
import { TOPICS } from '@laowu/contracts';
import { chinaDate, isKnownRegion, redactPersonalNumbers, regionPrefix } from '@laowu/domain';
import { appendToOutbox } from '@laowu/messaging';
import { APP_NAME, DomainError, type FieldProblem } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, QueryFailedError } from 'typeorm';
import { ERRORS } from '../dispatch.errors';
import { MatchEntity } from '../matches/match.entity';
import { SCHEMA } from '../schema';
import { EmployerViewEntity } from '../views/employer-view.entity';
import { JobViewEntity } from '../views/job-view.entity';
import { WorkerViewEntity } from '../views/worker-view.entity';
import { CreatePlacementCheckRequest } from './create-placement-check.request.dto';
import { CreatePlacementRequest } from './create-placement.request.dto';
import { EndPlacementRequest } from './end-placement.request.dto';
import { ListPlacementsQuery } from './list-placements.query.dto';
import { mayChangePlacement, mayPlace, mayReadPlacement, placementListScope, placementRefused, placingRefused } from './placement.access';
import { PlacementCheckEntity } from './placement-check.entity';
import { PlacementEntity } from './placement.entity';
import { activePlacements, endPlacement, insertPlacement, lockWorkers } from './placement-ledger';
import { PlacementCheckResponse, PlacementListResponse, PlacementResponse } from './placement.response.dto';
import { checkDueDate, placementClash, plannedEndDate } from './placement-rules';

type WorkerFacts = Pick<WorkerViewEntity, 'stationId' | 'priorityGroups' | 'residenceRegionCode'>;
type JobFacts = Pick<JobViewEntity, 'jobId' | 'agencyId' | 'status' | 'kind' | 'regionCode' | 'endAt'>;

/**
 * Placements (就业): a worker at work, whatever brought it about. Each write is one transaction
 * under the worker's lock (the key batch seating takes too): rules and conflicts are checked
 * against committed placements, and the row and its event (outbox) commit together — a crash
 * halfway leaves neither.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  /**
   * Starts a placement: access first (a station's own worker, an agency's own job), then the
   * rules (422), then the worker's active placements (409, or 422 for a concurrent flag the
   * policy does not allow); the row and its PlacementStarted commit together.
   */
  async create(principal: Principal, request: CreatePlacementRequest): Promise<PlacementResponse> {
    if (principal.role === 'agency' && !request.jobId) {
      throw DomainError.unprocessable(ERRORS.PLACEMENT_INVALID, [{ field: 'jobId', problem: 'an agency places workers in its own jobs: jobId is required' }]);
    }
    try {
      const placement = await this.dataSource.transaction(async (manager) => {
        await lockWorkers(manager, [request.workerId]);
        const worker = await workerFacts(manager, request.workerId);
        const givenJob = request.jobId ? await jobFacts(manager, request.jobId) : null;
        if (!mayPlace(principal, worker, givenJob)) throw placingRefused();
        const placement = await this.newPlacement(manager, principal, request, worker, givenJob);
        await this.assertNoClash(manager, placement);
        const started = await insertPlacement(manager, placement, this.producer);
        await appendToOutbox(manager, SCHEMA, TOPICS.dispatch, [started]);
        return placement;
      });
      return PlacementResponse.of(placement, [], { showPriorityGroups: principal.role !== 'agency' });
    } catch (error) {
      if (isActivePlacementViolation(error)) throw await this.raceLost(request.workerId);
      throw error;
    }
  }

  /** Ends an active placement with its PlacementEnded (other active placements counted after the end). */
  async end(principal: Principal, id: string, request: EndPlacementRequest): Promise<PlacementResponse> {
    const placement = await this.dataSource.transaction(async (manager) => {
      const found = await this.forChange(manager, principal, id);
      await lockWorkers(manager, [found.workerId]);
      const placement = await manager.getRepository(PlacementEntity).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!placement.active) {
        throw DomainError.conflict(ERRORS.PLACEMENT_ALREADY_ENDED, `placement ${id} ended on ${placement.endDate}`, { endDate: placement.endDate });
      }
      const problems = endDateProblems(placement.startDate, request.endDate);
      if (problems.length) throw DomainError.unprocessable(ERRORS.PLACEMENT_INVALID, problems);
      const ended = await endPlacement(manager, placement, request, this.producer);
      await appendToOutbox(manager, SCHEMA, TOPICS.dispatch, [ended]);
      return placement;
    });
    return this.respond(principal, placement);
  }

  /**
   * Records a retention check (稳岗回访): due `afterMonths` calendar months after the start (422
   * before), one per month count (409 for a second). It records only; the placement goes on.
   * One statement: a crash leaves the check recorded or not.
   */
  async check(principal: Principal, id: string, request: CreatePlacementCheckRequest): Promise<PlacementCheckResponse> {
    const placement = await this.forChange(this.dataSource.manager, principal, id);
    const due = checkDueDate(placement.startDate, request.afterMonths);
    if (chinaDate() < due) {
      throw new DomainError(
        ERRORS.PLACEMENT_CHECK_NOT_DUE,
        `afterMonths: the ${request.afterMonths}-month check is due on ${due}`,
        422,
        [{ field: 'afterMonths', problem: `is not due before ${due}` }],
        { dueDate: due },
      );
    }
    const note = request.note === undefined ? null : redactPersonalNumbers(request.note);
    const rows: { checked_at: Date }[] = await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".placement_checks (placement_id, after_months, still_employed, note, checked_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING checked_at`,
      [id, request.afterMonths, request.stillEmployed, note, principal.sub],
    );
    if (!rows.length) {
      throw DomainError.conflict(ERRORS.PLACEMENT_CHECK_ALREADY_RECORDED, `the ${request.afterMonths}-month check of placement ${id} is already recorded`, {
        afterMonths: request.afterMonths,
      });
    }
    // The row is what was just written: no second read.
    const check: PlacementCheckEntity = {
      placementId: id, afterMonths: request.afterMonths, stillEmployed: request.stillEmployed, note, checkedBy: principal.sub, checkedAt: rows[0].checked_at,
    };
    return PlacementCheckResponse.of(check);
  }

  async get(principal: Principal, id: string): Promise<PlacementResponse> {
    const placement = await this.dataSource.getRepository(PlacementEntity).findOneBy({ id });
    if (!placement) throw notFoundFor(principal, id);
    if (!mayReadPlacement(principal, placement, await stationOfWorker(this.dataSource.manager, placement.workerId))) throw placementRefused();
    return this.respond(principal, placement);
  }

  /** The caller's placements (a station its workers', an agency its jobs', a bureau its region's), newest start first. */
  async list(principal: Principal, query: ListPlacementsQuery): Promise<PlacementListResponse> {
    const scope = placementListScope(principal, query);
    const builder = this.dataSource.getRepository(PlacementEntity).createQueryBuilder('p');
    if (scope.kind === 'station') {
      builder.andWhere(
        `(p.station_id = :stationId OR p.worker_id IN (SELECT w.worker_id FROM "${SCHEMA}".worker_view w WHERE w.station_id = :stationId))`,
        { stationId: scope.stationId },
      );
    } else if (scope.kind === 'agency') {
      builder.andWhere('p.agency_id = :scopeAgency', { scopeAgency: scope.agencyId });
    } else if (scope.kind === 'region') {
      builder.andWhere('(p.region_code LIKE :scopePrefix OR p.worker_region_code LIKE :scopePrefix)', { scopePrefix: `${scope.prefix}%` });
    }
    if (query.workerId) builder.andWhere('p.worker_id = :workerId', { workerId: query.workerId });
    if (query.jobId) builder.andWhere('p.job_id = :jobId', { jobId: query.jobId });
    if (query.agreementId) builder.andWhere('p.agreement_id = :agreementId', { agreementId: query.agreementId });
    if (query.employerId) builder.andWhere('p.employer_id = :employerId', { employerId: query.employerId });
    if (query.agencyId) builder.andWhere('p.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.regionCode) {
      builder.andWhere('(p.region_code LIKE :prefix OR p.worker_region_code LIKE :prefix)', { prefix: `${regionPrefix(query.regionCode)}%` });
    }
    if (query.active) builder.andWhere('p.active = :active', { active: query.active === 'true' });
    const [placements, total] = await builder
      .orderBy('p.start_date', 'DESC')
      .addOrderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const checks = placements.length
      ? await this.dataSource.getRepository(PlacementCheckEntity).findBy({ placementId: In(placements.map((p) => p.id)) })
      : [];
    const showPriorityGroups = principal.role !== 'agency';
    return {
      items: placements.map((p) => PlacementResponse.of(p, checks.filter((c) => c.placementId === p.id), { showPriorityGroups })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /** The placement to start, after the rules that need no other placement (422 naming every failing field). */
  private async newPlacement(
    manager: EntityManager,
    principal: Principal,
    request: CreatePlacementRequest,
    worker: WorkerFacts | null,
    givenJob: JobFacts | null,
  ): Promise<PlacementEntity> {
    const problems: FieldProblem[] = [];
    if (request.source === 'batch') problems.push({ field: 'source', problem: 'a batch arrival creates its own placements; use match or direct' });
    if (request.source === 'sharing') problems.push({ field: 'source', problem: 'a 共享用工 placement comes only from an agreement (POST /v1/sharing/agreements); use match or direct' });
    const employer = await employerOf(manager, request, problems);
    if (request.source === 'match' && !request.matchId) problems.push({ field: 'matchId', problem: 'is required with source match' });
    let jobId = request.jobId ?? null;
    if (request.matchId) {
      const match = await manager.getRepository(MatchEntity).findOneBy({ id: request.matchId });
      const problem = matchProblem(match, request);
      if (problem) problems.push({ field: 'matchId', problem });
      else jobId ??= match!.jobId;
    }
    const job = givenJob ?? (jobId ? await jobFacts(manager, jobId) : null);
    if (jobId && !job) problems.push({ field: 'jobId', problem: 'is not a job dispatch knows' });
    else if (job && job.status !== 'open') problems.push({ field: 'jobId', problem: `job is ${job.status}` });
    if (!worker) problems.push({ field: 'workerId', problem: 'is not a worker dispatch knows' });
    const today = chinaDate();
    const plannedEnd = job ? plannedEndDate(job.kind, job.endAt) : null;
    if (request.startDate > today) problems.push({ field: 'startDate', problem: `is in the future (today is ${today} in China)` });
    else if (plannedEnd && request.startDate > plannedEnd) problems.push({ field: 'startDate', problem: `is after the public-welfare post ends (${plannedEnd})` });
    const regionCode = request.regionCode ?? job?.regionCode ?? worker?.residenceRegionCode;
    if (regionCode && !isKnownRegion(regionCode)) problems.push({ field: 'regionCode', problem: 'is not a known GB/T 2260 code' });
    if (problems.length || !worker || !regionCode || !employer) throw DomainError.unprocessable(ERRORS.PLACEMENT_INVALID, problems);
    return {
      id: randomUUID(),
      workerId: request.workerId,
      jobId: job?.jobId ?? null,
      matchId: request.matchId ?? null,
      batchId: null,
      source: request.source,
      agencyId: job?.agencyId ?? null,
      stationId: worker.stationId,
      employerId: employer.id,
      agreementId: null,
      employerName: employer.name,
      employerCreditCode: employer.creditCode,
      regionCode,
      workerRegionCode: worker.residenceRegionCode,
      jobKind: job?.kind ?? null,
      priorityGroups: worker.priorityGroups,
      concurrent: request.concurrent ?? false,
      wage: request.wage ? { amount: request.wage.amount, unit: request.wage.unit } : null,
      startDate: request.startDate,
      plannedEndDate: plannedEnd,
      endDate: null,
      endReason: null,
      active: true,
      createdBy: principal.sub,
      createdAt: new Date(),
      endedAt: null,
    };
  }

  private async assertNoClash(manager: EntityManager, placement: PlacementEntity): Promise<void> {
    const clash = placementClash(await activePlacements(manager, placement.workerId), placement);
    if (!clash) return;
    if (clash.kind === 'concurrent_not_allowed') {
      throw DomainError.unprocessable(ERRORS.PLACEMENT_INVALID, [
        {
          field: 'concurrent',
          problem: 'only a public-welfare post, or work beside active placements that are all public-welfare posts, may be held concurrently (十六)',
        },
      ]);
    }
    throw alreadyActive(placement.workerId, clash.placementId, clash.kind === 'same_job' ? 'in this job' : 'that is not concurrent');
  }

  /** A unique index refused the insert (a writer that did not take the worker's lock): the same 409, naming the winner. */
  private async raceLost(workerId: string): Promise<DomainError> {
    const [winner] = await activePlacements(this.dataSource.manager, workerId);
    return alreadyActive(workerId, winner?.id, 'already');
  }

  /** The placement, when the caller may end it or record its checks (403 otherwise, or for a missing one). */
  private async forChange(manager: EntityManager, principal: Principal, id: string): Promise<PlacementEntity> {
    const placement = await manager.getRepository(PlacementEntity).findOneBy({ id });
    if (!placement) throw notFoundFor(principal, id);
    if (!mayChangePlacement(principal, placement, await stationOfWorker(manager, placement.workerId))) throw placementRefused();
    return placement;
  }

  private async respond(principal: Principal, placement: PlacementEntity): Promise<PlacementResponse> {
    const checks = await this.dataSource.getRepository(PlacementCheckEntity).findBy({ placementId: placement.id });
    return PlacementResponse.of(placement, checks, { showPriorityGroups: principal.role !== 'agency' });
  }
}

/**
 * The employer a placement names: the registered one of `employerId` (its name and credit code
 * from dispatch's view, whatever `employer` says), else `employer` as given. An unknown id adds a
 * problem naming `employerId`.
 */
async function employerOf(
  manager: EntityManager,
  request: CreatePlacementRequest,
  problems: FieldProblem[],
): Promise<{ id: string | null; name: string; creditCode: string | null } | null> {
  if (request.employerId) {
    const registered = await manager.findOneBy(EmployerViewEntity, { employerId: request.employerId });
    if (registered) return { id: registered.employerId, name: registered.name, creditCode: registered.creditCode };
    problems.push({ field: 'employerId', problem: 'is not a registered employer dispatch knows (POST /v1/employers)' });
    return null;
  }
  return request.employer ? { id: null, name: request.employer.name, creditCode: request.employer.creditCode ?? null } : null;
}

/** Why the match cannot back this placement, or null when it can. */
function matchProblem(match: MatchEntity | null, request: CreatePlacementRequest): string | null {
  if (!match || match.workerId !== request.workerId) return "is not a match of this worker's";
  if (request.jobId && match.jobId !== request.jobId) return 'is a match for another job';
  if (match.status !== 'accepted') return `match is ${match.status}, not accepted`;
  return null;
}

function endDateProblems(startDate: string, endDate: string): FieldProblem[] {
  const today = chinaDate();
  if (endDate < startDate) return [{ field: 'endDate', problem: `is before the start date ${startDate}` }];
  if (endDate > today) return [{ field: 'endDate', problem: `is in the future (today is ${today} in China)` }];
  return [];
}

function alreadyActive(workerId: string, placementId: string | undefined, what: string): DomainError {
  return new DomainError(
    ERRORS.PLACEMENT_ALREADY_ACTIVE,
    `worker ${workerId} is in an active placement ${what}${placementId ? ` (${placementId})` : ''}; end it first`,
    409,
    [{ field: 'workerId', problem: `is in an active placement ${what}` }],
    placementId ? { placementId } : undefined,
  );
}

function isActivePlacementViolation(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' && (driverError.constraint ?? '').startsWith('placements_one_active');
}

/** A placement that does not exist: 404 to an admin, who may see every placement; to anyone else the refusal. */
function notFoundFor(principal: Principal, id: string): DomainError {
  return principal.role === 'admin' ? DomainError.notFound(ERRORS.PLACEMENT_NOT_FOUND, `placement ${id}`) : placementRefused();
}

function workerFacts(manager: EntityManager, workerId: string): Promise<WorkerFacts | null> {
  return manager.findOneBy(WorkerViewEntity, { workerId });
}

function jobFacts(manager: EntityManager, jobId: string): Promise<JobFacts | null> {
  return manager.findOneBy(JobViewEntity, { jobId });
}

async function stationOfWorker(manager: EntityManager, workerId: string): Promise<string | null> {
  return (await workerFacts(manager, workerId))?.stationId ?? null;
}
