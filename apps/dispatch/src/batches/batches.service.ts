import { Principal } from '@laowu/auth';
import { BatchState, EventEnvelope, PriorityGroup, TOPICS } from '@laowu/contracts';
import { contactPhone, isKnownRegion, maskContactPhone, regionContains } from '@laowu/domain';
import { appendToOutbox } from '@laowu/messaging';
import { APP_NAME, DomainError, FieldCipher, FieldProblem } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { KeyedMutex } from '../common/keyed-mutex';
import { ERRORS } from '../dispatch.errors';
import { placeArrivals } from '../placements/arrival-placements';
import { SCHEMA } from '../schema';
import { EmployerViewEntity } from '../views/employer-view.entity';
import { batchStateChangedEvent, workerArrivedEvent } from './batch-changed.event';
import { batchRefused, coversRegion, mayChangeBatch, mayReadBatch, outsideRegion, readableBatchesSql, workersOutsideRegion } from './batch.access';
import { BatchAction, manifestOpen, nextState } from './batch-state-machine';
import { BatchWorkerEntity, SeatBasis, TAKES_A_SEAT_SQL, takesASeat } from './batch-worker.entity';
import { BatchEntity } from './batch.entity';
import { AddBatchWorkersResponse, BatchContactResponse, BatchPageResponse, BatchResponse, SeatProblem } from './batch.response.dto';
import { CreateBatchRequest } from './create-batch.request.dto';
import { inSeatingOrder } from './seating-order';

/** The personal data a batch holds, each encrypted bound to the batch id. */
type BatchPiiField = 'contactPhone';

interface Candidate {
  workerId: string;
  basis: SeatBasis;
  jobId: string;
  matchId: string | null;
  stationId: string | null;
  priorityGroups: PriorityGroup[];
}

/**
 * Point-to-point batches (点对点劳务输出). Every write is one transaction that first locks the
 * batch row, so concurrent calls on one batch run one after another and capacity is checked
 * against the committed manifest; state changes and their events (outbox) commit together. A
 * crash halfway through any call leaves the batch as it was before the call.
 */
@Injectable()
export class BatchesService {
  private readonly perBatch = new KeyedMutex();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
    private readonly cipher: FieldCipher<BatchPiiField>,
  ) {}

  async create(principal: Principal, request: CreateBatchRequest): Promise<BatchResponse> {
    const originStation = request.originStationId ? await this.stationRegion(request.originStationId) : undefined;
    if (!coversRegion(principal, request.originRegionCode)) throw outsideRegion('originRegionCode', principal);
    if (originStation && !coversRegion(principal, originStation)) throw outsideRegion('originStationId', principal);
    const employerName = await this.assertCreatable(request, originStation);
    const id = randomUUID();
    const { contact } = request;
    await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".batches (id, state, coordinator_id, origin_region_code, origin_station_id, job_ids,
         destination_region_code, destination_address, employer, depart_at, transport_mode, capacity, employer_id, contact_name, contact_phone_enc)
       VALUES ($1, 'planned', $2, $3, $4, $5::uuid[], $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [id, principal.sub, request.originRegionCode, request.originStationId ?? null, request.destination.jobIds,
        request.destination.regionCode, request.destination.address, request.destination.employer ?? employerName ?? null,
        request.departAt, request.transport.mode, request.transport.capacity, request.destination.employerId ?? null,
        contact?.name ?? null, contact ? this.cipher.encrypt(contactPhone(contact.phone)!, id, 'contactPhone') : null],
    );
    return this.get(principal, id);
  }

  async get(principal: Principal, id: string): Promise<BatchResponse> {
    const batch = await this.dataSource.getRepository(BatchEntity).findOneBy({ id });
    if (!batch) throw notFoundFor(principal, id);
    if (!mayReadBatch(principal, batch)) throw batchRefused();
    return BatchResponse.of(batch, await this.seats(this.dataSource.manager, id), this.contactShownTo(principal, batch));
  }

  /**
   * The escort as the caller may see it: the phone in full to whoever may change the batch (its
   * coordinator, an admin: they print the manifest), masked to a bureau, who only reads it.
   */
  private contactShownTo(principal: Principal, batch: BatchEntity): BatchContactResponse | undefined {
    if (batch.contactName === null || batch.contactPhoneEnc === null) return undefined;
    const phone = this.cipher.decrypt(batch.contactPhoneEnc, batch.id, 'contactPhone');
    return { name: batch.contactName, phone: mayChangeBatch(principal, batch) ? phone : maskContactPhone(phone) };
  }

  /** The batches the caller may read (mayReadBatch), latest departure first. */
  async list(principal: Principal, page: number, pageSize: number): Promise<BatchPageResponse> {
    const query = this.dataSource.getRepository(BatchEntity).createQueryBuilder('b').orderBy('b.depart_at', 'DESC').addOrderBy('b.id', 'ASC');
    const readable = readableBatchesSql(principal, 'b');
    if (readable) query.where(readable.sql, readable.params);
    const [batches, total] = await query.skip((page - 1) * pageSize).take(pageSize).getManyAndCount();
    const onBoard = await this.onBoardCounts(batches.map((b) => b.id));
    const items = batches.map((batch) => {
      const { workers: _workers, ...summary } = BatchResponse.of(batch, [], this.contactShownTo(principal, batch));
      const seatsTaken = onBoard.get(batch.id) ?? 0;
      return { ...summary, seatsTaken, seatsLeft: Math.max(batch.capacity - seatsTaken, 0) };
    });
    return { items, total, page, pageSize };
  }

  addWorkers(principal: Principal, id: string, workerIds: string[]): Promise<AddBatchWorkersResponse> {
    return this.perBatch.run(id, () => this.dataSource.transaction(async (manager) => {
      const batch = await this.lockForChange(manager, principal, id);
      await this.assertWorkersInRegion(manager, principal, workerIds);
      if (!manifestOpen(batch.state)) throw manifestClosed(batch);
      // Per-worker locks in one global order: two batches seating the same workers never deadlock.
      await manager.query(
        `SELECT pg_advisory_xact_lock(hashtextextended('dispatch.worker:' || w, 0)) FROM unnest($1::text[]) AS w ORDER BY w`,
        [workerIds],
      );
      const onThisBatch = new Set((await this.seats(manager, id)).filter((s) => s.active).map((s) => s.workerId));
      const elsewhere = await this.onOtherActiveBatch(manager, id, workerIds);
      const { candidates, rejected } = await this.eligibility(manager, batch, workerIds.filter((w) => !onThisBatch.has(w)));
      const result: AddBatchWorkersResponse = {
        seated: [],
        alreadySeated: workerIds.filter((w) => onThisBatch.has(w)),
        waitlisted: [],
        rejected,
        seatsLeft: batch.capacity - onThisBatch.size,
      };
      for (const candidate of inSeatingOrder(candidates)) {
        if (elsewhere.has(candidate.workerId)) {
          result.rejected.push(onAnotherBatch(candidate.workerId));
        } else if (result.seatsLeft <= 0) {
          result.waitlisted.push(candidate.workerId);
        } else if (await this.seat(manager, batch, candidate)) {
          result.seated.push(candidate.workerId);
          result.seatsLeft--;
        } else {
          result.rejected.push(onAnotherBatch(candidate.workerId));
        }
      }
      if (!result.seated.length && !result.alreadySeated.length) throw nobodySeated(workerIds, result);
      return result;
    }));
  }

  async removeWorker(principal: Principal, id: string, workerId: string): Promise<BatchResponse> {
    await this.perBatch.run(id, () => this.dataSource.transaction(async (manager) => {
      const batch = await this.lockForChange(manager, principal, id);
      if (!manifestOpen(batch.state)) throw manifestClosed(batch);
      const [, removed] = await manager.query(
        `DELETE FROM "${SCHEMA}".batch_workers WHERE batch_id = $1 AND worker_id = $2 AND active`,
        [id, workerId],
      );
      if (!removed) throw DomainError.notFound(ERRORS.BATCH_WORKER_NOT_ON_BATCH, `worker ${workerId} on batch ${id}`);
    }));
    return this.get(principal, id);
  }

  async transition(principal: Principal, id: string, action: BatchAction, workerIds?: string[]): Promise<BatchResponse> {
    await this.perBatch.run(id, () => this.dataSource.transaction(async (manager) => {
      const batch = await this.lockForChange(manager, principal, id);
      const next = nextState(batch.state, action);
      if (!next) {
        throw DomainError.conflict(ERRORS.BATCH_INVALID_TRANSITION, `cannot ${action} a batch that is ${batch.state}`, { currentState: batch.state });
      }
      const events = await this.apply(manager, batch, action, workerIds);
      if (next !== batch.state) events.push(await this.changeState(manager, batch, next));
      await appendToOutbox(manager, SCHEMA, TOPICS.dispatch, events);
    }));
    return this.get(principal, id);
  }

  private async apply(manager: EntityManager, batch: BatchEntity, action: BatchAction, workerIds?: string[]): Promise<EventEnvelope[]> {
    const seats = await this.seats(manager, batch.id);
    switch (action) {
      case 'board': {
        const targets = this.targets(seats, workerIds, ['seated', 'boarded'], 'seated');
        await this.updateSeats(manager, batch.id, targets, `status = 'boarded', boarded_at = now()`, 'seated');
        return [];
      }
      case 'depart':
        if (!seats.some((s) => s.status === 'boarded')) {
          throw DomainError.unprocessable(ERRORS.BATCH_NOBODY_BOARDED, [{ field: 'workers', problem: 'nobody has boarded yet' }]);
        }
        // Whoever did not check in stays behind and is free for another batch.
        await manager.query(
          `UPDATE "${SCHEMA}".batch_workers SET status = 'no_show', active = false WHERE batch_id = $1 AND status = 'seated'`,
          [batch.id],
        );
        return [];
      case 'arrive': {
        const targets = this.targets(seats, workerIds, ['boarded', 'arrived'], 'boarded');
        const arrived: BatchWorkerEntity[] = await this.updateSeats(manager, batch.id, targets, `status = 'arrived', arrived_at = now()`, 'boarded');
        // Each arrival is a placement too (source batch), in this transaction, never twice for a worker already placed in the job.
        const placements = await placeArrivals(
          manager,
          { batchId: batch.id, employer: batch.employer, employerId: batch.employerId, destinationRegionCode: batch.destinationRegionCode, originRegionCode: batch.originRegionCode, seats: arrived },
          this.producer,
        );
        return [...placements, ...arrived.map((seat) => workerArrivedEvent(batch, seat, this.producer))];
      }
      case 'close':
      case 'cancel':
        await manager.query(`UPDATE "${SCHEMA}".batch_workers SET active = false WHERE batch_id = $1`, [batch.id]);
        return [];
    }
  }

  /** The workers named (each must be in one of `allowed`), or by default all in `defaultStatus`. */
  private targets(seats: BatchWorkerEntity[], workerIds: string[] | undefined, allowed: string[], defaultStatus: string): string[] {
    if (!workerIds) return seats.filter((s) => s.status === defaultStatus).map((s) => s.workerId);
    const byId = new Map(seats.map((s) => [s.workerId, s]));
    const problems: FieldProblem[] = workerIds.flatMap((workerId, i) => {
      const seat = byId.get(workerId);
      if (seat && allowed.includes(seat.status)) return [];
      return [{ field: `workerIds[${i}]`, problem: seat ? `worker is ${seat.status}` : 'worker is not on this batch' }];
    });
    if (problems.length) throw DomainError.unprocessable(ERRORS.BATCH_WORKER_NOT_ON_BATCH, problems);
    return workerIds;
  }

  private async updateSeats(manager: EntityManager, batchId: string, workerIds: string[], set: string, fromStatus: string): Promise<BatchWorkerEntity[]> {
    if (!workerIds.length) return [];
    const [rows] = await manager.query(
      `UPDATE "${SCHEMA}".batch_workers SET ${set} WHERE batch_id = $1 AND worker_id = ANY($2::uuid[]) AND status = $3
       RETURNING worker_id, job_id, agency_id, match_id, station_id, priority_groups, arrived_at`,
      [batchId, workerIds, fromStatus],
    );
    type Row = { worker_id: string; job_id: string; agency_id: string; match_id: string | null; station_id: string | null; priority_groups: PriorityGroup[]; arrived_at: Date };
    return (rows as Row[]).map(
      (r) => ({
        workerId: r.worker_id, jobId: r.job_id, agencyId: r.agency_id, matchId: r.match_id, stationId: r.station_id, priorityGroups: r.priority_groups, arrivedAt: r.arrived_at,
      }) as BatchWorkerEntity,
    );
  }

  private async changeState(manager: EntityManager, batch: BatchEntity, next: BatchState): Promise<EventEnvelope> {
    const stamp: Partial<Record<BatchState, string>> = {
      departed: 'departed_at', arrived: 'arrived_at', closed: 'closed_at', cancelled: 'cancelled_at',
    };
    const column = stamp[next];
    await manager.query(
      `UPDATE "${SCHEMA}".batches SET state = $2, updated_at = now()${column ? `, ${column} = coalesce(${column}, now())` : ''} WHERE id = $1`,
      [batch.id, next],
    );
    const onBoard = (await this.seats(manager, batch.id)).filter(takesASeat);
    return batchStateChangedEvent(batch, next, onBoard, this.producer);
  }

  private async seat(manager: EntityManager, batch: BatchEntity, candidate: Candidate): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "${SCHEMA}".batch_workers (batch_id, worker_id, job_id, agency_id, match_id, basis, station_id, priority_groups, status)
       SELECT $1, $2, $3, jv.agency_id, $4, $5, $6, $7::text[], 'seated' FROM "${SCHEMA}".job_view jv WHERE jv.job_id = $3
       ON CONFLICT (worker_id) WHERE active DO NOTHING
       RETURNING worker_id`,
      [batch.id, candidate.workerId, candidate.jobId, candidate.matchId, candidate.basis, candidate.stationId, candidate.priorityGroups],
    );
    return rows.length === 1;
  }

  /** Each worker must have accepted a match for one of the batch's jobs or be willing to migrate. */
  private async eligibility(manager: EntityManager, batch: BatchEntity, workerIds: string[]): Promise<{ candidates: Candidate[]; rejected: SeatProblem[] }> {
    if (!workerIds.length) return { candidates: [], rejected: [] };
    const accepted: { worker_id: string; id: string; job_id: string; station_id: string }[] = await manager.query(
      `SELECT DISTINCT ON (worker_id) worker_id, id, job_id, station_id FROM "${SCHEMA}".matches
       WHERE worker_id = ANY($1::uuid[]) AND job_id = ANY($2::uuid[]) AND status = 'accepted'
       ORDER BY worker_id, status_changed_at`,
      [workerIds, batch.jobIds],
    );
    const workers: { worker_id: string; station_id: string; priority_groups: PriorityGroup[]; willing_to_migrate: boolean }[] = await manager.query(
      `SELECT worker_id, station_id, priority_groups, willing_to_migrate FROM "${SCHEMA}".worker_view WHERE worker_id = ANY($1::uuid[])`,
      [workerIds],
    );
    const matchOf = new Map(accepted.map((m) => [m.worker_id, m]));
    const workerOf = new Map(workers.map((w) => [w.worker_id, w]));
    const candidates: Candidate[] = [];
    const rejected: SeatProblem[] = [];
    for (const workerId of workerIds) {
      const match = matchOf.get(workerId);
      const worker = workerOf.get(workerId);
      const common = { workerId, stationId: worker?.station_id ?? match?.station_id ?? null, priorityGroups: worker?.priority_groups ?? [] };
      if (match) candidates.push({ ...common, basis: 'accepted_match', jobId: match.job_id, matchId: match.id });
      else if (worker?.willing_to_migrate) candidates.push({ ...common, basis: 'willing_to_migrate', jobId: batch.jobIds[0], matchId: null });
      else {
        rejected.push({
          workerId,
          code: ERRORS.BATCH_WORKER_NOT_ELIGIBLE,
          problem: "has accepted no match for this batch's jobs and is not on the willing-to-migrate list",
        });
      }
    }
    return { candidates, rejected };
  }

  private async onOtherActiveBatch(manager: EntityManager, batchId: string, workerIds: string[]): Promise<Set<string>> {
    const rows: { worker_id: string }[] = await manager.query(
      `SELECT worker_id FROM "${SCHEMA}".batch_workers WHERE worker_id = ANY($1::uuid[]) AND active AND batch_id <> $2`,
      [workerIds, batchId],
    );
    return new Set(rows.map((r) => r.worker_id));
  }

  private async lockForChange(manager: EntityManager, principal: Principal, id: string): Promise<BatchEntity> {
    const batch = await manager.getRepository(BatchEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!batch) throw notFoundFor(principal, id);
    if (!mayChangeBatch(principal, batch)) throw batchRefused();
    return batch;
  }

  /** Seating is access, decided before any rule: every worker must be of the coordinator's region. */
  private async assertWorkersInRegion(manager: EntityManager, principal: Principal, workerIds: string[]): Promise<void> {
    if (principal.role === 'admin') return;
    const rows: { worker_id: string; home_region_code: string; residence_region_code: string }[] = await manager.query(
      `SELECT worker_id, home_region_code, residence_region_code FROM "${SCHEMA}".worker_view WHERE worker_id = ANY($1::uuid[])`,
      [workerIds],
    );
    const regionsOf = new Map(rows.map((r) => [r.worker_id, { home: r.home_region_code, residence: r.residence_region_code }]));
    const outside = workersOutsideRegion(principal, workerIds, regionsOf);
    if (outside.length) {
      throw new DomainError(ERRORS.BATCH_WORKERS_OUTSIDE_REGION, outside.map((d) => `${d.field}: ${d.problem}`).join('; '), 403, outside);
    }
  }

  private async stationRegion(stationId: string): Promise<string | null> {
    const [station]: { region_code: string }[] = await this.dataSource.query(`SELECT region_code FROM "${SCHEMA}".stations WHERE id = $1`, [stationId]);
    return station?.region_code ?? null;
  }

  /** Seats taken per batch, as BatchResponse counts them (takesASeat). */
  private async onBoardCounts(batchIds: string[]): Promise<Map<string, number>> {
    const rows: { batch_id: string; n: number }[] = await this.dataSource.query(
      `SELECT batch_id, count(*)::int AS n FROM "${SCHEMA}".batch_workers WHERE batch_id = ANY($1::uuid[]) AND ${TAKES_A_SEAT_SQL} GROUP BY batch_id`,
      [batchIds],
    );
    return new Map(rows.map((r) => [r.batch_id, r.n]));
  }

  private seats(manager: EntityManager, batchId: string): Promise<BatchWorkerEntity[]> {
    return manager.getRepository(BatchWorkerEntity).find({ where: { batchId }, order: { seatedAt: 'ASC', workerId: 'ASC' } });
  }

  /**
   * `originStation`: the origin station's region, null when dispatch knows no such station.
   * Returns the name of the registered employer `destination.employerId` names.
   */
  private async assertCreatable(request: CreateBatchRequest, originStation: string | null | undefined): Promise<string | undefined> {
    const problems: FieldProblem[] = [];
    if (!isKnownRegion(request.originRegionCode)) problems.push({ field: 'originRegionCode', problem: 'is not a known GB/T 2260 code' });
    if (originStation === null) problems.push({ field: 'originStationId', problem: 'is not a station dispatch knows (POST /v1/stations)' });
    else if (originStation && !regionContains(request.originRegionCode, originStation)) {
      problems.push({ field: 'originStationId', problem: `the station is not in originRegionCode ${request.originRegionCode}` });
    }
    if (!isKnownRegion(request.destination.regionCode)) problems.push({ field: 'destination.regionCode', problem: 'is not a known GB/T 2260 code' });
    const known: { job_id: string; status: string }[] = await this.dataSource.query(
      `SELECT job_id, status FROM "${SCHEMA}".job_view WHERE job_id = ANY($1::uuid[])`,
      [request.destination.jobIds],
    );
    const statusOf = new Map(known.map((j) => [j.job_id, j.status]));
    request.destination.jobIds.forEach((jobId, i) => {
      const status = statusOf.get(jobId);
      if (!status) problems.push({ field: `destination.jobIds[${i}]`, problem: 'is not a job dispatch knows' });
      else if (status !== 'open') problems.push({ field: `destination.jobIds[${i}]`, problem: `job is ${status}` });
    });
    const employer = request.destination.employerId
      ? await this.dataSource.getRepository(EmployerViewEntity).findOneBy({ employerId: request.destination.employerId })
      : undefined;
    if (employer === null) problems.push({ field: 'destination.employerId', problem: 'is not a registered employer dispatch knows (POST /v1/employers)' });
    if (problems.length) throw DomainError.unprocessable(ERRORS.BATCH_INVALID, problems);
    return employer?.name;
  }
}

/** A batch that does not exist: 404 to an admin, who may see every batch; to anyone else the refusal. */
function notFoundFor(principal: Principal, id: string): DomainError {
  return principal.role === 'admin' ? DomainError.notFound(ERRORS.BATCH_NOT_FOUND, `batch ${id}`) : batchRefused();
}

function manifestClosed(batch: BatchEntity): DomainError {
  return DomainError.conflict(ERRORS.BATCH_MANIFEST_CLOSED, `the manifest of a batch that is ${batch.state} cannot change`, { currentState: batch.state });
}

function onAnotherBatch(workerId: string): SeatProblem {
  return { workerId, code: ERRORS.BATCH_WORKER_ON_ANOTHER_BATCH, problem: 'is already on another active batch' };
}

/** Nobody could be seated: 422 when some worker breaks a rule, else 409 (full, or booked elsewhere). */
function nobodySeated(workerIds: string[], result: AddBatchWorkersResponse): DomainError {
  const details: FieldProblem[] = [
    ...result.rejected.map((r) => ({ field: `workerIds[${workerIds.indexOf(r.workerId)}]`, problem: r.problem })),
    ...result.waitlisted.map((w) => ({ field: `workerIds[${workerIds.indexOf(w)}]`, problem: 'no seat left (batch full)' })),
  ];
  const breaksRule = result.rejected.some((r) => r.code === ERRORS.BATCH_WORKER_NOT_ELIGIBLE);
  const code = breaksRule ? ERRORS.BATCH_WORKERS_NOT_ELIGIBLE : result.waitlisted.length ? ERRORS.BATCH_FULL : ERRORS.BATCH_WORKER_ON_ANOTHER_BATCH;
  const message = details.map((d) => `${d.field}: ${d.problem}`).join('; ');
  return new DomainError(code, message, breaksRule ? 422 : 409, details, { result });
}
