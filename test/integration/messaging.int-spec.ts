import { createEnvelope, deadLetterTopic, TOPICS, WorkerArrived, WorkerArrivedData } from '@laowu/contracts';
import { appendToOutbox, EventPublisher, KafkaEventServer, createKafka, ensureTopics } from '@laowu/messaging';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ABOUT, AppModule } from '../../apps/dispatch/src/app.module';
import { DispatchConfig } from '../../apps/dispatch/src/dispatch.config';
import { SCHEMA } from '../../apps/dispatch/src/schema';
import { testInfra } from '../support/infra';
import { TopicRecorder } from '../support/kafka';
import { eventually } from '../support/readiness';
import { startTestApp, TestApp } from '../support/test-app';

const received: WorkerArrivedData[] = [];

@Controller()
class RecordingConsumer {
  @EventPattern(TOPICS.dispatch)
  onDispatchEvent(@Payload() event: { type: string; data: WorkerArrivedData }): void {
    if (event.type === WorkerArrived.type) received.push(event.data);
  }
}

@Module({ controllers: [RecordingConsumer] })
class RecordingConsumerModule {}

function arrival(batchId: string): WorkerArrivedData {
  return {
    batchId,
    jobId: randomUUID(),
    workerId: randomUUID(),
    agencyId: 'agency-test',
    regionCode: '440306',
    priorityGroups: ['poverty_alleviated'],
    arrivedAt: new Date().toISOString(),
  };
}

describe('events between apps through the real broker', () => {
  let producerApp: TestApp<DispatchConfig>;
  let consumer: INestMicroservice;
  let dlq: TopicRecorder;
  const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'messaging-test' });

  beforeAll(async () => {
    await ensureTopics(kafka());
    producerApp = await startTestApp({ configClass: DispatchConfig, about: ABOUT, module: AppModule.forRoot }, { consume: false });
    consumer = await NestFactory.createMicroservice(RecordingConsumerModule, {
      strategy: new KafkaEventServer(kafka(), { groupId: `messaging-test-${randomUUID()}` }),
      logger: false,
    });
    await consumer.listen();
    dlq = await TopicRecorder.start([deadLetterTopic(TOPICS.dispatch)]);
  });

  afterAll(async () => {
    await dlq?.stop();
    await consumer?.close();
    await producerApp?.close();
  });

  it('delivers an event written to one app’s outbox to another app’s consumer, validated', async () => {
    const data = arrival(randomUUID());
    const dataSource = producerApp.app.get(DataSource);
    await dataSource.transaction((manager) =>
      appendToOutbox(manager, SCHEMA, TOPICS.dispatch, [createEnvelope(WorkerArrived, data, { producer: 'dispatch' })]),
    );
    await eventually(async () => expect(received.find((r) => r.batchId === data.batchId)).toEqual(data), 30000);
  });

  it('dead-letters a message that fails validation and moves on to the next one', async () => {
    const batchId = randomUUID();
    const bad = createEnvelope(WorkerArrived, { ...arrival(batchId), regionCode: 'nowhere' }, { producer: 'test' });
    const good = createEnvelope(WorkerArrived, arrival(batchId), { producer: 'test' });
    const publisher = new EventPublisher(kafka());
    try {
      await publisher.send(TOPICS.dispatch, [
        { key: batchId, value: JSON.stringify(bad) },
        { key: batchId, value: 'not json at all' },
        { key: batchId, value: JSON.stringify(good) },
      ]);
    } finally {
      await publisher.close();
    }
    await eventually(async () => expect(received.some((r) => r.batchId === batchId)).toBe(true), 30000);
    expect(received.filter((r) => r.batchId === batchId)).toHaveLength(1);
    const dead = await dlq.waitFor((messages) => messages.filter((m) => m.key === batchId).length === 2);
    const reasons = dead.filter((m) => m.key === batchId).map((m) => m.headers['laowu-dlq-reason']);
    expect(reasons[0]).toContain('data.regionCode');
    expect(reasons[1]).toContain('not JSON');
    expect(dead[0].headers['laowu-dlq-topic']).toBe(TOPICS.dispatch);
  });
});
