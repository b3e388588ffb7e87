import { TOPICS } from '@laowu/contracts';
import { Kafka } from 'kafkajs';
import { KafkaEventServer } from './kafka-event.server';

/** A kafkajs consumer stand-in whose subscribe fails as often as asked. */
function fakeKafka(failingSubscribes: number) {
  const consumers: { disconnected: boolean; running: boolean }[] = [];
  const kafka = {
    consumer: () => {
      const state = { disconnected: false, running: false };
      consumers.push(state);
      return {
        events: { CRASH: 'consumer.crash', GROUP_JOIN: 'consumer.group_join' },
        on: () => undefined,
        connect: async () => undefined,
        subscribe: async () => {
          if (consumers.length <= failingSubscribes) throw new Error('This server does not host this topic-partition');
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
  return { kafka: kafka as unknown as Kafka, consumers };
}

describe('KafkaEventServer start', () => {
  it('disconnects a consumer that failed to subscribe before it starts the next one', async () => {
    const { kafka, consumers } = fakeKafka(1);
    const server = new KafkaEventServer(kafka, { groupId: 'start-test' });
    server.addHandler(TOPICS.workers, async () => undefined, true);

    server.listen(() => undefined);
    await waitUntil(() => consumers.some((c) => c.running), 10000);

    expect(consumers).toEqual([
      { disconnected: true, running: false },
      { disconnected: false, running: true },
    ]);
    await server.close();
    expect(consumers[1].disconnected).toBe(true);
  }, 15000);
});

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
