import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { csvChunks, sendCsv } from '@laowu/platform';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { OUTCOME_CSV_COLUMNS } from './outcome-figures';
import { StatsQuery } from './stats.query.dto';
import { StatsResponse } from './stats.response.dto';
import { StatsService } from './stats.service';

/** A client that reads nothing of the (small, in-memory) outcome CSV for this long is disconnected. */
const CSV_STALL_TIMEOUT_MS = 30_000;

const CSV_DESCRIPTION =
  'format=csv (text/csv, UTF-8 with BOM, file `outcomes-<from>-<to>.csv` with China dates): columns ' +
  '`agency_id, priority_group, dispatched, arrived, placed, checked_3m, retained_3m, from, to`; for each agency (by id) ' +
  'a row with priority_group `*` (every worker once) then one per group (poverty_alleviated, monitoring_target, relocated), ' +
  'then the same rows for the totals with agency_id `*`. from/to are China time (+08:00). See docs/OUTCOMES.md.';

async function* each<T>(rows: T[]): AsyncGenerator<T> {
  yield* rows;
}

@ApiTags('stats')
@ApiBearerAuth()
@Controller('v1/dispatch/stats')
export class StatsHttpController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @Roles('bureau', 'admin', 'agency')
  @ApiOperation({
    summary: 'Outcome figures per agency (五): dispatched, arrived, placed and retained after 3 months, by priority group; JSON or CSV',
    description:
      'An agency sees its own figures, a bureau batches leaving its region and placements whose work or worker lies in it, an admin everything. ' +
      'placed: placements (match, batch or direct) starting in [from, to) by China date; checked3m / retained3m: those of them with a ' +
      '3-month check / one that found the worker still employed. totals: everything in scope, placements without an agency included. ' +
      CSV_DESCRIPTION,
  })
  @ApiOkResponse({ type: StatsResponse })
  @ApiProduces('application/json', 'text/csv')
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID (from, to, format, agencyId named), STATS.INVALID_PERIOD (from not before to)' })
  @ApiForbiddenResponse({ description: 'STATS.NOT_YOURS (an agency asking for another agency), AUTH.ROLE_NOT_ALLOWED' })
  async outcomes(@Query() query: StatsQuery, @CurrentPrincipal() principal: Principal, @Res() res: Response): Promise<void> {
    if (query.format === 'csv') {
      const { filename, rows } = await this.stats.csv(principal, query);
      await sendCsv(res, filename, csvChunks(OUTCOME_CSV_COLUMNS, each(rows)), CSV_STALL_TIMEOUT_MS);
      return;
    }
    res.json(await this.stats.outcomes(principal, query));
  }
}
