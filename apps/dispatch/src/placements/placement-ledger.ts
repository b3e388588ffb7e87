import { type EventEnvelope, type PlacementEndReason } from '@laowu/contracts';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';
import { placementEndedEvent, placementStartedEvent } from './placement-changed.event';
import { PlacementEntity } from './placement.entity';

/**
 * The writes every placement path shares, inside the caller's transaction. Whoever starts or ends a
 * worker's placement first takes the worker's lock (the key batch seating uses too), so the
 * active-placement checks and the count of other active placements hold until commit.
 */

/** Per-worker transaction locks, in one global order so two callers never deadlock. */
export async function lockWorkers(manager: EntityManager, workerIds: string[]): Promise<void> {
  if (!workerIds.length) return;
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended('dispatch.worker:' || w, 0)) FROM unnest($1::text[]) AS w ORDER BY w`,
    [[...new Set(workerIds)]],
  );
}

export function activePlacements(manager: EntityManager, workerId: string): Promise<PlacementEntity[]> {
  return manager.getRepository(PlacementEntity).find({ where: { workerId, active: true }, order: { startDate: 'ASC', id: 'ASC' } });
}

/** Inserts the placement and returns its PlacementStarted, for the caller to append to the outbox in the same transaction. */
export async function insertPlacement(manager: EntityManager, placement: PlacementEntity, producer: string): Promise<EventEnvelope> {
  await manager.getRepository(PlacementEntity).insert(placement);
  return placementStartedEvent(placement, producer);
}

/**
 * Ends an active placement (the caller holds the worker's lock) and returns its PlacementEnded,
 * counting the worker's placements still active after it, for the caller to append to the outbox.
 */
export async function endPlacement(
  manager: EntityManager,
  placement: PlacementEntity,
  end: { endDate: string; reason: PlacementEndReason },
  producer: string,
): Promise<EventEnvelope> {
  const endedAt = new Date();
  await manager.query(
    `UPDATE "${SCHEMA}".placements SET active = false, end_date = $2, end_reason = $3, ended_at = $4 WHERE id = $1 AND active`,
    [placement.id, end.endDate, end.reason, endedAt],
  );
  Object.assign(placement, { active: false, endDate: end.endDate, endReason: end.reason, endedAt });
  const [{ n }]: { n: number }[] = await manager.query(
    `SELECT count(*)::int AS n FROM "${SCHEMA}".placements WHERE worker_id = $1 AND active`,
    [placement.workerId],
  );
  return placementEndedEvent(placement, n, producer);
}
