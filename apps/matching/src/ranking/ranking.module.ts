import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module';
import { RankingService } from './ranking.service';

/** The match score and the two ranking directions (reads the indices of the global IndexingModule); the weights come with each call, the outcomes' rates and histories from OutcomesModule. */
@Module({
  imports: [OutcomesModule],
  providers: [RankingService],
  exports: [RankingService],
})
export class RankingModule {}
