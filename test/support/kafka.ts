import { laneOfTopic } from '@laowu/contracts';
import { commitGroupOffsets, laneGroupId, topicEndOffsets, type TopicOffsets } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { type Consumer, Kafka, type KafkaMessage, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { testInfra } from './infra';

export function testKafka(): Kafka {
  return new Kafka({ clientId: 'laowu-test', brokers: testInfra().kafkaBrokers.split(','), logLevel: logLevel.NOTHING });
}

export interface ReadMessage {
  topic: string;
  partition: number;
  key: string;
  value: string;
  headers: Record<string, string>;
  offset: string;
}

/**
 * Records every message written to `topics` from the moment it is created (the current end
 * offsets), so a test sees exactly what its own actions produced.
 */
export class TopicRecorder {
  readonly messages: ReadMessage[] = [];
  private consumer?: Consumer;

  private constructor(private readonly kafka: Kafka) {}

  static async start(topics: string[]): Promise<TopicRecorder> {
    const recorder = new TopicRecorder(testKafka());
    await recorder.begin(topics);
    return recorder;
  }

  private async begin(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    const ends = await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) })));
    await admin.disconnect();
    this.consumer = this.kafka.consumer({ groupId: `recorder-${randomUUID()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: false });
    const assigned = new Promise<void>((resolve) => this.consumer!.on(this.consumer!.events.GROUP_JOIN, () => resolve()));
    await this.consumer.run({ autoCommit: false, eachMessage: async ({ topic, partition, message }) => this.record(topic, partition, message) });
    await assigned;
    for (const { topic, offsets } of ends) {
      for (const { partition, high } of offsets) this.consumer.seek({ topic, partition, offset: high });
    }
  }

  private record(topic: string, partition: number, message: KafkaMessage): void {
    const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, v?.toString() ?? '']));
    this.messages.push({ topic, partition, key: message.key?.toString() ?? '', value: message.value?.toString() ?? '', headers, offset: message.offset });
  }

  /** Waits until `predicate` holds for the recorded messages (or times out). */
  async waitFor(predicate: (messages: ReadMessage[]) => boolean, timeoutMs = 20000): Promise<ReadMessage[]> {
    await eventually(() => predicate(this.messages), timeoutMs, 50, () => `recorded ${this.messages.length} messages`);
    return this.messages;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

/** Each partition's end offset, per topic. */
export type TopicEnds = TopicOffsets;

/** The topics' end offsets now: where "from now on" starts. */
export const topicEnds = (topics: readonly string[]): Promise<TopicEnds> => topicEndOffsets(testKafka(), topics);

/**
 * Commits the current end offsets of `topics` for each group (which must have no running member;
 * an instant-lane topic for the group's instant lane, `<group>.instant`), so an app started with
 * it consumes only what the test produces, not the history other tests and benchmarks left in
 * the shared topics. Effects are idempotent either way; this keeps a run short.
 */
export async function positionGroupsAtEnds(groupIds: string[], topics: readonly string[]): Promise<void> {
  await positionGroups(groupIds, await topicEnds(topics));
}

/** Commits `ends` for each group, as positionGroupsAtEnds does (each lane's group for its lane's topics), groups side by side. */
export async function positionGroups(groupIds: string[], ends: TopicEnds): Promise<void> {
  const offsetsOf = new Map<string, TopicEnds>();
  for (const groupId of groupIds) {
    for (const [topic, partitions] of ends) {
      const laneGroup = laneGroupId(groupId, laneOfTopic(topic));
      offsetsOf.set(laneGroup, (offsetsOf.get(laneGroup) ?? new Map()).set(topic, partitions));
    }
  }
  const kafka = testKafka();
  await Promise.all([...offsetsOf].map(([groupId, offsets]) => commitGroupOffsets(kafka, groupId, offsets)));
}
