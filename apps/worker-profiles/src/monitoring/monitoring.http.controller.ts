import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { chinaDate } from '@laowu/domain';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ExportPool } from '@laowu/persistence';
import type { Response } from 'express';
import { ApiJsonOrCsv, csvChunks, DomainError, sendCsv } from '@laowu/platform';
import { ERRORS } from '../worker-profiles.errors';
import { assertCanReadRegion } from '../workers/worker.access';
import { MonitoringSummaryQuery, MonthlyMonitoringQuery } from './monthly-monitoring.request.dto';
import { MonitoringSummaryResponse } from './monitoring-summary.response.dto';
import { MONITORING_COLUMNS, MonitoringService } from './monitoring.service';
import { monthsEndingWith } from './monthly-status';

@ApiTags('monitoring')
@ApiBearerAuth()
@Controller('v1/monitoring')
export class MonitoringHttpController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly exports: ExportPool,
  ) {}

  @Get('monthly')
  @Roles('bureau', 'station', 'admin')
  @ApiOperation({
    summary: 'Monthly monitoring of poverty-alleviated workers and monitoring targets (十三): status during the month, flags',
    description: 'Region by home (户籍地). JSON pages or the whole month as CSV (UTF-8 with BOM). Personal data masked.',
  })
  @ApiJsonOrCsv()
  @ApiOkResponse({
    description:
      'Per item, beside the status and flags (十六): `publicWelfarePost` (held a public-welfare post during the month), `flexibleIncome12m` (flexible income over ' +
      'the 12 months ending with the month; null when none recorded), `monitoringLine` (annual line of the residence region, else its city, else its province; ' +
      'null when none), `exitRequired` (in a post and flexibleIncome12m above the line). CSV columns 公益性岗位, 近12个月灵活就业收入, 监测线, 需退出岗位.',
  })
  @ApiForbiddenResponse({ description: 'the region is outside the caller’s region' })
  @ApiUnprocessableEntityResponse({ description: 'unknown region code, or a month in the future' })
  async monthly(@CurrentPrincipal() principal: Principal, @Query() query: MonthlyMonitoringQuery, @Res() res: Response): Promise<void> {
    assertCanReadRegion(principal, query.regionCode);
    if (query.format === 'csv') {
      const items = await this.monitoring.items(query.month, query.regionCode);
      await sendCsv(res, `monitoring-${query.month}-${query.regionCode}.csv`, csvChunks(MONITORING_COLUMNS, items), this.exports.stallTimeoutMs);
      return;
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const { items, total } = await this.monitoring.page(query.month, query.regionCode, page, pageSize);
    res.json({ month: query.month, regionCode: query.regionCode, page, pageSize, total, items });
  }

  @Get('summary')
  @Roles('bureau', 'station', 'admin')
  @ApiOperation({
    summary: 'The monthly monitoring (GET /v1/monitoring/monthly) counted per month, for a trend: monitored, employed, unemployed, unreachable, needing attention',
    description: 'Same region rule and errors as the monthly monitoring. No personal data.',
  })
  @ApiOkResponse({ type: MonitoringSummaryResponse })
  @ApiForbiddenResponse({ description: 'the region is outside the caller’s region' })
  @ApiUnprocessableEntityResponse({ description: 'unknown region code, or `to` in the future' })
  async summary(@CurrentPrincipal() principal: Principal, @Query() query: MonitoringSummaryQuery): Promise<MonitoringSummaryResponse> {
    assertCanReadRegion(principal, query.regionCode);
    const thisMonth = chinaDate().slice(0, 7);
    if (query.to && query.to > thisMonth) throw DomainError.unprocessable(ERRORS.MONITORING_FUTURE_MONTH, [{ field: 'to', problem: 'must not be in the future' }]);
    const months = monthsEndingWith(query.to ?? thisMonth, query.months ?? 6);
    return { regionCode: query.regionCode, months: await this.monitoring.summary(months, query.regionCode) };
  }
}
