import { type EventEnvelope, type PriorityGroup } from '@laowu/contracts';
import { chinaDate } from '@laowu/domain';
import { randomUUID } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import { EmployerViewEntity } from '../views/employer-view.entity';
import { JobViewEntity } from '../views/job-view.entity';
import { WorkerViewEntity } from '../views/worker-view.entity';
import { endPlacement, insertPlacement, lockWorkers } from './placement-ledger';
import { PlacementEntity } from './placement.entity';
import { plannedEndDate } from './placement-rules';

/** A worker of a batch who arrived (a seat of the manifest). */
export interface ArrivedSeat {
  workerId: string;
  jobId: string;
  agencyId: string;
  matchId: string | null;
  stationId: string | null;
  priorityGroups: PriorityGroup[];
  arrivedAt: Date | null;
}

export interface BatchArrival {
  batchId: string;
  employer: string | null;
  /** The registered employer the batch travels to: its id, name and credit code go on the placements. */
  employerId: string | null;
  destinationRegionCode: string;
  /** Where the batch left from: the worker's region when dispatch has no view of the worker. */
  originRegionCode: string;
  seats: ArrivedSeat[];
}

/**
 * A batch arrival is a placement (source `batch`) for each arrived worker, made in the arrival's
 * transaction (the caller appends the returned events to the outbox with it):
 * - a worker already in an active placement for the seat's job gets none (never counted twice);
 * - an active placement of the worker that is not concurrent, for another job, ends on the
 *   arrival date (reason `other`, with its PlacementEnded) before the batch's starts;
 * - the employer is the batch's registered one (id, name, credit code), else its name, else
 *   `agency:<agencyId>`; the work is at the batch's destination.
 * A crash halfway rolls the whole arrival back, placements and events with it.
 */
export async function placeArrivals(manager: EntityManager, arrival: BatchArrival, producer: string): Promise<EventEnvelope[]> {
  if (!arrival.seats.length) return [];
  await lockWorkers(manager, arrival.seats.map((s) => s.workerId));
  const workerIds = arrival.seats.map((s) => s.workerId);
  const jobs = new Map((await manager.findBy(JobViewEntity, { jobId: In(arrival.seats.map((s) => s.jobId)) })).map((j) => [j.jobId, j]));
  const residences = new Map((await manager.findBy(WorkerViewEntity, { workerId: In(workerIds) })).map((w) => [w.workerId, w.residenceRegionCode]));
  // One seat per worker: each worker's active placements, read once for the whole arrival.
  const activeOf = groupBy(await manager.findBy(PlacementEntity, { workerId: In(workerIds), active: true }), (p) => p.workerId);
  const registered = arrival.employerId ? await manager.findOneBy(EmployerViewEntity, { employerId: arrival.employerId }) : null;
  const events: EventEnvelope[] = [];
  for (const seat of arrival.seats) {
    const arrivalDate = chinaDate(seat.arrivedAt ?? new Date());
    const active = activeOf.get(seat.workerId) ?? [];
    if (active.some((p) => p.jobId === seat.jobId)) continue;
    for (const exclusive of active.filter((p) => !p.concurrent)) {
      const endDate = exclusive.startDate > arrivalDate ? exclusive.startDate : arrivalDate;
      events.push(await endPlacement(manager, exclusive, { endDate, reason: 'other' }, producer));
    }
    const job = jobs.get(seat.jobId);
    const placement: PlacementEntity = {
      id: randomUUID(),
      workerId: seat.workerId,
      jobId: seat.jobId,
      matchId: seat.matchId,
      batchId: arrival.batchId,
      source: 'batch',
      agencyId: seat.agencyId,
      stationId: seat.stationId,
      employerId: registered?.employerId ?? null,
      agreementId: null,
      employerName: registered?.name ?? arrival.employer ?? `agency:${seat.agencyId}`,
      employerCreditCode: registered?.creditCode ?? null,
      regionCode: arrival.destinationRegionCode,
      workerRegionCode: residences.get(seat.workerId) ?? arrival.originRegionCode,
      jobKind: job?.kind ?? null,
      priorityGroups: seat.priorityGroups,
      concurrent: false,
      wage: null,
      startDate: arrivalDate,
      plannedEndDate: job ? plannedEndDate(job.kind, job.endAt) : null,
      endDate: null,
      endReason: null,
      active: true,
      createdBy: `batch:${arrival.batchId}`,
      createdAt: new Date(),
      endedAt: null,
    };
    events.push(await insertPlacement(manager, placement, producer));
  }
  return events;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
