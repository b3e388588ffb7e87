import { ServiceModule } from '@laowu/service';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { JobCollectionConfig } from './job-collection.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { ComplaintsModule } from './complaints/complaints.module';
import { BrandStatsModule } from './brand-stats/brand-stats.module';
import { EmployersModule } from './employers/employers.module';
import { JobsModule } from './jobs/jobs.module';
import { ReferenceModule } from './reference/reference.module';
import { SCHEMA } from './schema';
import { SharingModule } from './sharing/sharing.module';
import { TrainingModule } from './training/training.module';
import { WorkersViewModule } from './workers-view/workers-view.module';

export const ABOUT = {
  name: 'job-collection',
  title: 'Laowu job collection',
  description:
    'Agencies post and manage jobs (零工, full-time, seasonal, cross-region, work-relief, public-welfare, workshop), register employers ' +
    'and share staff between them (共享用工, 二); stations file complaints for their workers (维权, 十一), handled by the bureau of the ' +
    'employer’s region; bureaus and stations post training courses (十).',
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
        EmployersModule,
        JobsModule,
        SharingModule,
        ReferenceModule,
        WorkersViewModule,
        ComplaintsModule,
        TrainingModule,
        BrandStatsModule,
      ],
    };
  }
}
