import { deleteBatchWhere, type PurgeTask } from '@laowu/persistence';

/**
 * The index a processed-events purge needs: without it each batch would scan the whole inbox.
 * Apps add it from a migration (each app's inbox lives in its own schema).
 */
export function processedEventsRetentionSql(schema: string): string[] {
  return [`CREATE INDEX IF NOT EXISTS processed_events_processed_at ON "${schema}".processed_events (processed_at)`];
}

export function dropProcessedEventsRetentionSql(schema: string): string[] {
  return [`DROP INDEX IF EXISTS "${schema}".processed_events_processed_at`];
}

/**
 * Processed-event rows older than `retainDays`. The rule: retainDays must exceed the Kafka
 * retention of every topic whose consumer records here (and the group-offset retention, after
 * which a group rereads from the earliest offset): an event redelivered after its row is gone
 * would be applied again.
 */
export function processedEventsPurge(schema: string, retainDays: number): PurgeTask {
  return {
    name: `${schema}.processed_events`,
    deleteBatch: (dataSource, limit) =>
      deleteBatchWhere(dataSource, `"${schema}".processed_events`, `processed_at < now() - ($1::int * interval '1 day')`, [retainDays], limit),
  };
}
