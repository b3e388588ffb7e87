import { Principal } from '@laowu/auth';
import { type PlacementEndedData, type PlacementStartedData, TOPICS } from '@laowu/contracts';
import { chinaDate, isKnownRegion, regionContains } from '@laowu/domain';
import { appendToOutbox, markProcessedOnce } from '@laowu/messaging';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { recordPostEnded, recordPostStarted } from '../public-welfare/public-welfare-posts';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { AuditedBasis, EmploymentStatusEntry, StatusSource } from './employment-status-entry.entity';
import { RecordEmploymentStatusRequest } from './record-employment-status.request.dto';
import { auditedBasisFor, canWrite, forbiddenWorker } from './worker.access';
import { workerChangedEvent } from './worker-changed.event';
import { RegistrationBasis, Worker } from './worker.entity';

const PLACEMENTS_CONSUMER = 'worker-profiles.dispatch-placements';

type PlacementOutcome = 'applied' | 'duplicate' | 'unknown-worker';

/** Who recorded an entry a placement made: the placement, so its effect can be found again. */
const placementRecorder = (placementId: string) => `dispatch:placement:${placementId}`;
/** The same for a 共享用工 placement (二): its end sends the worker back to the lending employer. */
const sharingRecorder = (placementId: string) => `dispatch:sharing-placement:${placementId}`;

type NewEntry = Omit<EmploymentStatusEntry, 'seq' | 'recordedAt' | 'workerId'>;

/** What recording a status answers: the worker to a caller who may write it, else only the entry. */
export type RecordedStatus = { kind: 'worker'; worker: Worker } | { kind: 'entry'; entry: EmploymentStatusEntry };

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

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

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

  /**
   * Access is decided first, on the locked row, before any rule is checked: a caller that may not
   * write the worker and has no audited basis (auditedBasisFor) gets the same 403 whether the
   * worker exists or not, and no 422 can tell it anything about the worker. A caller that may
   * write gets the worker back; a station on the audited path only the entry it made.
   */
  async record(principal: Principal, workerId: string, request: RecordEmploymentStatusRequest): Promise<RecordedStatus> {
    return this.dataSource.transaction(async (manager) => {
      const worker = await manager.findOne(Worker, { where: { id: workerId }, lock: { mode: 'pessimistic_write' } });
      if (!worker) throw principal.role === 'admin' ? DomainError.notFound(ERRORS.WORKER_NOT_FOUND, 'worker') : forbiddenWorker();
      const { basis } = await accessToRecord(manager, principal, worker, request);
      assertStatusRules(request);
      const registeredAt = basisOf(request);
      if (!basis) await assertBasisConsistent(manager, worker, request, registeredAt);
      const entry: NewEntry = {
        status: request.status,
        effectiveDate: request.effectiveDate,
        regionCode: request.regionCode,
        registeredAt,
        employer: request.status === 'employed' ? (request.employer ?? null) : null,
        source: 'station' satisfies StatusSource,
        basis,
        recordedBy: `${principal.role}:${principal.sub}`,
      };
      const appended = await this.append(manager, worker, entry);
      if (!basis) return { kind: 'worker', worker: appended.worker };
      await this.audit(manager, principal, appended.entry, basis);
      return { kind: 'entry', entry: appended.entry };
    });
  }

  /** An entry made without access to the profile: an audit row and a log line, ids and codes only. */
  private async audit(manager: EntityManager, principal: Principal, entry: EmploymentStatusEntry, basis: AuditedBasis): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".status_record_audit (entry_seq, worker_id, station_id, station_region_code, basis, region_code)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [entry.seq, entry.workerId, principal.sub, principal.region, basis, entry.regionCode],
    );
    this.logger.log(
      { workerId: entry.workerId, stationId: principal.sub, stationRegion: principal.region, basis, regionCode: entry.regionCode },
      'employment status recorded by a station without access to the profile (audited)',
    );
  }

  /**
   * A placement started (PlacementStarted on laowu.dispatch.v1, whatever its source: match, batch
   * arrival or direct hire): the worker is employed there from the start date, and a
   * public-welfare post (十六) is recorded as held. One transaction with the event marked
   * processed, so a redelivery changes nothing and a crash halfway leaves nothing (the event is
   * consumed again). An event for a worker this service does not know is marked processed and
   * skipped (nothing to update, retrying won't help).
   */
  async applyPlacementStarted(eventId: string, started: PlacementStartedData): Promise<PlacementOutcome> {
    return this.onceForKnownWorker(eventId, started.workerId, async (manager, worker) => {
      await this.append(manager, worker, {
        status: 'employed',
        effectiveDate: started.startDate,
        regionCode: started.regionCode,
        registeredAt: 'employment',
        employer: started.employerName,
        source: 'dispatch',
        basis: null,
        recordedBy: started.source === 'sharing' ? sharingRecorder(started.placementId) : placementRecorder(started.placementId),
      });
      await recordPostStarted(manager, started);
    });
  }

  /**
   * A placement ended: with no other placement of the worker still active, the worker is
   * unemployed from the end date, registered at the residence (九) — which makes matching push
   * the worker's best jobs again (转岗服务, 十四); with another still active the status stays. A
   * 共享用工 placement (二) that ends with none active sends the worker back to the employment they
   * were lent from (employed there again from the return date), if they were employed before it. A
   * public-welfare post held through it is closed. Same transaction and idempotence as a start.
   */
  async applyPlacementEnded(eventId: string, ended: PlacementEndedData): Promise<PlacementOutcome> {
    return this.onceForKnownWorker(eventId, ended.workerId, async (manager, worker) => {
      const lender = ended.otherActivePlacements === 0 ? await lendingEmployment(manager, worker.id, ended.placementId) : null;
      if (lender) {
        // 共享用工 (二): the worker goes back to the employer that lent them, from the return date
        await this.append(manager, worker, {
          status: 'employed',
          effectiveDate: ended.endDate,
          regionCode: lender.regionCode,
          registeredAt: lender.registeredAt,
          employer: lender.employer,
          source: 'dispatch',
          basis: null,
          recordedBy: placementRecorder(ended.placementId),
        });
      } else if (ended.otherActivePlacements === 0) {
        await this.append(manager, worker, {
          status: 'unemployed',
          effectiveDate: ended.endDate,
          regionCode: worker.residenceRegionCode,
          registeredAt: 'residence',
          employer: null,
          source: 'dispatch',
          basis: null,
          recordedBy: placementRecorder(ended.placementId),
        });
      }
      await recordPostEnded(manager, ended);
    });
  }

  private async onceForKnownWorker(
    eventId: string,
    workerId: string,
    apply: (manager: EntityManager, worker: Worker) => Promise<void>,
  ): Promise<PlacementOutcome> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await markProcessedOnce(manager, SCHEMA, PLACEMENTS_CONSUMER, eventId))) return 'duplicate';
      const worker = await manager.findOne(Worker, { where: { id: workerId }, lock: { mode: 'pessimistic_write' } });
      if (!worker) {
        this.logger.warn({ workerId, eventId }, 'placement event for an unknown worker skipped');
        return 'unknown-worker';
      }
      await apply(manager, worker);
      return 'applied';
    });
  }

  private async append(manager: EntityManager, worker: Worker, entry: NewEntry): Promise<{ worker: Worker; entry: EmploymentStatusEntry }> {
    const inserted = await manager.insert(EmploymentStatusEntry, { ...entry, workerId: worker.id });
    const seq = String((inserted.identifiers[0] as { seq: string | number }).seq);
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
    await appendToOutbox(manager, SCHEMA, TOPICS.workers, [workerChangedEvent(worker, worker.updatedAt, this.producer)]);
    return { worker, entry: await manager.findOneByOrFail(EmploymentStatusEntry, { seq }) };
  }
}

/**
 * For the end of a 共享用工 placement: the employment the worker was lent from — the entry that was
 * current when the sharing placement's start was recorded, if it was `employed` — else null (not a
 * sharing placement, or the worker was not employed before it: the usual end applies).
 */
async function lendingEmployment(manager: EntityManager, workerId: string, placementId: string): Promise<EmploymentStatusEntry | null> {
  const start = await manager.findOneBy(EmploymentStatusEntry, { workerId, recordedBy: sharingRecorder(placementId) });
  if (!start) return null;
  const [before] = await manager
    .createQueryBuilder(EmploymentStatusEntry, 'e')
    .where('e.worker_id = :workerId AND e.seq < :seq AND e.effective_date <= :startDate', { workerId, seq: start.seq, startDate: start.effectiveDate })
    .orderBy(`(e.source = 'default')`, 'ASC')
    .addOrderBy('e.effective_date', 'DESC')
    .addOrderBy('e.seq', 'DESC')
    .limit(1)
    .getMany();
  return before?.status === 'employed' ? before : null;
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
    throw DomainError.unprocessable(ERRORS.STATUS_BASIS_MISMATCH, [
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
    throw DomainError.unprocessable(ERRORS.STATUS_UNKNOWN_REGION, [{ field: `${prefix}regionCode`, problem: `${request.regionCode} is not a known GB/T 2260 region` }]);
  }
  if (request.effectiveDate > chinaDate()) {
    throw DomainError.unprocessable(ERRORS.STATUS_FUTURE_DATE, [{ field: `${prefix}effectiveDate`, problem: 'must not be in the future' }]);
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
    throw DomainError.unprocessable(ERRORS.STATUS_BASIS_MISMATCH, [
      { field: 'regionCode', problem: `${request.regionCode} does not contain the worker's residence ${worker.residenceRegionCode} (registeredAt: residence)` },
    ]);
  }
  if (basis === 'employment') {
    const workplaces = await workplacesOf(manager, worker.id);
    if (!workplaces.some((w) => regionContains(request.regionCode, w))) {
      throw DomainError.unprocessable(ERRORS.STATUS_BASIS_MISMATCH, [
        { field: 'regionCode', problem: `the worker has no employment on record in ${request.regionCode} (registeredAt: employment)` },
      ]);
    }
  }
}

/** Whoever may write the worker records freely (basis null); anyone else only on an audited basis. */
async function accessToRecord(
  manager: EntityManager,
  principal: Principal,
  worker: Worker,
  request: RecordEmploymentStatusRequest,
): Promise<{ basis: AuditedBasis | null }> {
  if (canWrite(principal, worker)) return { basis: null };
  const basis = auditedBasisFor(principal, request, await workplacesOf(manager, worker.id));
  if (!basis) throw forbiddenWorker();
  return { basis };
}

/** The regions where the worker is on record as employed (any employed entry of the history). */
async function workplacesOf(manager: EntityManager, workerId: string): Promise<string[]> {
  const rows: { region_code: string }[] = await manager.query(
    `SELECT DISTINCT region_code FROM "${SCHEMA}".employment_status_history WHERE worker_id = $1 AND status = 'employed'`,
    [workerId],
  );
  return rows.map((r) => r.region_code);
}
