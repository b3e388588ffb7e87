import { Principal, regionContains } from '@laowu/auth';
import { TOPICS, WorkerArrivedData } from '@laowu/contracts';
import { chinaDate, isKnownRegion } from '@laowu/domain';
import { appendToOutbox, markProcessedOnce } from '@laowu/messaging';
import { DomainError } from '@laowu/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { EmploymentStatusEntry, StatusSource } from './employment-status-entry.entity';
import { RecordEmploymentStatusRequest } from './record-employment-status.request.dto';
import { canRecordStatus, forbiddenWorker } from './worker-access.policy';
import { workerChangedEvent } from './worker-changed.projection';
import { RegistrationBasis, Worker } from './worker.entity';
import { lockWorkerRow } from './worker.lock';

const ARRIVALS_CONSUMER = 'worker-profiles.dispatch-arrivals';

type NewEntry = Omit<EmploymentStatusEntry, 'seq' | 'recordedAt' | 'workerId'>;

/**
 * The employment-status history (就业/失业/求职/非劳动力) with effective dates. Entries are only
 * added; the worker's current status is the latest effective entry (latest date, then latest
 * recorded; a `default` entry only while nothing else is), copied onto the worker row for the
 * lists. A back-dated entry older than the current one completes the history (monthly monitoring
 * reads it) without changing the current status.
 *
 * Each write is one transaction with the worker row locked (entry, current status, version + 1,
 * outbox row): a crash halfway leaves nothing, and concurrent entries for one worker serialise.
 */
@Injectable()
export class EmploymentStatusService {
  private readonly logger = new Logger(EmploymentStatusService.name);

  constructor(private readonly dataSource: DataSource) {}

  /** The first entry, written with the worker's registration (`default` when none was given). */
  async appendInitialEntry(manager: EntityManager, worker: Worker, recordedBy: string, given: boolean): Promise<void> {
    await manager.insert(EmploymentStatusEntry, {
      workerId: worker.id,
      status: worker.employmentStatus,
      effectiveDate: worker.statusEffectiveDate,
      regionCode: worker.statusRegionCode,
      registeredAt: worker.statusRegisteredAt,
      employer: worker.employer,
      source: given ? 'registration' : 'default',
      recordedBy,
    });
  }

  async record(principal: Principal, workerId: string, request: RecordEmploymentStatusRequest): Promise<Worker> {
    assertStatusRules(request);
    return this.dataSource.transaction(async (manager) => {
      const worker = await lockWorkerRow(manager, workerId);
      if (!canRecordStatus(principal, worker, request)) throw forbiddenWorker();
      const registeredAt = basisOf(request);
      await assertBasisConsistent(manager, worker, request, registeredAt);
      const entry: NewEntry = {
        status: request.status,
        effectiveDate: request.effectiveDate,
        regionCode: request.regionCode,
        registeredAt,
        employer: request.status === 'employed' ? (request.employer ?? null) : null,
        source: 'station' satisfies StatusSource,
        recordedBy: `${principal.role}:${principal.sub}`,
      };
      return this.append(manager, worker, entry);
    });
  }

  /**
   * A dispatched worker arrived at the employer (laowu.dispatch.v1): employed there from the day of
   * arrival. Applied once per event id; a redelivery changes nothing. An arrival for a worker this
   * service does not know is recorded as processed and skipped (nothing to update, retrying won't help).
   */
  async applyArrival(eventId: string, arrival: WorkerArrivedData): Promise<'applied' | 'duplicate' | 'unknown-worker'> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await markProcessedOnce(manager, SCHEMA, ARRIVALS_CONSUMER, eventId))) return 'duplicate';
      const worker = await manager.findOne(Worker, { where: { id: arrival.workerId }, lock: { mode: 'pessimistic_write' } });
      if (!worker) {
        this.logger.warn({ workerId: arrival.workerId, eventId }, 'arrival for an unknown worker skipped');
        return 'unknown-worker';
      }
      await this.append(manager, worker, {
        status: 'employed',
        effectiveDate: chinaDate(new Date(arrival.arrivedAt)),
        regionCode: arrival.regionCode,
        registeredAt: 'employment',
        employer: arrival.employer ?? `agency:${arrival.agencyId}`,
        source: 'dispatch',
        recordedBy: `dispatch:batch:${arrival.batchId}`,
      });
      return 'applied';
    });
  }

  private async append(manager: EntityManager, worker: Worker, entry: NewEntry): Promise<Worker> {
    await manager.insert(EmploymentStatusEntry, { ...entry, workerId: worker.id });
    const [current]: EmploymentStatusEntry[] = await manager
      .createQueryBuilder(EmploymentStatusEntry, 'e')
      .where('e.worker_id = :id', { id: worker.id })
      .orderBy(`(e.source = 'default')`, 'ASC')
      .addOrderBy('e.effective_date', 'DESC')
      .addOrderBy('e.seq', 'DESC')
      .limit(1)
      .getMany();
    Object.assign(worker, {
      employmentStatus: current!.status,
      statusEffectiveDate: current!.effectiveDate,
      statusRegionCode: current!.regionCode,
      statusRegisteredAt: current!.registeredAt,
      employer: current!.employer,
      version: worker.version + 1,
      updatedAt: new Date(),
    });
    await manager.save(Worker, worker);
    await appendToOutbox(manager, SCHEMA, TOPICS.workers, [workerChangedEvent(worker, worker.updatedAt)]);
    return worker;
  }
}

/**
 * The status a new worker's history starts with: the one given at registration, or seeking (求职)
 * from today at the residence. Nothing is on record yet, so only the residence basis is checked.
 */
export function initialStatus(
  residenceRegionCode: string,
  request: RecordEmploymentStatusRequest | undefined,
  today: string,
): Pick<Worker, 'employmentStatus' | 'statusEffectiveDate' | 'statusRegionCode' | 'statusRegisteredAt' | 'employer'> {
  if (!request) {
    return { employmentStatus: 'seeking', statusEffectiveDate: today, statusRegionCode: residenceRegionCode, statusRegisteredAt: 'residence', employer: null };
  }
  assertStatusRules(request, 'employmentStatus.');
  const basis = basisOf(request);
  if (basis === 'residence' && !regionContains(request.regionCode, residenceRegionCode)) {
    throw DomainError.unprocessable('STATUS.BASIS_MISMATCH', [
      { field: 'employmentStatus.regionCode', problem: `${request.regionCode} does not contain the residence ${residenceRegionCode} (registeredAt: residence)` },
    ]);
  }
  return {
    employmentStatus: request.status,
    statusEffectiveDate: request.effectiveDate,
    statusRegionCode: request.regionCode,
    statusRegisteredAt: basis,
    employer: request.status === 'employed' ? (request.employer ?? null) : null,
  };
}

function basisOf(request: RecordEmploymentStatusRequest): RegistrationBasis | null {
  if (request.status === 'employed') return 'employment';
  return request.registeredAt ?? null;
}

function assertStatusRules(request: RecordEmploymentStatusRequest, prefix = ''): void {
  if (!isKnownRegion(request.regionCode)) {
    throw DomainError.unprocessable('STATUS.UNKNOWN_REGION', [{ field: `${prefix}regionCode`, problem: `${request.regionCode} is not a known GB/T 2260 region` }]);
  }
  if (request.effectiveDate > chinaDate()) {
    throw DomainError.unprocessable('STATUS.FUTURE_DATE', [{ field: `${prefix}effectiveDate`, problem: 'must not be in the future' }]);
  }
}

/**
 * 九: unemployment may be registered where the worker lives, works or is insured, and the entry
 * records which. What can be checked here is checked: `residence` must be a region containing the
 * worker's residence; `employment` a region containing a place where the worker is on record as
 * employed. `insured` is recorded as declared: this service holds no social-insurance records.
 */
async function assertBasisConsistent(
  manager: EntityManager,
  worker: Worker,
  request: RecordEmploymentStatusRequest,
  basis: RegistrationBasis | null,
): Promise<void> {
  if (request.status === 'employed' || basis === null || basis === 'insured') return;
  if (basis === 'residence' && !regionContains(request.regionCode, worker.residenceRegionCode)) {
    throw DomainError.unprocessable('STATUS.BASIS_MISMATCH', [
      { field: 'regionCode', problem: `${request.regionCode} does not contain the worker's residence ${worker.residenceRegionCode} (registeredAt: residence)` },
    ]);
  }
  if (basis === 'employment') {
    const workplaces: { region_code: string }[] = await manager.query(
      `SELECT DISTINCT region_code FROM "${SCHEMA}".employment_status_history WHERE worker_id = $1 AND status = 'employed'`,
      [worker.id],
    );
    if (!workplaces.some((w) => regionContains(request.regionCode, w.region_code))) {
      throw DomainError.unprocessable('STATUS.BASIS_MISMATCH', [
        { field: 'regionCode', problem: `the worker has no employment on record in ${request.regionCode} (registeredAt: employment)` },
      ]);
    }
  }
}
