import { type EventEnvelope, parseEvent } from '@laowu/contracts';
import { topicEndOffsets } from '@laowu/messaging';
import { type Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** Per partition: an offset (the next to read, or the end to read up to). */
export type PartitionOffsets = Map<number, string>;

export async function endOffsets(kafka: Kafka, topic: string): Promise<PartitionOffsets> {
  const ends = (await topicEndOffsets(kafka, [topic])).get(topic) ?? [];
  return new Map(ends.map(({ partition, offset }) => [partition, offset]));
}

/**
 * Reads `topic` from `from` (or the beginning) up to `to` with a throwaway consumer group, handing
 * each batch of valid envelopes to `onBatch` (invalid ones are skipped: the live consumer has
 * dead-lettered them already). Used to rebuild a derived index from a compacted topic.
 */
export async function readTopicRange(
  kafka: Kafka,
  topic: string,
  to: PartitionOffsets,
  onBatch: (envelopes: EventEnvelope[]) => Promise<void>,
  from?: PartitionOffsets,
): Promise<number> {
  const pending = new Set([...to].filter(([partition, end]) => BigInt(end) > BigInt(from?.get(partition) ?? '0')).map(([p]) => p));
  if (!pending.size) return 0;
  const groupId = `matching-reindex-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, maxBytes: 20 * 1024 * 1024, allowAutoTopicCreation: false });
  let read = 0;
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        if (!pending.has(batch.partition)) return;
        const end = BigInt(to.get(batch.partition)!);
        const inRange = batch.messages.filter((m) => BigInt(m.offset) < end);
        const envelopes = inRange.flatMap((m) => {
          try {
            return [parseEvent(topic, m.value)];
          } catch {
            return [];
          }
        });
        try {
          if (envelopes.length) await onBatch(envelopes);
        } catch (error) {
          fail(error as Error);
          return;
        }
        read += envelopes.length;
        const last = batch.messages[batch.messages.length - 1];
        if (last && BigInt(last.offset) + 1n >= end) {
          pending.delete(batch.partition);
          if (!pending.size) finish();
        }
      },
    });
    await joined;
    for (const [partition, offset] of from ?? []) if (pending.has(partition)) consumer.seek({ topic, partition, offset });
    await done;
    return read;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    const admin = kafka.admin();
    await admin.connect().then(() => admin.deleteGroups([groupId])).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}
