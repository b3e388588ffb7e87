import { CurrentPrincipal, type Principal, Roles } from '@laowu/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { BrandStatsQuery } from './brand-stats.request.dto';
import { BrandStatsResponse } from './brand-stats.response.dto';
import { BrandStatsService } from './brand-stats.service';

@ApiTags('labor-brands')
@ApiBearerAuth()
@Controller('v1/labor-brands')
export class BrandStatsHttpController {
  constructor(private readonly stats: BrandStatsService) {}

  @Get('stats')
  @Roles('bureau', 'admin')
  @ApiOperation({
    summary: 'Per-brand figures (劳务品牌, 四): open jobs, total jobs and placements started, for jobs located in a region',
    description: "A bureau reads its own region or a region inside it (its own when regionCode is absent); an admin any region, or all without one.",
  })
  @ApiOkResponse({ type: BrandStatsResponse })
  @ApiForbiddenResponse({ description: "LABOR_BRAND.OUTSIDE_REGION: regionCode outside the bureau's region" })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN (regionCode)' })
  async figures(@CurrentPrincipal() principal: Principal, @Query() query: BrandStatsQuery): Promise<BrandStatsResponse> {
    return this.stats.figures(principal, query.regionCode);
  }
}
