import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AcceptedMatchPageResponse } from './accepted-match.response.dto';
import { AcceptedMatchesQuery } from './accepted-matches.query.dto';
import { AcceptedMatchesService } from './accepted-matches.service';

@ApiTags('batches')
@ApiBearerAuth()
@Roles('coordinator', 'admin')
@Controller('v1/dispatch/accepted-matches')
export class AcceptedMatchesHttpController {
  constructor(private readonly acceptedMatches: AcceptedMatchesService) {}

  @Get()
  @ApiOperation({
    summary: 'The accepted matches for some jobs, to seat on a batch; extra to API.md',
    description:
      'For a coordinator, only workers it may seat (POST /v1/dispatch/batches/{id}/workers): living in or registered as from (户籍) its region, ' +
      'as dispatch knows them; an admin sees every worker. Newest acceptance first (then by match id). Ids and figures only: masked names come ' +
      'from worker-profiles’ lists (GET /v1/lists/{kind}?workerIds=).',
  })
  @ApiOkResponse({ type: AcceptedMatchPageResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: jobIds missing, empty, not UUIDs or more than 20; page or pageSize out of range' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED: any role but coordinator and admin, whatever the jobs' })
  list(@Query() query: AcceptedMatchesQuery, @CurrentPrincipal() principal: Principal): Promise<AcceptedMatchPageResponse> {
    return this.acceptedMatches.page(principal, query.jobIds, query.page, query.pageSize);
  }
}
