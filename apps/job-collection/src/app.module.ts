import { ServiceModule } from '@laowu/service';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { JobCollectionConfig } from './job-collection.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { JobsModule } from './jobs/jobs.module';
import { ReferenceModule } from './reference/reference.module';
import { SCHEMA } from './schema';

export const ABOUT = {
  name: 'job-collection',
  title: 'Laowu job collection',
  description: 'Agencies post and manage jobs (零工, full-time, seasonal, cross-region, work-relief, public-welfare, workshop).',
};

@Module({})
export class AppModule {
  static forRoot(config: JobCollectionConfig, options: { logDestination?: DestinationStream } = {}): DynamicModule {
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
        JobsModule,
        ReferenceModule,
      ],
    };
  }
}
