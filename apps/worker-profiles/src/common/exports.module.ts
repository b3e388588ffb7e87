import { ExportPool } from '@laowu/persistence';
import { APP_CONFIG } from '@laowu/platform';
import { Global, Module } from '@nestjs/common';
import { SCHEMA } from '../schema';
import { WorkerProfilesConfig } from '../worker-profiles.config';

/** The CSV exports' own small pool (lists, monthly monitoring): never the app's pool. */
@Global()
@Module({
  providers: [
    {
      provide: ExportPool,
      inject: [APP_CONFIG],
      useFactory: (config: WorkerProfilesConfig) =>
        new ExportPool({
          url: config.DATABASE_URL,
          name: SCHEMA,
          size: config.EXPORT_POOL_SIZE,
          acquireTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
          stallTimeoutMs: config.EXPORT_STALL_TIMEOUT_MS,
          statementTimeoutMs: config.EXPORT_STATEMENT_TIMEOUT_MS,
        }),
    },
  ],
  exports: [ExportPool],
})
export class ExportsModule {}
