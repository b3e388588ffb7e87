import { randomUUID } from 'node:crypto';
import { type EventEnvelope } from './event-envelope';

export interface EventDefinition<TData> {
  type: string;
  schemaVersion: number;
  /** The aggregate id that becomes the Kafka key, so one aggregate's events stay in order. */
  keyOf(data: TData): string;
}

export function createEnvelope<TData>(
  definition: EventDefinition<TData>,
  data: TData,
  meta: { producer: string; correlationId?: string; occurredAt?: Date; id?: string },
): EventEnvelope<TData> {
  return {
    id: meta.id ?? randomUUID(),
    type: definition.type,
    schemaVersion: definition.schemaVersion,
    occurredAt: (meta.occurredAt ?? new Date()).toISOString(),
    producer: meta.producer,
    key: definition.keyOf(data),
    correlationId: meta.correlationId,
    data,
  };
}
