import { Module } from '@nestjs/common';
import { IndexingEventsMessageController } from './indexing/indexing-events.message.controller';
import { SearchIndices } from './indexing/search-indices';
import { MatchesHttpController } from './matches/matches.http.controller';
import { MatchesService } from './matches/matches.service';
import { DeclinedPairsService } from './push/declined-pairs.service';
import { DispatchEventsMessageController } from './push/dispatch-events.message.controller';
import { JobPushesService } from './push/job-pushes.service';
import { WorkerAvailablePushesService } from './push/worker-available-pushes.service';
import { RankingService } from './ranking/ranking.service';
import { ReindexHttpController } from './reindex/reindex.http.controller';
import { ReindexService } from './reindex/reindex.service';
import { JobSearchHttpController } from './search/job-search.http.controller';
import { JobSearchService } from './search/job-search.service';

/** Indexing consumers, ranking, the push engine, search and reindex: the whole matching read model. */
@Module({
  controllers: [IndexingEventsMessageController, DispatchEventsMessageController, MatchesHttpController, JobSearchHttpController, ReindexHttpController],
  providers: [
    SearchIndices, RankingService, DeclinedPairsService, JobPushesService, WorkerAvailablePushesService, MatchesService, JobSearchService, ReindexService,
  ],
})
export class MatchingModule {}
