import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { patternParam } from '@laowu/platform';
import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBadRequestResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ApplicableMonitoringLineResponse, MonitoringLineResponse } from './monitoring-line.response.dto';
import { MonitoringLinesService } from './monitoring-lines.service';
import { SetMonitoringLineRequest } from './set-monitoring-line.request.dto';

/** A region code path parameter: six digits, else a 400 naming it (never a lookup of garbage). */
const regionCodeParam = patternParam('regionCode', REGION_CODE_PATTERN, 'regionCode must be a 6-digit GB/T 2260 region code');

@ApiTags('reference')
@ApiBearerAuth()
@Controller('v1/reference/monitoring-lines')
export class MonitoringLinesHttpController {
  constructor(private readonly lines: MonitoringLinesService) {}

  @Put(':regionCode')
  @Roles('bureau', 'admin')
  @ApiOperation({
    summary: "Set a region's monitoring line (防止返贫监测范围, 十六): annual income per person, CNY (a bureau whose region contains it, admin)",
    description: 'First time 201, replacing 200. Public-welfare workers whose flexible income over 12 months exceeds the line of their residence are flagged `exitRequired` in monthly monitoring.',
  })
  @ApiParam({ name: 'regionCode', example: '513400' })
  @ApiCreatedResponse({ type: MonitoringLineResponse, description: 'the region had no line' })
  @ApiOkResponse({ type: MonitoringLineResponse, description: 'the line of the region was replaced' })
  @ApiBadRequestResponse({ description: 'regionCode not six digits, or annualIncome not a positive CNY amount' })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN: the region is outside the bureau’s' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN (field regionCode)' })
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param('regionCode', regionCodeParam) regionCode: string,
    @Body() body: SetMonitoringLineRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<MonitoringLineResponse> {
    const { line, created } = await this.lines.set(principal, regionCode, body);
    res.status(created ? 201 : 200);
    return MonitoringLineResponse.of(line);
  }

  @Get(':regionCode')
  @ApiOperation({ summary: 'The monitoring line applying to a region: its own, else its city’s, else its province’s (reference data, any signed-in caller)' })
  @ApiParam({ name: 'regionCode', example: '513401' })
  @ApiOkResponse({ type: ApplicableMonitoringLineResponse })
  @ApiBadRequestResponse({ description: 'regionCode not six digits' })
  @ApiNotFoundResponse({ description: 'MONITORING_LINE.NOT_FOUND: no line for the region, its city or its province' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN (field regionCode)' })
  async get(@Param('regionCode', regionCodeParam) regionCode: string): Promise<ApplicableMonitoringLineResponse> {
    const line = await this.lines.applying(regionCode);
    return { regionCode, lineRegionCode: line.regionCode, annualIncome: line.annualIncome, updatedAt: line.updatedAt.toISOString() };
  }
}
