import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ExportPool } from '@laowu/persistence';
import type { Response } from 'express';
import { ApiJsonOrCsv, csvChunks, sendCsv } from '@laowu/platform';
import { assertCanReadRegion } from '../workers/worker.access';
import { ListKindParams, ListQuery } from './list-query.request.dto';
import { LIST_COLUMNS, ListsService } from './lists.service';

@ApiTags('lists')
@ApiBearerAuth()
@Controller('v1/lists')
export class ListsHttpController {
  constructor(
    private readonly lists: ListsService,
    private readonly exports: ExportPool,
  ) {}

  @Get(':kind')
  @Roles('bureau', 'station', 'coordinator', 'admin')
  @ApiOperation({
    summary: 'Employed, unemployed or willing-to-migrate list for a region (三); JSON pages or the whole list as CSV (UTF-8 with BOM)',
    description: 'Personal data masked. A principal reads lists for regions inside its own only.',
  })
  @ApiJsonOrCsv()
  @ApiForbiddenResponse({ description: 'the region is outside the caller’s region' })
  @ApiUnprocessableEntityResponse({ description: 'unknown region code' })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param() { kind }: ListKindParams,
    @Query() query: ListQuery,
    @Res() res: Response,
  ): Promise<void> {
    assertCanReadRegion(principal, query.regionCode);
    if (query.format === 'csv') {
      const rows = await this.lists.rows(kind, query.regionCode, query.workerIds);
      await sendCsv(res, `${kind}-${query.regionCode}.csv`, csvChunks(LIST_COLUMNS, rows), this.exports.stallTimeoutMs);
      return;
    }
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const { items, total } = await this.lists.page(kind, query.regionCode, page, pageSize, query.workerIds);
    res.json({ kind, regionCode: query.regionCode, page, pageSize, total, items });
  }
}
