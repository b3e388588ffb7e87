import { Module } from '@nestjs/common';
import { RankingService } from './ranking.service';

/** The match score and the two ranking directions (reads the indices of the global IndexingModule). */
@Module({
  providers: [RankingService],
  exports: [RankingService],
})
export class RankingModule {}
