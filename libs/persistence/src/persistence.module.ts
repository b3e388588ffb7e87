import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { withSchemaMigrationLock } from './ensure-schema';
import { PostgresReadiness } from './postgres.readiness';

export interface PersistenceOptions {
  url: string;
  /** The app's own Postgres schema: it owns these tables and no other app touches them. */
  schema: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
  /** Wait for a pooled connection (all busy) and for connecting, in ms; past it the query fails as transient. */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout for every app connection (0: none). Migrations run without it. */
  statementTimeoutMs?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout (0: none). */
  idleInTransactionTimeoutMs?: number;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

/** The app's pool: timeouts on every connection, so neither a slow statement nor a full pool waits forever. */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      keepAlive: true,
      application_name: `laowu-${options.schema}`,
    },
  };
}

/**
 * Migrations on a connection of their own without statement_timeout: an index build on a large
 * table may rightly take longer than any query the app serves.
 */
export function migrationDataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  const app = dataSourceOptions(options);
  return {
    ...app,
    migrationsRun: true,
    extra: { max: 1, connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, application_name: `laowu-${options.schema}-migrations` },
  } as DataSourceOptions;
}

@Module({})
export class PersistenceModule {
  /** Connects, creates the schema if needed and runs pending migrations before the app serves. */
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(options), retryAttempts: 5, retryDelay: 1000 }),
          dataSourceFactory: async (appOptions) => {
            await withSchemaMigrationLock(options.url, options.schema, async () => {
              const migrations = await new DataSource(migrationDataSourceOptions(options)).initialize();
              await migrations.destroy();
            });
            return new DataSource(appOptions!).initialize();
          },
        }),
      ],
      providers: [PostgresReadiness],
      exports: [TypeOrmModule, PostgresReadiness],
    };
  }
}
