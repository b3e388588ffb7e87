import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertActsForStation } from '../stations/station.access';
import { ListMatchesQuery } from './list-matches.query.dto';
import { MatchListResponse, MatchResponse } from './match.response.dto';
import { MatchesService } from './matches.service';

@ApiTags('matches')
@ApiBearerAuth()
@Roles('station', 'admin')
@Controller('v1')
export class MatchesHttpController {
  constructor(private readonly matches: MatchesService) {}

  @Get('stations/:id/matches')
  @ApiOperation({ summary: "A station's matches, newest first, optionally by status" })
  @ApiOkResponse({ type: MatchListResponse })
  async list(@Param('id') stationId: string, @Query() query: ListMatchesQuery, @CurrentPrincipal() principal: Principal): Promise<MatchListResponse> {
    assertActsForStation(principal, stationId);
    const items = await this.matches.list(stationId, query.status, query.limit);
    return { items: items.map(MatchResponse.of) };
  }

  @Post('matches/:id/offer')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark the match offered to the worker (new → offered); extra to API.md' })
  @ApiOkResponse({ type: MatchResponse })
  @ApiConflictResponse({ description: 'MATCH.INVALID_TRANSITION with currentStatus' })
  async offer(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<MatchResponse> {
    return MatchResponse.of(await this.matches.act(principal, id, 'offer'));
  }

  @Post('matches/:id/accept')
  @HttpCode(200)
  @ApiOperation({ summary: 'The worker accepts (new | offered → accepted), only while the job is open with headcount left' })
  @ApiOkResponse({ type: MatchResponse })
  @ApiConflictResponse({ description: 'MATCH.INVALID_TRANSITION, MATCH.NO_HEADCOUNT_LEFT, MATCH.JOB_NOT_OPEN (the match expires)' })
  async accept(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<MatchResponse> {
    return MatchResponse.of(await this.matches.act(principal, id, 'accept'));
  }

  @Post('matches/:id/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The worker declines (new | offered → declined)' })
  @ApiOkResponse({ type: MatchResponse })
  @ApiConflictResponse({ description: 'MATCH.INVALID_TRANSITION with currentStatus' })
  async decline(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<MatchResponse> {
    return MatchResponse.of(await this.matches.act(principal, id, 'decline'));
  }
}
