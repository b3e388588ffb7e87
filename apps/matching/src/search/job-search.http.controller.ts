import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { JobSearchResult, JobSearchService } from './job-search.service';
import { SearchJobsRequest } from './search-jobs.request.dto';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('v1/search')
export class JobSearchHttpController {
  constructor(private readonly search: JobSearchService) {}

  @Post('jobs')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Search open jobs (any signed-in role), with facet counts by kind and by city',
    description:
      'q: Chinese keywords (cjk bigrams, all must match); regionCode at any level; kinds; near {lat, lon, km}; wageMin per day ' +
      '(jobs normalised per day); instantOnly (gig or instant). Sorted by relevance with q, else nearest with near, else newest.',
  })
  @ApiOkResponse({ description: '{ total, page, pageSize, items: [{ jobId, score, distanceKm?, job }], facets: { kinds, cities } }' })
  @ApiUnprocessableEntityResponse({ description: 'SEARCH.UNKNOWN_REGION' })
  async searchJobs(@Body() body: SearchJobsRequest): Promise<JobSearchResult> {
    return this.search.search(body);
  }
}
