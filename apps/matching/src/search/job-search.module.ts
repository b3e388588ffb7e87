import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { RankingWeightsModule } from '../ranking-weights/ranking-weights.module';
import { JobSearchHttpController } from './job-search.http.controller';
import { JobSearchService } from './job-search.service';

/** Job search by keywords, region, kind, distance and wage, with facets. */
@Module({
  imports: [RankingWeightsModule, OutcomesModule],
  controllers: [JobSearchHttpController],
  providers: [JobSearchService],
})
export class JobSearchModule {}
