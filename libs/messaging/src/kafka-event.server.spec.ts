import { TOPICS } from '@laowu/contracts';
import { type Kafka } from 'kafkajs';
import { KafkaEventServer } from './kafka-event.server';

interface FakeKafkaScript {
  /** Leader of every partition, per metadata request in turn (the last one repeats). */
  leaders: number[];
  failingSubscribes: number;
}

/** A kafkajs stand-in: an admin that answers metadata, consumers whose subscribe may fail. */
function fakeKafka(script: FakeKafkaScript) {
  const consumers: { disconnected: boolean; running: boolean }[] = [];
  let metadataRequests = 0;
  const kafka = {
    admin: () => ({
      connect: async () => undefined,
      disconnect: async () => undefined,
      fetchTopicMetadata: async ({ topics }: { topics: string[] }) => {
        const leader = script.leaders[Math.min(metadataRequests++, script.leaders.length - 1)];
        return { topics: topics.map((name) => ({ name, partitions: [0, 1].map((partitionId) => ({ partitionId, leader, partitionErrorCode: leader < 0 ? 5 : 0 })) })) };
      },
    }),
    consumer: () => {
      const state = { disconnected: false, running: false };
      consumers.push(state);
      return {
        events: { CRASH: 'consumer.crash', GROUP_JOIN: 'consumer.group_join' },
        on: () => undefined,
        connect: async () => undefined,
        subscribe: async () => {
          if (consumers.length <= script.failingSubscribes) throw new Error('This server does not host this topic-partition');
        },
        run: async () => {
          state.running = true;
        },
        disconnect: async () => {
          state.disconnected = true;
        },
      };
    },
    producer: () => ({ connect: async () => undefined, disconnect: async () => undefined }),
  };
  return { kafka: kafka as unknown as Kafka, consumers, metadataRequests: () => metadataRequests };
}

async function startServer(kafka: Kafka): Promise<KafkaEventServer> {
  const server = new KafkaEventServer(kafka, { groupId: 'start-test' });
  server.addHandler(TOPICS.workers, async () => undefined, true);
  server.listen(() => undefined);
  return server;
}

describe('KafkaEventServer start', () => {
  it('joins its group only once every partition of its topics has a leader', async () => {
    const fake = fakeKafka({ leaders: [-1, 1], failingSubscribes: 0 });

    const server = await startServer(fake.kafka);
    await waitUntil(() => fake.consumers.some((c) => c.running), 10000);

    expect(fake.metadataRequests()).toBe(2);
    expect(fake.consumers).toEqual([{ disconnected: false, running: true }]);
    await server.close();
  }, 15000);

  it('disconnects a consumer that failed to subscribe before it starts the next one', async () => {
    const fake = fakeKafka({ leaders: [1], failingSubscribes: 1 });

    const server = await startServer(fake.kafka);
    await waitUntil(() => fake.consumers.some((c) => c.running), 10000);

    expect(fake.consumers).toEqual([
      { disconnected: true, running: false },
      { disconnected: false, running: true },
    ]);
    await server.close();
    expect(fake.consumers[1].disconnected).toBe(true);
  }, 15000);
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
