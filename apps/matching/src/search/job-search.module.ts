import { Module } from '@nestjs/common';
import { JobSearchHttpController } from './job-search.http.controller';
import { JobSearchService } from './job-search.service';

/** Job search by keywords, region, kind, distance and wage, with facets. */
@Module({
  controllers: [JobSearchHttpController],
  providers: [JobSearchService],
})
export class JobSearchModule {}
