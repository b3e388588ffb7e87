import { ServiceModule } from '@laowu/service';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { DispatchConfig } from './dispatch.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SCHEMA } from './schema';

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
      ],
    };
  }
}
