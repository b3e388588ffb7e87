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
}

export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: options.poolSize ?? 10, connectionTimeoutMillis: 3000 },
  };
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
          dataSourceFactory: async (dataSourceOptions) => {
            return withSchemaMigrationLock(options.url, options.schema, () => new DataSource(dataSourceOptions!).initialize());
          },
        }),
      ],
      providers: [PostgresReadiness],
      exports: [TypeOrmModule, PostgresReadiness],
    };
  }
}
