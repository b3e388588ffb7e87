import { Module } from '@nestjs/common';
import { PushModule } from '../push/push.module';
import { RankingModule } from '../ranking/ranking.module';
import { RankingWeightsModule } from '../ranking-weights/ranking-weights.module';
import { TrainingHttpController } from './training.http.controller';
import { TrainingService } from './training.service';

/** Training suggestions (十): courses for the skills the worker's best jobs ask for and the worker lacks. */
@Module({
  imports: [RankingModule, RankingWeightsModule, PushModule],
  controllers: [TrainingHttpController],
  providers: [TrainingService],
})
export class TrainingModule {}
