import { TOPIC_SPECS, TopicSpec } from '@laowu/contracts';
import { Kafka } from 'kafkajs';

/** Creates Laowu's topics that do not exist yet (compaction for the state topics). Idempotent. */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[] = TOPIC_SPECS): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.name));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor: -1,
          configEntries: spec.compacted
            ? [{ name: 'cleanup.policy', value: 'compact' }, { name: 'min.compaction.lag.ms', value: '60000' }]
            : [],
        })),
      });
    }
    return missing.map((spec) => spec.name);
  } catch (error) {
    if ((error as { type?: string }).type === 'TOPIC_ALREADY_EXISTS') return [];
    throw error;
  } finally {
    await admin.disconnect();
  }
}
