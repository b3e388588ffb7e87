import { ServiceModule } from '@laowu/service';
import { DynamicModule, Module } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { MatchingConfig } from './matching.config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SCHEMA } from './schema';
import { IndexingModule } from './indexing/indexing.module';
import { MatchesModule } from './matches/matches.module';
import { PushModule } from './push/push.module';
import { RankingModule } from './ranking/ranking.module';
import { RankingWeightsModule } from './ranking-weights/ranking-weights.module';
import { ReferenceModule } from './reference/reference.module';
import { ReindexModule } from './reindex/reindex.module';
import { JobSearchModule } from './search/job-search.module';
import { SharingModule } from './sharing/sharing.module';
import { TrainingModule } from './training/training.module';

export const ABOUT = {
  name: 'matching',
  title: 'Laowu matching',
  description: 'Ranks jobs for workers and workers for jobs in Elasticsearch, with reasons; instant hiring (即时快招); 共享用工 offers ranked for a request; training suggestions.',
};

@Module({})
export class AppModule {
  static forRoot(config: MatchingConfig, options: { logDestination?: DestinationStream } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceModule.forRoot({
          app: ABOUT.name,
          config,
          persistence: { schema: SCHEMA, entities: ENTITIES, migrations: MIGRATIONS },
          outbox: true,
          search: true,
          logDestination: options.logDestination,
        }),
        IndexingModule.triggering(PushModule),
        RankingModule,
        RankingWeightsModule,
        PushModule,
        MatchesModule,
        JobSearchModule,
        ReindexModule,
        ReferenceModule,
        SharingModule,
        TrainingModule,
      ],
    };
  }
}
