import { Module } from '@nestjs/common';
import { ReindexHttpController } from './reindex.http.controller';
import { ReindexService } from './reindex.service';

/** Rebuilds the indices from the compacted topics, behind the aliases. */
@Module({
  controllers: [ReindexHttpController],
  providers: [ReindexService],
})
export class ReindexModule {}
