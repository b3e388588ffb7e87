import { Module } from '@nestjs/common';
import { PushModule } from '../push/push.module';
import { RankingModule } from '../ranking/ranking.module';
import { RankingWeightsModule } from '../ranking-weights/ranking-weights.module';
import { MatchesHttpController } from './matches.http.controller';
import { MatchesService } from './matches.service';

/** Ranked jobs for a worker and ranked candidates for a job, over HTTP. */
@Module({
  imports: [RankingModule, RankingWeightsModule, PushModule],
  controllers: [MatchesHttpController],
  providers: [MatchesService],
})
export class MatchesModule {}
