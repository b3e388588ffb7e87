import { CurrentPrincipal, Principal } from '@laowu/auth';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
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
      'q: Chinese words (split on spaces, each must match) on title, description, the job’s 劳务品牌 names and its region names: ' +
      'one character (焊) or a phrase; a job ranks first with the exact phrase, then through a synonym generated from the skill taxonomy ' +
      '(电焊 finds 焊工) or a region’s short name (昭觉县 finds 昭觉), then holding most of a longer phrase (果园采摘 finds 苹果采摘). ' +
      'laborBrand: a brand code or name (四); agencyId: the posting agency (exact id); regionCode at any level; kinds; near {lat, lon, km}; wageMin per day ' +
      '(jobs normalised per day); instantOnly (gig or instant). Sorted by relevance with q, else nearest with near, else newest. ' +
      'workerId (station, admin; a station only for a worker it may read, as GET /v1/workers/{id}/matches): each hit also carries ' +
      'matchScore and reasons — the pair’s ranking factors (contributions add up to matchScore) and, with q, a `keywords` reason ' +
      '(contribution 0) naming the words matched, e.g. 标题含“焊工”（“电焊”的同义词）. The order stays the search’s.',
  })
  @ApiOkResponse({ description: '{ total, page, pageSize, weightsVersion?, items: [{ jobId, score, distanceKm?, matchScore?, eligible?, reasons?, job }], facets: { kinds, cities } }' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID (e.g. workerId not a UUID), SEARCH.PAST_RESULT_WINDOW' })
  @ApiForbiddenResponse({ description: 'with workerId: AUTH.ROLE_NOT_ALLOWED (roles other than station, admin), WORKER.FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'with workerId: WORKER.NOT_FOUND (details name workerId)' })
  @ApiUnprocessableEntityResponse({ description: 'SEARCH.UNKNOWN_REGION, SEARCH.UNKNOWN_LABOR_BRAND' })
  async searchJobs(@CurrentPrincipal() principal: Principal, @Body() body: SearchJobsRequest): Promise<JobSearchResult> {
    return this.search.search(principal, body);
  }
}
