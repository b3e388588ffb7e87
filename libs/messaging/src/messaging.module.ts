import { Lane, LANES } from '@laowu/contracts';
import { sleep } from '@laowu/platform';
import { DynamicModule, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy, Provider } from '@nestjs/common';
import { CustomStrategy } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventPublisher } from './event-publisher';
import { createKafka, KafkaConnection } from './kafka.factory';
import { LanePriority } from './lane-priority';
import { KafkaEventServer, KafkaEventServerOptions } from './kafka-event.server';
import { KafkaReadiness } from './kafka.readiness';
import { OutboxRelay, OutboxRelayOptions } from './outbox/outbox.relay';
import { ensureTopics } from './topics.bootstrap';
import { processedEventsPurge } from './inbox/inbox-retention';
import { RetentionPurge } from '@laowu/persistence';

export const KAFKA = Symbol('KAFKA');
const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * Creates Laowu's topics in the background, retrying while Kafka is away; boot never waits.
 * Shutdown waits for an attempt under way, so none outlives the app (its admin client included).
 */
class TopicsInitializer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Topics');
  private stopped = false;
  private attempt?: Promise<boolean>;

  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  onApplicationBootstrap(): void {
    void this.ensure();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.attempt;
  }

  private async ensure(): Promise<void> {
    for (let n = 1; !this.stopped; n++) {
      this.attempt = this.tryOnce(n === 1);
      if (await this.attempt) return;
      await sleep(Math.min(500 * n, 5000));
    }
  }

  private async tryOnce(first: boolean): Promise<boolean> {
    try {
      const { created, compacted, problems } = await ensureTopics(this.kafka, undefined, { deadLetterRetentionMs: this.options.deadLetterRetentionMs });
      if (created.length) this.logger.log(`created topics ${created.join(', ')}`);
      if (compacted.length) this.logger.warn(`topics ${compacted.join(', ')} were not compacted; compaction set as their spec says`);
      for (const problem of problems) this.logger.warn(`topic ${problem}: consumers work with less parallelism until it is recreated`);
      return true;
    } catch (error) {
      if (first) this.logger.warn(`topics not ensured yet: ${(error as Error).message}`);
      return false;
    }
  }
}

export interface MessagingOptions {
  connection: KafkaConnection;
  /** When set, the app's outbox in this Postgres schema is relayed to Kafka. */
  outbox?: OutboxRelayOptions;
  /** When set, processed-event rows of this schema older than retainDays are purged every purgeEveryMs. */
  inbox?: { schema: string; retainDays: number; purgeEveryMs: number };
  /** retention.ms of the dead-letter topics (set at creation, kept in line at start); unset: the broker's default. */
  deadLetterRetentionMs?: number;
}


/** Purges the app's inbox (processed_events) past its retention, in bounded batches. */
@Injectable()
class InboxRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly purge?: RetentionPurge;

  constructor(dataSource: DataSource, @Inject(MESSAGING_OPTIONS) options: MessagingOptions) {
    const inbox = options.inbox;
    if (inbox) this.purge = new RetentionPurge(dataSource, [processedEventsPurge(inbox.schema, inbox.retainDays)], { everyMs: inbox.purgeEveryMs });
  }

  onApplicationBootstrap(): void {
    this.purge?.start();
  }

  /** Before the data source closes (onModuleDestroy runs ahead of shutdown hooks). */
  async onModuleDestroy(): Promise<void> {
    await this.purge?.stop();
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: KAFKA, useFactory: () => createKafka(options.connection) },
      { provide: EventPublisher, useFactory: (kafka: Kafka) => new EventPublisher(kafka), inject: [KAFKA] },
      { provide: KafkaReadiness, useFactory: (kafka: Kafka) => new KafkaReadiness(kafka), inject: [KAFKA] },
      { provide: MESSAGING_OPTIONS, useValue: options },
      TopicsInitializer,
    ];
    if (options.inbox) providers.push({ provide: InboxRetention, useClass: InboxRetention });
    if (options.outbox) {
      const outbox = options.outbox;
      providers.push({
        provide: OutboxRelay,
        // A publisher of its own, so relay reconnects never disturb other producers.
        useFactory: (dataSource: DataSource, kafka: Kafka) => new OutboxRelay(dataSource, new EventPublisher(kafka), outbox),
        inject: [DataSource, KAFKA],
      });
    }
    return {
      module: MessagingModule,
      global: true,
      providers,
      exports: providers.filter((p): p is Exclude<Provider, Function> => typeof p !== 'function').map((p) => p.provide),
    };
  }
}

/**
 * The microservice strategies an app connects to consume its topics (`@EventPattern(topic)`):
 * one consumer group per push lane, `<groupId>` for the standard lane and `<groupId>.instant`
 * for the instant lane (a lane the app has no handler for starts no consumer). The two share a
 * LanePriority: the standard lane gives way while an instant batch is handled.
 */
export function kafkaConsumers(connection: KafkaConnection, options: Omit<KafkaEventServerOptions, 'lane' | 'priority'>): CustomStrategy[] {
  const priority = new LanePriority();
  return LANES.map((lane) => ({
    strategy: new KafkaEventServer(createKafka(connection), { ...options, groupId: laneGroupId(options.groupId, lane), lane, priority }),
  }));
}

/** The consumer group of a lane: the app's group for the standard lane, `<group>.instant` for the instant one. */
export function laneGroupId(groupId: string, lane: Lane): string {
  return lane === 'standard' ? groupId : `${groupId}.${lane}`;
}
