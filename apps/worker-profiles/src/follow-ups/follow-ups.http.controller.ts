import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { ExportPool } from '@laowu/persistence';
import { ApiJsonOrCsv, csvChunks, sendCsv, uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DueFollowUpsQuery, DueFollowUpsSummaryQuery, FollowUpLedgerQuery } from './follow-up-queries.request.dto';
import { DueFollowUpsResponse, DueFollowUpsSummaryResponse, FollowUpLedgerResponse, FollowUpResponse, LedgerRowResponse } from './follow-up.response.dto';
import { FollowUpLedgerService, LEDGER_COLUMNS } from './follow-up-ledger.service';
import { FollowUpsService } from './follow-ups.service';
import { RecordFollowUpRequest } from './record-follow-up.request.dto';

const LEDGER_CSV_COLUMNS =
  'CSV columns, in order (docs/FOLLOW-UPS.md): follow_up_id, worker_id, id_number_masked, name_masked, home_region_code (户籍地), station_id, ' +
  'priority_groups (`;`-separated), kind (call|visit), at (China time with offset), outcome (employed|unemployed|unstable|unreachable), ' +
  'next_due_at (China time with offset, empty if none), note (phone and ID-like numbers masked). UTF-8 with BOM, CRLF.';

@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('v1')
export class FollowUpsHttpController {
  constructor(
    private readonly followUps: FollowUpsService,
    private readonly ledger: FollowUpLedgerService,
    private readonly exports: ExportPool,
  ) {}

  @Post('workers/:id/follow-ups')
  @Roles('station', 'admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a call or visit of the follow-up ledger (帮扶台账, 十三): the station that registered the worker, or admin',
    description:
      'Access is decided first: another station, a station of the worker’s region that did not register it, or a worker id that does not exist all get the same 403 WORKER.FORBIDDEN (admin: 404 for a missing worker). ' +
      'The note’s phone and ID-like numbers are masked before it is stored (encrypted) or shown. A follow-up changes neither the worker’s status nor anything published.',
  })
  @ApiCreatedResponse({ type: FollowUpResponse })
  @ApiBadRequestResponse({ description: 'a field missing, malformed or unknown (`details` names it); `at`/`nextDueAt` need an offset' })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN: not the worker’s station, or no such worker' })
  @ApiNotFoundResponse({ description: 'admin only: no such worker' })
  @ApiUnprocessableEntityResponse({ description: 'FOLLOW_UP.FUTURE_AT (field at), FOLLOW_UP.NEXT_DUE_NOT_AFTER_AT (field nextDueAt)' })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordFollowUpRequest,
  ): Promise<FollowUpResponse> {
    const { followUp, note } = await this.followUps.record(principal, id, body);
    return FollowUpResponse.of(followUp, note);
  }

  @Get('workers/:id/follow-ups')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({
    summary: 'A worker’s follow-ups, newest first: its station, a bureau that may read the worker (resident in its region), admin',
    description: 'Anyone else, and a worker id that does not exist, get the same 403 WORKER.FORBIDDEN (admin: 404).',
  })
  @ApiOkResponse({ type: [FollowUpResponse] })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN' })
  @ApiNotFoundResponse({ description: 'admin only: no such worker' })
  async list(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<FollowUpResponse[]> {
    return (await this.followUps.listForWorker(principal, id)).map(({ followUp, note }) => FollowUpResponse.of(followUp, note));
  }

  @Get('follow-ups/due')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({
    summary: 'Poverty-alleviated workers and monitoring targets due a follow-up: none yet in the month of `before`, or the last one’s nextDueAt passed',
    description:
      'Station: its own workers (regionCode filters them by home region). Bureau: workers whose home (户籍地) lies in regionCode (default: its own region; outside it 403 REGION.FORBIDDEN). ' +
      'Admin: regionCode required (400). The month is the China calendar month of `before` (default now); the last follow-up is the last one up to `before`. ' +
      'Earliest due first. Personal data masked. Write `+` in `before` as %2B.',
  })
  @ApiOkResponse({ type: DueFollowUpsResponse })
  @ApiBadRequestResponse({ description: 'malformed query; FOLLOW_UP.REGION_REQUIRED for admin without regionCode' })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN: a bureau naming a region outside its own' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN' })
  due(@CurrentPrincipal() principal: Principal, @Query() query: DueFollowUpsQuery): Promise<DueFollowUpsResponse> {
    return this.ledger.due(principal, query);
  }

  @Get('follow-ups/due/summary')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({
    summary: 'The due list of GET /v1/follow-ups/due counted by home region (户籍地, county) and reason, for dashboards',
    description: 'Same scope, rules and errors as GET /v1/follow-ups/due. No personal data.',
  })
  @ApiOkResponse({ type: DueFollowUpsSummaryResponse })
  @ApiBadRequestResponse({ description: 'malformed query; FOLLOW_UP.REGION_REQUIRED for admin without regionCode' })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN: a bureau naming a region outside its own' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN' })
  dueSummary(@CurrentPrincipal() principal: Principal, @Query() query: DueFollowUpsSummaryQuery): Promise<DueFollowUpsSummaryResponse> {
    return this.ledger.dueSummary(principal, query);
  }

  @Get('follow-ups')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({
    summary: 'The month’s follow-up ledger, one row per follow-up, as JSON pages or CSV for upload to the national monitoring system (全国防返贫监测信息系统)',
    description:
      'Station: follow-ups of its own workers; bureau: of workers whose home (户籍地) lies in regionCode (default its own; outside it 403); admin: regionCode required. ' +
      `Personal data masked. ${LEDGER_CSV_COLUMNS}`,
  })
  @ApiJsonOrCsv()
  @ApiOkResponse({ type: FollowUpLedgerResponse, description: `JSON; or text/csv with format=csv. ${LEDGER_CSV_COLUMNS}` })
  @ApiBadRequestResponse({ description: 'malformed query; FOLLOW_UP.REGION_REQUIRED for admin without regionCode' })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN: a bureau naming a region outside its own' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN; FOLLOW_UP.FUTURE_MONTH (field month)' })
  async monthLedger(@CurrentPrincipal() principal: Principal, @Query() query: FollowUpLedgerQuery, @Res() res: Response): Promise<void> {
    if (query.format === 'csv') {
      const { scope, rows } = await this.ledger.ledgerRows(principal, query.month, query.regionCode);
      const filename = `follow-ups-${query.month}-${scope.regionCode ?? scope.stationId}.csv`;
      await sendCsv(res, filename, csvChunks(LEDGER_COLUMNS, rows), this.exports.stallTimeoutMs);
      return;
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const { scope, items, total } = await this.ledger.ledgerPage(principal, query.month, query.regionCode, page, pageSize);
    const body: FollowUpLedgerResponse = { month: query.month, regionCode: scope.regionCode, page, pageSize, total, items: items.map((row) => LedgerRowResponse.of(row)) };
    res.json(body);
  }
}
