import { EVENT_HEADERS, EventEnvelope } from '@laowu/contracts';
import { currentCorrelationId } from '@laowu/platform';
import { EntityManager } from 'typeorm';
import { outboxChannel } from './outbox.sql';

/**
 * Appends events to the outbox inside the caller's transaction: they are published if and only
 * if the state change they describe commits.
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  topic: string,
  envelopes: EventEnvelope[],
): Promise<void> {
  if (!envelopes.length) return;
  const rows = envelopes.map((envelope) => {
    const correlationId = envelope.correlationId ?? currentCorrelationId();
    const headers: Record<string, string> = { [EVENT_HEADERS.eventId]: envelope.id, [EVENT_HEADERS.eventType]: envelope.type };
    if (correlationId) headers[EVENT_HEADERS.correlationId] = correlationId;
    return { id: envelope.id, key: envelope.key, type: envelope.type, payload: JSON.stringify({ ...envelope, correlationId }), headers: JSON.stringify(headers) };
  });
  // Arrays, not one placeholder per value: any number of events fits one statement (PostgreSQL
  // takes at most 65,535 parameters), and seq follows the order given.
  await manager.query(
    `INSERT INTO "${schema}".outbox (id, topic, key, type, payload, headers)
     SELECT id, $2, key, type, payload, headers
     FROM unnest($1::uuid[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[]) WITH ORDINALITY AS e(id, key, type, payload, headers, ord)
     ORDER BY ord`,
    [rows.map((r) => r.id), topic, rows.map((r) => r.key), rows.map((r) => r.type), rows.map((r) => r.payload), rows.map((r) => r.headers)],
  );
  await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
}
