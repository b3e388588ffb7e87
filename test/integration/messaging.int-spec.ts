import { createEnvelope, deadLetterTopic, MatchesFound, TOPICS, WorkerArrived, WorkerArrivedData } from '@laowu/contracts';
import { appendToOutbox, EventPublisher, KafkaEventServer, OutboxRelay, createKafka, ensureTopics } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
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

/** A standard-lane topic of this test alone: nobody consumes it, and no real topic (a dead-letter one) fills up. */
const BACKLOG_TOPIC = { name: 'laowu.test.standard-backlog', partitions: 1, compacted: false };

describe('events between apps through the real broker', () => {
  let producerApp: TestApp<DispatchConfig>;
  let consumer: INestMicroservice;
  let dlq: TopicRecorder;
  const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'messaging-test' });

  beforeAll(async () => {
    await ensureTopics(kafka());
    await ensureTopics(kafka(), [BACKLOG_TOPIC]);
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

  it('relays each lane on its own: an instant-lane row is published while a standard-lane backlog written before it is still pending', async () => {
    const dataSource = producerApp.app.get(DataSource);
    // A backlog nobody consumes, in the standard lane, then one instant-lane event.
    const backlog = Array.from({ length: 20_000 }, () => createEnvelope(WorkerArrived, arrival(randomUUID()), { producer: 'dispatch' }));
    await dataSource.transaction((manager) => appendToOutbox(manager, SCHEMA, BACKLOG_TOPIC.name, backlog));
    const instant = createEnvelope(MatchesFound, {
      stationId: `station-lanes-${randomUUID()}`, trigger: 'instant_job', lane: 'instant', jobId: randomUUID(), jobMaterialVersion: 1,
      job: { title: '日结', kind: 'gig', agencyId: 'agency-test', wage: { min: 200, max: 250, unit: 'day' }, location: { regionCode: '440306', lat: 22.5, lon: 113.9 }, instant: true, headcountLeft: 1 },
      matches: [{ matchId: randomUUID(), workerId: randomUUID(), score: 1, reasons: [] }],
      createdAt: new Date().toISOString(),
    }, { producer: 'matching' });
    await dataSource.transaction((manager) => appendToOutbox(manager, SCHEMA, TOPICS.matchesInstant, [instant]));
    const pendingWhenInstantSent = await eventually(async () => {
      const [row] = await dataSource.query(
        `SELECT (SELECT sent_at IS NOT NULL FROM "${SCHEMA}".outbox WHERE id = $1) AS sent,
                (SELECT count(*)::int FROM "${SCHEMA}".outbox WHERE id = ANY($2::uuid[]) AND sent_at IS NULL) AS pending`,
        [instant.id, backlog.map((e) => e.id)],
      );
      if (!row.sent) throw new Error('instant row not sent yet');
      return row.pending as number;
    }, 60_000, 10);
    // Order, not time: the instant row did not wait for the rows committed before it in the other lane.
    expect(pendingWhenInstantSent).toBeGreaterThan(0);
    await eventually(async () => {
      const [{ pending }] = await dataSource.query(`SELECT count(*)::int AS pending FROM "${SCHEMA}".outbox WHERE id = ANY($1::uuid[]) AND sent_at IS NULL`, [backlog.map((e) => e.id)]);
      expect(pending).toBe(0);
    }, 120_000, 200);
  });

  it('purges sent rows past their retention and vacuums the outbox, apart from the lanes', async () => {
    const dataSource = producerApp.app.get(DataSource);
    const event = createEnvelope(WorkerArrived, arrival(randomUUID()), { producer: 'dispatch' });
    await dataSource.transaction((manager) => appendToOutbox(manager, SCHEMA, TOPICS.dispatch, [event]));
    const sentRow = async () => (await dataSource.query(`SELECT sent_at FROM "${SCHEMA}".outbox WHERE id = $1`, [event.id]))[0] as { sent_at: Date | null } | undefined;
    await eventually(async () => expect((await sentRow())?.sent_at).not.toBeNull(), 30_000, 100);
    const [{ now }] = await dataSource.query(`SELECT now()`);

    const relay = new OutboxRelay(dataSource, new EventPublisher(kafka()), { schema: SCHEMA, retainSentMs: 0, maintainEveryMs: 200 });
    relay.onApplicationBootstrap();
    try {
      await eventually(async () => expect(await sentRow()).toBeUndefined(), 30_000, 100);
      await eventually(async () => {
        const [{ last_vacuum }] = await dataSource.query(`SELECT last_vacuum FROM pg_stat_user_tables WHERE schemaname = $1 AND relname = 'outbox'`, [SCHEMA]);
        expect(last_vacuum?.getTime() ?? 0).toBeGreaterThan(now.getTime());
      }, 30_000, 200);
    } finally {
      await relay.onModuleDestroy();
    }
  });
});
