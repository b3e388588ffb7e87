import { deadLetterTopic, type EventEnvelope, type Lane, laneOfTopic, parseEvent } from '@laowu/contracts';
import { isTransient, observeHop, runWithCorrelation, sleep } from '@laowu/platform';
import { type CustomTransportStrategy, type MessageHandler, Server } from '@nestjs/microservices';
import { BaseRpcContext } from '@nestjs/microservices/ctx-host/base-rpc.context';
import { type Batch, type Consumer, type EachBatchPayload, type IHeaders, type Kafka, type KafkaMessage } from 'kafkajs';
import { lastValueFrom } from 'rxjs';
import { consumedEvents, handlerDuration } from './consumer.metrics';
import { EventPublisher } from './event-publisher';
import { LanePriority } from './lane-priority';
import { assertTopicsServed } from './topics.bootstrap';

export interface KafkaEventServerOptions {
  groupId: string;
  /**
   * Only the handlers of this lane's topics (v1.1 push lanes): each lane has a consumer of its
   * own, so a long standard-lane round never holds up the instant topics. Unset: every handler.
   */
  lane?: Lane;
  /** Attempts for a handler error that is not transient, before the message is dead-lettered. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** Largest batch handed to a batch handler at once. */
  maxBatchSize?: number;
  /** Shared by an app's two lane consumers (kafkaConsumers): the standard lane gives way to the instant one. */
  priority?: LanePriority;
}

/** Handlers registered with `@EventPattern(topic, { batch: true })` receive arrays of envelopes. */
export interface EventHandlerExtras {
  batch?: boolean;
}

const HEARTBEAT_INTERVAL_MS = 3000;

export class KafkaEventContext extends BaseRpcContext<[KafkaMessage[], number, string]> {
  get topic(): string {
    return this.args[2];
  }
}

interface Parsed {
  message: KafkaMessage;
  envelope?: EventEnvelope;
  problem?: string;
}

/**
 * A Nest microservice transport over Kafka with the guarantees Laowu needs: every message is
 * validated against its contract, offsets are committed only after the handler's effect, a bad
 * message goes to `<topic>.dlq` and the consumer moves on, and an outage of a dependency pauses
 * the partition (retrying) rather than losing or dead-lettering messages.
 */
export class KafkaEventServer extends Server implements CustomTransportStrategy {
  private consumer?: Consumer;
  private starting?: Promise<void>;
  private stopping = false;
  private readonly dlq: EventPublisher;
  private readonly options: Required<KafkaEventServerOptions>;

  constructor(private readonly kafka: Kafka, options: KafkaEventServerOptions) {
    super();
    this.options = { maxAttempts: 3, retryBackoffMs: 200, maxBatchSize: 200, lane: undefined as unknown as Lane, priority: new LanePriority(), ...options };
    this.dlq = new EventPublisher(kafka);
  }

  listen(callback: () => void): void {
    void this.runUntilStopped();
    callback();
  }

  async close(): Promise<void> {
    this.stopping = true;
    // A start under way finishes first: otherwise the consumer it creates would outlive the app.
    await this.starting?.catch(() => undefined);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.dlq.close();
  }

  on(): never {
    throw new Error('KafkaEventServer does not emit events');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Joins the group and keeps rejoining after crashes until the app closes. */
  private async runUntilStopped(): Promise<void> {
    const lane = this.options.lane;
    const topics = [...this.getHandlers().keys()].filter((topic) => lane === undefined || laneOfTopic(topic) === lane);
    if (!topics.length) return;
    while (!this.stopping) {
      try {
        this.starting = this.runConsumer(topics);
        await this.starting;
        return;
      } catch (error) {
        this.logger.warn?.(`consumer ${this.options.groupId} could not start: ${(error as Error).message}; retrying`);
        // A half-started consumer keeps its broker connections and metadata; the next attempt
        // starts clean (on a brand-new broker the topics may still be being created).
        await this.consumer?.disconnect().catch(() => undefined);
        this.consumer = undefined;
        await sleep(2000);
      }
    }
  }

  private async runConsumer(topics: string[]): Promise<void> {
    await assertTopicsServed(this.kafka, topics);
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: 30000,
      heartbeatInterval: HEARTBEAT_INTERVAL_MS,
      maxWaitTimeInMs: 100,
      // Small fetches keep rounds short, so a backlog on one topic (jobs) delays another topic's
      // partitions (workers) by seconds rather than minutes: each fetch round is handled whole.
      maxBytesPerPartition: 256 * 1024,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10000 },
      // Topics come from TOPIC_SPECS (partitions, compaction): a subscription must never create
      // one with the broker's defaults while the apps' bootstrap is still creating it.
      allowAutoTopicCreation: false,
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart && !this.stopping) {
        this.logger.error?.(`consumer ${this.options.groupId} crashed: ${payload.error.message}; restarting`);
        void consumer.disconnect().finally(() => this.runUntilStopped());
      }
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const partitions = Object.values(payload.memberAssignment).reduce((sum, list) => sum + list.length, 0);
      this.logger.log?.(`consumer ${this.options.groupId} joined its group: ${partitions} partitions of ${topics.length} topics`);
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: 3,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) return;
    const received = Date.now();
    const lane = laneOfTopic(batch.topic);
    for (const message of batch.messages) observeHop('kafka_to_consumer', lane, received - Number(message.timestamp), batch.topic);
    if (lane === 'instant') await this.options.priority.instant(() => this.handleChunks(handler, payload, lane));
    else await this.handleChunks(handler, payload, lane);
  }

  /** Chunk by chunk, each validated just before it is handled (no long synchronous stretch for a whole fetch). */
  private async handleChunks(handler: MessageHandler, payload: EachBatchPayload, lane: Lane): Promise<void> {
    const { batch } = payload;
    const wantsBatches = (handler.extras as EventHandlerExtras | undefined)?.batch === true;
    const chunks = wantsBatches ? chunk(batch.messages, this.options.maxBatchSize) : batch.messages.map((m) => [m]);
    for (const messages of chunks) {
      if (lane === 'standard') await this.options.priority.standardTurn();
      if (!payload.isRunning() || payload.isStale()) return;
      const group = messages.map((message) => this.parse(batch.topic, message));
      await this.deadLetterInvalid(batch, group);
      const valid = group.filter((p) => p.envelope);
      if (valid.length) await this.handleWithRetry(handler, batch, valid, wantsBatches, payload);
      const last = group[group.length - 1].message.offset;
      payload.resolveOffset(last);
      await payload.commitOffsetsIfNecessary({
        topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: nextOffset(last) }] }],
      });
      await payload.heartbeat();
    }
  }

  private parse(topic: string, message: KafkaMessage): Parsed {
    try {
      return { message, envelope: parseEvent(topic, message.value) };
    } catch (error) {
      return { message, problem: (error as Error).message };
    }
  }

  private async handleWithRetry(
    handler: MessageHandler,
    batch: Batch,
    items: Parsed[],
    asBatch: boolean,
    payload: EachBatchPayload,
  ): Promise<void> {
    const context = new KafkaEventContext([items.map((i) => i.message), batch.partition, batch.topic]);
    const envelopes = items.map((i) => i.envelope!);
    for (let attempt = 1; ; attempt++) {
      const stopTimer = handlerDuration.startTimer({ topic: batch.topic });
      try {
        await whileHeartbeating(payload, () =>
          runWithCorrelation(envelopes[0].correlationId, async () => {
            const result = await handler(asBatch ? envelopes : envelopes[0], context);
            await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
          }),
        );
        consumedEvents.inc({ topic: batch.topic, outcome: 'ok' }, items.length);
        return;
      } catch (error) {
        const transient = isTransient(error);
        if (!transient && attempt >= this.options.maxAttempts) {
          if (asBatch && items.length > 1) {
            // Find the poison message(s) one by one rather than dead-lettering the whole batch.
            for (const item of items) await this.handleWithRetry(handler, batch, [item], asBatch, payload);
            return;
          }
          await this.deadLetter(batch, items[0].message, `handler failed: ${(error as Error).message}`);
          return;
        }
        if (!payload.isRunning()) throw error;
        this.logger.warn?.(`${batch.topic} handler attempt ${attempt} failed (${transient ? 'transient' : 'error'}): ${(error as Error).message}`);
        await sleep(Math.min(this.options.retryBackoffMs * 2 ** Math.min(attempt - 1, 6), 5000));
        await payload.heartbeat().catch(() => undefined);
      } finally {
        stopTimer();
      }
    }
  }

  private async deadLetterInvalid(batch: Batch, group: Parsed[]): Promise<void> {
    for (const item of group) {
      if (item.problem) await this.deadLetter(batch, item.message, item.problem);
    }
  }

  private async deadLetter(batch: Batch, message: KafkaMessage, reason: string): Promise<void> {
    this.logger.warn?.(`dead-lettering ${batch.topic}[${batch.partition}]@${message.offset}: ${reason}`);
    const headers: IHeaders = {
      ...message.headers,
      'laowu-dlq-reason': reason.slice(0, 1000),
      'laowu-dlq-topic': batch.topic,
      'laowu-dlq-partition': String(batch.partition),
      'laowu-dlq-offset': message.offset,
      'laowu-dlq-group': this.options.groupId,
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dlq.send(deadLetterTopic(batch.topic), [
          { key: message.key?.toString() ?? '', value: message.value ?? Buffer.alloc(0), headers },
        ]);
        consumedEvents.inc({ topic: batch.topic, outcome: 'dead_lettered' });
        return;
      } catch (error) {
        if (this.stopping) throw error;
        await sleep(Math.min(200 * attempt, 5000));
      }
    }
  }
}

/**
 * Keeps the group session alive while a slow effect runs (a large batch under load): without
 * heartbeats the coordinator would evict the member mid-batch and the batch would run again.
 */
async function whileHeartbeating<T>(payload: EachBatchPayload, effect: () => Promise<T>): Promise<T> {
  const ticker = setInterval(() => void payload.heartbeat().catch(() => undefined), HEARTBEAT_INTERVAL_MS);
  try {
    return await effect();
  } finally {
    clearInterval(ticker);
  }
}

function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

