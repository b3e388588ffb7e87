import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StatsQuery } from './stats.query.dto';
import { StatsResponse } from './stats.response.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@ApiBearerAuth()
@Controller('v1/dispatch/stats')
export class StatsHttpController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Roles('bureau', 'admin', 'agency')
  @ApiOperation({ summary: 'Outcome figures per agency (五): workers dispatched and arrived, by priority group' })
  @ApiOkResponse({ type: StatsResponse })
  outcomes(@Query() query: StatsQuery, @CurrentPrincipal() principal: Principal): Promise<StatsResponse> {
    return this.stats.outcomes(principal, query);
  }
}
