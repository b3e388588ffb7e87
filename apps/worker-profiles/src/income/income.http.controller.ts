import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { IncomeService } from './income.service';
import { IncomeMonthResponse, RecordedIncomeResponse, WorkerIncomeResponse } from './income.response.dto';
import { RecordIncomeRequest } from './record-income.request.dto';

@ApiTags('income')
@ApiBearerAuth()
@Controller('v1/workers/:id/income')
export class IncomeHttpController {
  constructor(private readonly income: IncomeService) {}

  @Post()
  @Roles('station', 'admin')
  @ApiOperation({
    summary: "Record a month's flexible income (灵活就业收入, 十六) of the worker (the worker's station, admin)",
    description: 'The same month again replaces the figure (200); the first time answers 201. Feeds `exitRequired` of monthly monitoring.',
  })
  @ApiCreatedResponse({ type: RecordedIncomeResponse, description: 'the month was not on record' })
  @ApiOkResponse({ type: RecordedIncomeResponse, description: 'the figure of a month on record was replaced' })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN: not a caller who may change the worker; the same for a worker id that does not exist' })
  @ApiNotFoundResponse({ description: 'WORKER.NOT_FOUND, to admin only' })
  @ApiUnprocessableEntityResponse({ description: 'INCOME.FUTURE_MONTH (field month)' })
  async record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordIncomeRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RecordedIncomeResponse> {
    const { income, created } = await this.income.record(principal, id, body);
    res.status(created ? 201 : 200);
    return RecordedIncomeResponse.ofRecorded(income);
  }

  @Get()
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({ summary: "The worker's monthly flexible income on record (those who may read the worker)" })
  @ApiOkResponse({ type: WorkerIncomeResponse })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN: not a caller who may read the worker; the same for a worker id that does not exist' })
  @ApiNotFoundResponse({ description: 'WORKER.NOT_FOUND, to admin only' })
  async months(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<WorkerIncomeResponse> {
    const months = await this.income.months(principal, id);
    return { workerId: id, months: months.map((row) => IncomeMonthResponse.of(row)) };
  }
}
