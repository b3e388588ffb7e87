/**
 * The outbox and inbox tables live in each app's own schema; apps create them from their first
 * migration with these statements.
 */
export function outboxTablesSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
       seq bigserial PRIMARY KEY,
       id uuid NOT NULL UNIQUE,
       topic text NOT NULL,
       key text NOT NULL,
       type text NOT NULL,
       payload jsonb NOT NULL,
       headers jsonb NOT NULL DEFAULT '{}',
       created_at timestamptz NOT NULL DEFAULT now(),
       sent_at timestamptz
     )`,
    `CREATE INDEX outbox_unsent ON "${schema}".outbox (seq) WHERE sent_at IS NULL`,
    `CREATE TABLE "${schema}".processed_events (
       event_id uuid NOT NULL,
       consumer text NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (event_id, consumer)
     )`,
  ];
}

export function dropOutboxTablesSql(schema: string): string[] {
  return [`DROP TABLE "${schema}".processed_events`, `DROP TABLE "${schema}".outbox`];
}

/**
 * v1.1 push lanes: each outbox row belongs to the lane of its topic, and each lane is relayed
 * on its own, so 100k bulk-loaded job rows never sit ahead of a gig job's row.
 */
export function outboxLanesSql(schema: string): string[] {
  return [
    `ALTER TABLE "${schema}".outbox ADD COLUMN lane text NOT NULL DEFAULT 'standard'`,
    `DROP INDEX "${schema}".outbox_unsent`,
    `CREATE INDEX outbox_unsent ON "${schema}".outbox (lane, seq) WHERE sent_at IS NULL`,
  ];
}

export function dropOutboxLanesSql(schema: string): string[] {
  return [
    `DROP INDEX "${schema}".outbox_unsent`,
    `CREATE INDEX outbox_unsent ON "${schema}".outbox (seq) WHERE sent_at IS NULL`,
    `ALTER TABLE "${schema}".outbox DROP COLUMN lane`,
  ];
}

export const outboxChannel = (schema: string) => `${schema}_outbox`;
