import { EVENT_HEADERS, type EventEnvelope, laneOfTopic } from '@laowu/contracts';
import { currentCorrelationId } from '@laowu/platform';
import { type EntityManager } from 'typeorm';
import { outboxChannel } from './outbox.sql';

/** PostgreSQL takes at most 65,535 parameters per statement; a row takes 7. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Appends events to the outbox inside the caller's transaction: they are published if and only
 * if the state change they describe commits, by the relay of the topic's lane.
 */
export async function appendToOutbox(
  manager: EntityManager,
  schema: string,
  topic: string,
  envelopes: EventEnvelope[],
): Promise<void> {
  if (!envelopes.length) return;
  for (let i = 0; i < envelopes.length; i += ROWS_PER_STATEMENT) await insertRows(manager, schema, topic, envelopes.slice(i, i + ROWS_PER_STATEMENT));
  // Wakes that lane's relay only (Postgres sends it on commit, once per distinct payload).
  await manager.query(`SELECT pg_notify($1, $2)`, [outboxChannel(schema), laneOfTopic(topic)]);
}

/**
 * One placeholder per value, in statements of at most ROWS_PER_STATEMENT rows. Not unnest over
 * arrays: the driver would escape every payload into one array literal, for a large batch a
 * string of millions of pieces (seen: 43 MB of them in a heap at its limit).
 */
async function insertRows(manager: EntityManager, schema: string, topic: string, envelopes: EventEnvelope[]): Promise<void> {
  const values: unknown[] = [];
  const lane = laneOfTopic(topic);
  const rows = envelopes.map((envelope, i) => {
    const correlationId = envelope.correlationId ?? currentCorrelationId();
    const headers: Record<string, string> = { [EVENT_HEADERS.eventId]: envelope.id, [EVENT_HEADERS.eventType]: envelope.type };
    if (correlationId) headers[EVENT_HEADERS.correlationId] = correlationId;
    values.push(envelope.id, topic, envelope.key, envelope.type, JSON.stringify({ ...envelope, correlationId }), JSON.stringify(headers), lane);
    const p = i * 7;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`;
  });
  await manager.query(`INSERT INTO "${schema}".outbox (id, topic, key, type, payload, headers, lane) VALUES ${rows.join(', ')}`, values);
}
