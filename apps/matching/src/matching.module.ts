import { Module } from '@nestjs/common';
import { IndexingEventsMessageController } from './indexing/indexing-events.message.controller';
import { SearchIndices } from './indexing/search-indices';
import { InstantHiringService } from './instant/instant-hiring.service';
import { MatchesHttpController } from './matches/matches.http.controller';
import { MatchesService } from './matches/matches.service';
import { RankingService } from './ranking/ranking.service';
import { ReindexHttpController } from './reindex/reindex.http.controller';
import { ReindexService } from './reindex/reindex.service';
import { JobSearchHttpController } from './search/job-search.http.controller';
import { JobSearchService } from './search/job-search.service';

/** Indexing consumers, ranking, instant hiring, search and reindex: the whole matching read model. */
@Module({
  controllers: [IndexingEventsMessageController, MatchesHttpController, JobSearchHttpController, ReindexHttpController],
  providers: [SearchIndices, RankingService, InstantHiringService, MatchesService, JobSearchService, ReindexService],
})
export class MatchingModule {}
