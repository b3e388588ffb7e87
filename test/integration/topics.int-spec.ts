import { deadLetterTopic } from '@laowu/contracts';
import { createKafka, EventPublisher, ensureTopics, KafkaEventServer } from '@laowu/messaging';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { ConfigResourceTypes } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { testInfra } from '../support/infra';
import { TopicRecorder, testKafka } from '../support/kafka';

const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'topics-test' });
const createdByTests: string[] = [];
const testTopic = (what: string) => {
  const name = `laowu.test.${what}.${randomUUID()}`;
  createdByTests.push(name, deadLetterTopic(name));
  return name;
};

afterAll(async () => {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics({ topics: createdByTests.filter((name) => existing.has(name)) });
  } finally {
    await admin.disconnect();
  }
});

async function describeTopic(name: string): Promise<{ partitions: number; cleanupPolicy: string }> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const metadata = await admin.fetchTopicMetadata({ topics: [name] });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name, configNames: ['cleanup.policy'] }],
    });
    return { partitions: metadata.topics[0].partitions.length, cleanupPolicy: configs.resources[0].configEntries[0].configValue };
  } finally {
    await admin.disconnect();
  }
}

/** retention.ms set on the topic itself (undefined: the broker's default applies). */
async function retentionOverride(name: string): Promise<string | undefined> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] }],
    });
    const entry = configs.resources[0].configEntries.find((e) => e.configName === 'retention.ms');
    return entry && !entry.isDefault ? entry.configValue : undefined;
  } finally {
    await admin.disconnect();
  }
}

async function topicExists(name: string): Promise<boolean> {
  const admin = testKafka().admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(name);
  } finally {
    await admin.disconnect();
  }
}

describe('topics are created from their specs', () => {
  it('creates a missing topic, compacts a state topic created without compaction and reports one with too few partitions', async () => {
    const fresh = { name: testTopic('fresh'), partitions: 4, compacted: true };
    const uncompacted = { name: testTopic('uncompacted'), partitions: 2, compacted: true };
    const tooFew = { name: testTopic('too-few'), partitions: 6, compacted: false };
    // What a broker's auto-creation would have left: its default partitions, no compaction.
    await ensureTopics(kafka(), [
      { ...uncompacted, compacted: false },
      { ...tooFew, partitions: 2 },
    ]);

    const ensured = await ensureTopics(kafka(), [fresh, uncompacted, tooFew]);

    expect(ensured.created).toEqual([fresh.name]);
    expect(ensured.compacted).toEqual([uncompacted.name]);
    expect(ensured.problems).toEqual([`${tooFew.name} has 2 partitions where its spec says 6`]);
    expect(await describeTopic(fresh.name)).toEqual({ partitions: 4, cleanupPolicy: 'compact' });
    expect(await describeTopic(uncompacted.name)).toEqual({ partitions: 2, cleanupPolicy: 'compact' });
    expect(await describeTopic(tooFew.name)).toEqual({ partitions: 2, cleanupPolicy: 'delete' });
    expect(await ensureTopics(kafka(), [fresh, uncompacted])).toEqual({ created: [], compacted: [], problems: [], retentionSet: [] });
  });

  it('gives dead-letter topics the configured retention, at creation and in place, and leaves other topics alone', async () => {
    const events = { name: testTopic('retained'), partitions: 1, compacted: false };
    const created = { name: deadLetterTopic(events.name), partitions: 1, compacted: false };
    const existing = { name: deadLetterTopic(testTopic('retained-old')), partitions: 1, compacted: false };
    await ensureTopics(kafka(), [existing]); // created before retention was configured: the broker's default
    const days = 30;
    const retentionMs = days * 86_400_000;

    const ensured = await ensureTopics(kafka(), [events, created, existing], { deadLetterRetentionMs: retentionMs });

    expect(ensured.created).toEqual([events.name, created.name]);
    expect(ensured.retentionSet).toEqual([existing.name]);
    expect(await retentionOverride(created.name)).toBe(String(retentionMs));
    expect(await retentionOverride(existing.name)).toBe(String(retentionMs));
    expect(await retentionOverride(events.name)).toBeUndefined();
    expect((await ensureTopics(kafka(), [events, created, existing], { deadLetterRetentionMs: retentionMs })).retentionSet).toEqual([]);
  });

  it('creates each topic once when several apps ensure the same topics at the same time', async () => {
    const specs = [1, 2, 3].map((n) => ({ name: testTopic(`race-${n}`), partitions: 3, compacted: n === 1 }));

    const results = await Promise.all([1, 2, 3, 4].map(() => ensureTopics(kafka(), specs)));

    const created = results.flatMap((r) => r.created).sort();
    expect(created).toEqual(specs.map((s) => s.name).sort());
    expect(results.flatMap((r) => r.problems)).toEqual([]);
    for (const spec of specs) expect((await describeTopic(spec.name)).partitions).toBe(3);
  });
});

// Before the apps' bootstrap has created the topics on a brand-new broker.
const LATE_TOPIC = testTopic('late');

@Controller()
class LateTopicConsumer {
  @EventPattern(LATE_TOPIC)
  onEvent(): void {
    // Messages on a topic without contracts are dead-lettered before they reach a handler.
  }
}

@Module({ controllers: [LateTopicConsumer] })
class LateTopicConsumerModule {}

describe('a consumer that starts before its topic exists', () => {
  let consumer: INestMicroservice;
  let dlq: TopicRecorder | undefined;

  afterAll(async () => {
    await dlq?.stop();
    await consumer?.close();
  });

  it('does not create the topic with broker defaults, and consumes once the topic is created from its spec', async () => {
    consumer = await NestFactory.createMicroservice(LateTopicConsumerModule, {
      strategy: new KafkaEventServer(kafka(), { groupId: `late-topic-test-${randomUUID()}` }),
      logger: false,
    });
    await consumer.listen();
    // kafkajs retries a metadata request for a few seconds before the first start attempt fails.
    await new Promise((resolve) => setTimeout(resolve, 8000));
    expect(await topicExists(LATE_TOPIC)).toBe(false);

    await ensureTopics(kafka(), [
      { name: LATE_TOPIC, partitions: 2, compacted: false },
      { name: deadLetterTopic(LATE_TOPIC), partitions: 1, compacted: false },
    ]);
    dlq = await TopicRecorder.start([deadLetterTopic(LATE_TOPIC)]);
    const publisher = new EventPublisher(kafka());
    try {
      await publisher.send(LATE_TOPIC, [{ key: 'k', value: 'not json' }]);
    } finally {
      await publisher.close();
    }

    const dead = await dlq.waitFor((messages) => messages.length === 1, 60000);
    expect(dead[0].headers['laowu-dlq-topic']).toBe(LATE_TOPIC);
    expect(dead[0].headers['laowu-dlq-reason']).toContain('not JSON');
  }, 90000);
});
