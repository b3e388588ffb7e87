import { AuthModule } from '@laowu/auth';
import { KafkaReadiness, MessagingModule } from '@laowu/messaging';
import { PersistenceModule, PersistenceOptions, PostgresReadiness } from '@laowu/persistence';
import { APP_CONFIG, BaseConfig, HealthModule, LoggingModule, MetricsController, ReadinessCheck } from '@laowu/platform';
import { SearchReadiness, SearchModule } from '@laowu/search';
import { DynamicModule, Module, Type } from '@nestjs/common';
import type { DestinationStream } from 'pino';

export interface ServiceOptions {
  /** The app's name: its Kafka client id, log `app` field and default consumer group. */
  app: string;
  config: BaseConfig & { ELASTICSEARCH_URL?: string };
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
      AuthModule.forRoot({ secret: config.jwtSecret, requestsPerMinute: config.RATE_LIMIT_PER_MINUTE }),
      PersistenceModule.forRoot({ url: config.DATABASE_URL, ...options.persistence }),
      MessagingModule.forRoot({
        connection: { brokers: config.kafkaBrokers, clientId: options.app },
        outbox: options.outbox ? { schema: options.persistence.schema } : undefined,
      }),
    ];
    if (options.search) {
      if (!config.ELASTICSEARCH_URL) throw new Error(`${options.app}: ELASTICSEARCH_URL is required`);
      imports.push(SearchModule.forRoot({ node: config.ELASTICSEARCH_URL }));
      checks.push(SearchReadiness);
    }
    return {
      module: ServiceModule,
      global: true,
      imports: [...imports, HealthModule.forRoot({ checks })],
      controllers: [MetricsController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
