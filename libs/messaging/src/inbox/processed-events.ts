import { type EntityManager } from 'typeorm';

/**
 * Records that `consumer` has applied event `eventId`, inside the caller's transaction. Returns
 * false when it had already been applied: the caller skips the effect, so a redelivered event
 * changes nothing.
 */
export async function markProcessedOnce(manager: EntityManager, schema: string, consumer: string, eventId: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO "${schema}".processed_events (event_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id`,
    [eventId, consumer],
  );
  return rows.length === 1;
}
