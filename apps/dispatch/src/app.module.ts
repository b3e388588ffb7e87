import { ServiceModule } from '@laowu/service';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { BatchesModule } from './batches/batches.module';
import { ConsoleModule } from './console/console.module';
import { DispatchConfig } from './dispatch.config';
import { ENTITIES } from './entities';
import { MatchesModule } from './matches/matches.module';
import { MIGRATIONS } from './migrations';
import { PlacementsModule } from './placements/placements.module';
import { PushModule } from './push/push.module';
import { SCHEMA } from './schema';
import { StationsModule } from './stations/stations.module';
import { StatsModule } from './stats/stats.module';
import { ViewsModule } from './views/views.module';
import { WorkshopsModule } from './workshops/workshops.module';

export const ABOUT = {
  name: 'dispatch',
  title: 'Laowu dispatch',
  description: 'Pushes matches to stations (SSE, webhooks) and runs point-to-point dispatch batches (点对点劳务输出).',
};

@Module({})
export class AppModule {
  static forRoot(config: DispatchConfig, options: { logDestination?: DestinationStream } = {}): DynamicModule {
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
        StationsModule,
        ViewsModule,
        MatchesModule,
        PushModule,
        BatchesModule,
        ConsoleModule,
        StatsModule,
        WorkshopsModule,
        PlacementsModule,
      ],
    };
  }
}
