import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CreatePlacementCheckRequest } from './create-placement-check.request.dto';
import { CreatePlacementRequest } from './create-placement.request.dto';
import { EndPlacementRequest } from './end-placement.request.dto';
import { ListPlacementsQuery } from './list-placements.query.dto';
import { PlacementCheckResponse, PlacementListResponse, PlacementResponse } from './placement.response.dto';
import { PlacementsService } from './placements.service';

const NOT_FOUND = 'PLACEMENT.NOT_FOUND (admin only; anyone else gets the 403)';
const CHANGERS = 'The placement’s station (the one that made it, or the worker’s station now), the job’s agency, or an admin.';

@ApiTags('placements')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description:
    'AUTH.ROLE_NOT_ALLOWED (role not allowed on the route). PLACEMENT.NOT_YOURS: a placement, worker or job the caller may not act on, ' +
    'answered the same whether it exists or not (a station acts for its workers, an agency in its jobs, a bureau reads its region’s placements); ' +
    'an agency naming another agencyId, a bureau naming a regionCode outside its region.',
})
@Controller('v1/placements')
export class PlacementsHttpController {
  constructor(private readonly placements: PlacementsService) {}

  @Post()
  @HttpCode(201)
  @Roles('station', 'agency', 'admin')
  @ApiOperation({
    summary: 'Start a placement (就业): a station for its own worker, an agency in its own job',
    description:
      'Access first (403 PLACEMENT.NOT_YOURS for another’s or a missing worker/job). Then the rules (422 PLACEMENT.INVALID naming fields): ' +
      '`source: batch` is refused (a batch arrival makes its own); `source: match` needs the worker’s accepted `matchId` (jobId defaults from it); ' +
      'the job must be open and known; startDate not in the future (China date); regionCode defaults to the job’s region, else the worker’s residence. ' +
      'A public-welfare post’s placement ends with the job (`plannedEndDate`). PlacementStarted goes to laowu.dispatch.v1 in the same transaction ' +
      '(the job’s `filled` and the worker’s status follow it).',
  })
  @ApiCreatedResponse({ type: PlacementResponse })
  @ApiConflictResponse({ description: 'PLACEMENT.ALREADY_ACTIVE: the worker is in an active placement in this job, or in one that is not concurrent (body names `placementId`)' })
  @ApiUnprocessableEntityResponse({ description: 'PLACEMENT.INVALID: fields named (source, matchId, jobId, workerId, startDate, regionCode, concurrent)' })
  create(@Body() body: CreatePlacementRequest, @CurrentPrincipal() principal: Principal): Promise<PlacementResponse> {
    return this.placements.create(principal, body);
  }

  @Get()
  @Roles('station', 'agency', 'bureau', 'admin')
  @ApiOperation({
    summary: 'Placements with their retention checks, newest start first',
    description: 'A station sees its workers’, an agency its jobs’ (priority groups left out), a bureau those working or living in its region, an admin all.',
  })
  @ApiOkResponse({ type: PlacementListResponse })
  list(@Query() query: ListPlacementsQuery, @CurrentPrincipal() principal: Principal): Promise<PlacementListResponse> {
    return this.placements.list(principal, query);
  }

  @Get(':id')
  @Roles('station', 'agency', 'bureau', 'admin')
  @ApiOperation({ summary: 'One placement with its retention checks (extra to API.md); the same access as the list' })
  @ApiOkResponse({ type: PlacementResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<PlacementResponse> {
    return this.placements.get(principal, id);
  }

  @Post(':id/end')
  @HttpCode(200)
  @Roles('station', 'agency', 'admin')
  @ApiOperation({
    summary: 'End a placement',
    description: `${CHANGERS} endDate on or after the start and not in the future. Emits PlacementEnded with the worker’s other active placements counted after the end.`,
  })
  @ApiOkResponse({ type: PlacementResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'PLACEMENT.ALREADY_ENDED (body names `endDate`)' })
  @ApiUnprocessableEntityResponse({ description: 'PLACEMENT.INVALID: endDate before the start or in the future' })
  end(@Param('id', uuidParam('id')) id: string, @Body() body: EndPlacementRequest, @CurrentPrincipal() principal: Principal): Promise<PlacementResponse> {
    return this.placements.end(principal, id, body);
  }

  @Post(':id/checks')
  @HttpCode(201)
  @Roles('station', 'agency', 'admin')
  @ApiOperation({
    summary: 'Record a retention check (稳岗回访) 1, 3 or 6 months after the start',
    description: `${CHANGERS} The check records only; the placement goes on. The note is stored with ID- and phone-like numbers masked.`,
  })
  @ApiCreatedResponse({ type: PlacementCheckResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'PLACEMENT.CHECK_ALREADY_RECORDED: that month’s check exists' })
  @ApiUnprocessableEntityResponse({ description: 'PLACEMENT.CHECK_NOT_DUE: field afterMonths; body names `dueDate` (start + afterMonths calendar months)' })
  check(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CreatePlacementCheckRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PlacementCheckResponse> {
    return this.placements.check(principal, id, body);
  }
}
