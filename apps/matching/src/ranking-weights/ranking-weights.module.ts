import { Module } from '@nestjs/common';
import { LiveRankingWeights } from './live-ranking-weights';
import { RankingWeightVersionsStore } from './ranking-weight-versions.store';
import { RankingWeightsAdminService } from './ranking-weights-admin.service';
import { RankingWeightsHttpController } from './ranking-weights.http.controller';

/** The ranking weights as versioned data: the admin endpoints, and the weights every ranking of this instance uses (LiveRankingWeights). */
@Module({
  controllers: [RankingWeightsHttpController],
  providers: [RankingWeightVersionsStore, LiveRankingWeights, RankingWeightsAdminService],
  exports: [LiveRankingWeights],
})
export class RankingWeightsModule {}
