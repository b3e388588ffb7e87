import { type Kafka } from 'kafkajs';

/** Each partition's offset, per topic. */
export type TopicOffsets = Map<string, { partition: number; offset: string }[]>;

/** Each partition's end offset (where "from now on" starts), per topic. */
export async function topicEndOffsets(kafka: Kafka, topics: readonly string[]): Promise<TopicOffsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends: TopicOffsets = new Map();
    for (const topic of topics) ends.set(topic, (await admin.fetchTopicOffsets(topic)).map(({ partition, high }) => ({ partition, offset: high })));
    return ends;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Commits `offsets` for a consumer group that has no running member, so that an app started with
 * it reads from there (tests and benchmarks start at the topics' ends rather than replaying their
 * shared history). A commit needs a group member: this joins the group once for all the topics,
 * with every topic paused, seeks each partition (a kafkajs seek commits) and leaves once the
 * broker reports every offset committed. kafkajs' admin.setOffsets does the same one topic at a
 * time and waits out a full fetch (5 s) for each.
 */
export async function commitGroupOffsets(kafka: Kafka, groupId: string, offsets: TopicOffsets, timeoutMs = 30_000): Promise<void> {
  const topics = [...offsets.keys()];
  if (!topics.length) return;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 50 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    // Pause and seek on every join, not after run(): a member that crashes while joining (the
    // coordinator of a new group is often not ready yet) has no group until kafkajs restarts it.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      consumer.pause(topics.map((topic) => ({ topic })));
      for (const [topic, partitions] of offsets) for (const { partition, offset } of partitions) consumer.seek({ topic, partition, offset });
    });
    await consumer.run({ eachBatchAutoResolve: false, eachBatch: async () => undefined });
    await untilCommitted(kafka, groupId, offsets, timeoutMs);
  } finally {
    await consumer.disconnect();
  }
}

/** Polls the broker (one admin connection) until it reports every offset committed. */
async function untilCommitted(kafka: Kafka, groupId: string, offsets: TopicOffsets, timeoutMs: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = [...offsets.keys()];
    const committed = async () =>
      (await admin.fetchOffsets({ groupId, topics })).every(({ topic, partitions }) =>
        partitions.every(({ partition, offset }) => offsets.get(topic)!.find((wanted) => wanted.partition === partition)?.offset === offset),
      );
    const deadline = Date.now() + timeoutMs;
    while (!(await committed())) {
      if (Date.now() > deadline) throw new Error(`the offsets of consumer group ${groupId} were not committed within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.disconnect();
  }
}
