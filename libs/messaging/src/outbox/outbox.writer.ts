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
  const values: unknown[] = [];
  const rows = envelopes.map((envelope, i) => {
    const correlationId = envelope.correlationId ?? currentCorrelationId();
    const withCorrelation = { ...envelope, correlationId };
    const headers: Record<string, string> = { [EVENT_HEADERS.eventId]: envelope.id, [EVENT_HEADERS.eventType]: envelope.type };
    if (correlationId) headers[EVENT_HEADERS.correlationId] = correlationId;
    values.push(envelope.id, topic, envelope.key, envelope.type, JSON.stringify(withCorrelation), JSON.stringify(headers));
    const p = i * 6;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
  });
  await manager.query(
    `INSERT INTO "${schema}".outbox (id, topic, key, type, payload, headers) VALUES ${rows.join(', ')}`,
    values,
  );
  await manager.query(`SELECT pg_notify($1, '')`, [outboxChannel(schema)]);
}
