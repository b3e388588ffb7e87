import { ServiceModule } from '@laowu/service';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { WorkerProfilesConfig } from './worker-profiles.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SCHEMA } from './schema';
import { PiiModule } from './pii/pii.module';
import { WorkersModule } from './workers/workers.module';
import { ListsModule } from './lists/lists.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { ExportsModule } from './common/exports.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { IncomeModule } from './income/income.module';
import { MonitoringLinesModule } from './monitoring-lines/monitoring-lines.module';

export const ABOUT = {
  name: 'worker-profiles',
  title: 'Laowu worker profiles',
  description: 'Stations register workers; personal data stays encrypted and masked; employment lists and monthly monitoring.',
};

@Module({})
export class AppModule {
  static forRoot(config: WorkerProfilesConfig, options: { logDestination?: DestinationStream } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot({
          app: ABOUT.name,
          config,
          persistence: { schema: SCHEMA, entities: ENTITIES, migrations: MIGRATIONS },
          outbox: true,
          logDestination: options.logDestination,
        }),
        PiiModule,
        ExportsModule,
        WorkersModule,
        ListsModule,
        MonitoringModule,
        FollowUpsModule,
        IncomeModule,
        MonitoringLinesModule,
      ],
    };
  }
}
