import type { PlacementEndedData, PlacementStartedData } from '@laowu/contracts';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Who holds (or held) a public-welfare post (乡村公益性岗位, 十六) and when, from dispatch's
 * placements: the rows monthly monitoring reads to decide whether a worker must leave the post.
 * Both run inside the caller's transaction (the one that marks the event processed).
 */
export async function recordPostStarted(manager: EntityManager, started: PlacementStartedData): Promise<void> {
  if (started.jobKind !== 'public_welfare') return;
  await manager.query(
    `INSERT INTO "${SCHEMA}".public_welfare_posts (placement_id, worker_id, start_date, planned_end_date)
     VALUES ($1, $2, $3, $4) ON CONFLICT (placement_id) DO NOTHING`,
    [started.placementId, started.workerId, started.startDate, started.plannedEndDate ?? null],
  );
}

/** The end of a placement closes its post, if it was one (found by placement, whatever the event's jobKind says). */
export async function recordPostEnded(manager: EntityManager, ended: PlacementEndedData): Promise<void> {
  await manager.query(`UPDATE "${SCHEMA}".public_welfare_posts SET end_date = $2 WHERE placement_id = $1`, [ended.placementId, ended.endDate]);
}
