import { AuthModule, authOptionsFrom } from '@laowu/auth';
import { KafkaReadiness, MessagingModule } from '@laowu/messaging';
import { PersistenceModule, PersistenceOptions, PostgresReadiness } from '@laowu/persistence';
import { APP_CONFIG, APP_NAME, BaseConfig, HealthModule, LoggingModule, MetricsController, ReadinessCheck } from '@laowu/platform';
import { searchConnectionOf, searchLimitsOf, SearchReadiness, SearchModule, SearchSettings } from '@laowu/search';
import { DynamicModule, Module, Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';

export interface ServiceOptions {
  /** The app's name: its Kafka client id, log `app` field, default consumer group and the producer of its events (APP_NAME). */
  app: string;
  config: BaseConfig & Partial<SearchSettings>;
  persistence: Omit<PersistenceOptions, 'url'>;
  /** Relay this app's outbox to Kafka. */
  outbox?: boolean;
  /** Connect to Elasticsearch (matching only). */
  search?: boolean;
  logDestination?: DestinationStream;
}

/**
 * What every Laowu app has around its features: JSON logs, auth and rate limits, its Postgres
 * schema with migrations, Kafka (with the outbox relay), health, readiness and metrics.
 */
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceOptions): DynamicModule {
    const { config } = options;
    const checks: Type<ReadinessCheck>[] = [PostgresReadiness, KafkaReadiness];
    const imports: DynamicModule[] = [
      LoggingModule.forRoot({ app: options.app, level: config.LOG_LEVEL, destination: options.logDestination }),
      AuthModule.forRoot(authOptionsFrom(config)),
      PersistenceModule.forRoot({
        url: config.DATABASE_URL,
        poolSize: config.DB_POOL_SIZE,
        connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
        idleInTransactionTimeoutMs: config.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        ...options.persistence,
      }),
      MessagingModule.forRoot({
        connection: { brokers: config.kafkaBrokers, clientId: options.app, ...config.kafkaSecurity },
        outbox: options.outbox ? { schema: options.persistence.schema } : undefined,
        inbox: { schema: options.persistence.schema, retainDays: config.INBOX_RETENTION_DAYS, purgeEveryMs: config.RETENTION_PURGE_EVERY_MS },
        deadLetterRetentionMs: config.DLQ_RETENTION_DAYS * 86_400_000,
      }),
    ];
    if (options.search) {
      if (!config.ELASTICSEARCH_URL) throw new Error(`${options.app}: ELASTICSEARCH_URL is required`);
      imports.push(SearchModule.forRoot(searchConnectionOf({ ...config, ELASTICSEARCH_URL: config.ELASTICSEARCH_URL }), searchLimitsOf(config)));
      checks.push(SearchReadiness);
    }
    return {
      module: ServiceModule,
      global: true,
      imports: [...imports, HealthModule.forRoot({ checks })],
      controllers: [MetricsController],
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: APP_NAME, useValue: options.app }],
      exports: [APP_CONFIG, APP_NAME],
    };
  }
}
