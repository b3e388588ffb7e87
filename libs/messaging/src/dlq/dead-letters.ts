import { deadLetterTopic } from '@laowu/contracts';
import { type IHeaders, type Kafka, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { EventPublisher } from '../event-publisher';
import { ensureTopics } from '../topics.bootstrap';

/**
 * The record of replays: one message per replayed dead letter, keyed `<dlq topic>/<partition>/<offset>`
 * (compacted, so it keeps one entry per dead letter for as long as the topic exists).
 */
export const DLQ_REPLAYS_TOPIC = 'laowu.dlq-replays';

/** Headers the consumer adds when it dead-letters (kafka-event.server.ts); a replay leaves them behind. */
const DLQ_HEADER_PREFIX = 'laowu-dlq-';
export const REPLAYED_FROM_HEADER = 'laowu-replayed-from';
const REPLAYED_AT_HEADER = 'laowu-replayed-at';

export interface DeadLetter {
  /** The dead-letter topic and the message's place in it. */
  topic: string;
  partition: number;
  offset: string;
  key: string;
  /** From the envelope; undefined when the value was not a parsable envelope. */
  eventId?: string;
  type?: string;
  /** Where it came from and which group gave up on it. */
  originalTopic: string;
  group?: string;
  /** Why, with long digit runs (ID numbers, phone numbers) masked. */
  reason: string;
  deadLetteredAt: string;
  /** When it was re-published, if it was. */
  replayedAt?: string;
}

export interface ReplayResult {
  /** Dead letters re-published by this run. */
  replayed: DeadLetter[];
  /** Matching dead letters skipped because an earlier run had re-published them. */
  alreadyReplayed: DeadLetter[];
}

/** `laowu.dispatch.v1` or `laowu.dispatch.v1.dlq`: the dead-letter topic either way. */
export function deadLetterTopicOf(topic: string): string {
  return topic.endsWith('.dlq') ? topic : deadLetterTopic(topic);
}

/** The dead letters of a topic, oldest first, with whether each was replayed. Never prints or returns the payload. */
export async function listDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const dlq = deadLetterTopicOf(topic);
  const replays = await readReplays(kafka);
  const letters: DeadLetter[] = [];
  await readToEnd(kafka, dlq, (partition, message) => {
    const letter = describe(dlq, partition, message);
    letters.push({ ...letter, replayedAt: replays.get(replayKey(letter)) });
  });
  return letters;
}

/**
 * Re-publishes the topic's dead letters that were never replayed (only those of `eventId`, when
 * given) to their original topic: same key, value and headers, less the dead-letter headers,
 * plus `laowu-replayed-from`. Each is recorded as replayed right after the broker acknowledged it,
 * so running replay again publishes nothing twice (a crash between the two can repeat that one
 * message; consumers dedupe on the event id). Run one replay of a topic at a time.
 */
export async function replayDeadLetters(kafka: Kafka, topic: string, options: { eventId?: string } = {}): Promise<ReplayResult> {
  const dlq = deadLetterTopicOf(topic);
  await ensureTopics(kafka, [{ name: DLQ_REPLAYS_TOPIC, partitions: 1, compacted: true }]);
  const replays = await readReplays(kafka);
  const pending: { letter: DeadLetter; message: KafkaMessage }[] = [];
  const result: ReplayResult = { replayed: [], alreadyReplayed: [] };
  await readToEnd(kafka, dlq, (partition, message) => {
    const letter = describe(dlq, partition, message);
    if (options.eventId !== undefined && letter.eventId !== options.eventId) return;
    const replayedAt = replays.get(replayKey(letter));
    if (replayedAt) result.alreadyReplayed.push({ ...letter, replayedAt });
    else pending.push({ letter, message });
  });
  const publisher = new EventPublisher(kafka);
  try {
    for (const { letter, message } of pending) {
      const replayedAt = new Date().toISOString();
      await publisher.send(letter.originalTopic, [
        { key: letter.key, value: message.value ?? Buffer.alloc(0), headers: replayHeaders(message.headers, letter, replayedAt) },
      ]);
      await publisher.send(DLQ_REPLAYS_TOPIC, [
        { key: replayKey(letter), value: JSON.stringify({ eventId: letter.eventId, to: letter.originalTopic, replayedAt }) },
      ]);
      result.replayed.push({ ...letter, replayedAt });
    }
  } finally {
    await publisher.close();
  }
  return result;
}

function replayKey(letter: Pick<DeadLetter, 'topic' | 'partition' | 'offset'>): string {
  return `${letter.topic}/${letter.partition}/${letter.offset}`;
}

function replayHeaders(headers: IHeaders | undefined, letter: DeadLetter, replayedAt: string): IHeaders {
  const kept = Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(DLQ_HEADER_PREFIX));
  return { ...Object.fromEntries(kept), [REPLAYED_FROM_HEADER]: replayKey(letter), [REPLAYED_AT_HEADER]: replayedAt };
}

function header(message: KafkaMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function describe(topic: string, partition: number, message: KafkaMessage): DeadLetter {
  const envelope = parseEnvelopeHead(message.value);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? '',
    eventId: envelope.id,
    type: envelope.type,
    originalTopic: header(message, `${DLQ_HEADER_PREFIX}topic`) ?? topic.replace(/\.dlq$/, ''),
    group: header(message, `${DLQ_HEADER_PREFIX}group`),
    reason: maskDigitRuns(header(message, `${DLQ_HEADER_PREFIX}reason`) ?? '').slice(0, 300),
    deadLetteredAt: new Date(Number(message.timestamp)).toISOString(),
  };
}

/** Only the envelope's id and type: the data (which may hold anything) is never looked at. */
function parseEnvelopeHead(value: Buffer | null): { id?: string; type?: string } {
  try {
    const parsed = JSON.parse(value?.toString() ?? '') as { id?: unknown; type?: unknown };
    return { id: typeof parsed.id === 'string' ? parsed.id : undefined, type: typeof parsed.type === 'string' ? parsed.type : undefined };
  } catch {
    return {};
  }
}

/** A resident ID number (18) or phone number (11) quoted in an error message is not printed. */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d{11,}[\dXx]?/g, (run) => `${run.slice(0, 2)}${'*'.repeat(run.length - 2)}`);
}

async function readReplays(kafka: Kafka): Promise<Map<string, string>> {
  const replays = new Map<string, string>();
  await readToEnd(kafka, DLQ_REPLAYS_TOPIC, (_partition, message) => {
    const key = message.key?.toString();
    if (!key || !message.value) return;
    replays.set(key, (JSON.parse(message.value.toString()) as { replayedAt: string }).replayedAt);
  });
  return replays;
}

/**
 * Reads every message of `topic` up to its end as of the call (nothing when the topic does not
 * exist), with a throwaway consumer group that commits nothing.
 */
async function readToEnd(kafka: Kafka, topic: string, onMessage: (partition: number, message: KafkaMessage) => void, timeoutMs = 60_000): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, bigint>;
  try {
    if (!(await admin.listTopics()).includes(topic)) return;
    const offsets = await admin.fetchTopicOffsets(topic);
    ends = new Map(offsets.filter((o) => BigInt(o.high) > BigInt(o.low)).map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
  if (!ends.size) return;
  const consumer = kafka.consumer({ groupId: `laowu.dlq-tool.${randomUUID()}`, maxWaitTimeInMs: 100, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`could not read ${topic} to its end within ${timeoutMs} ms`)), timeoutMs);
      void consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const end = ends.get(batch.partition);
            if (end === undefined) return;
            for (const message of batch.messages) if (BigInt(message.offset) < end) onMessage(batch.partition, message);
            if (BigInt(batch.lastOffset()) + 1n >= end) ends.delete(batch.partition);
            if (!ends.size) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}
