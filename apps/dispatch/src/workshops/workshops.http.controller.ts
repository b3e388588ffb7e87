import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PutWorkshopRequest, WorkshopParams } from './put-workshop.request.dto';
import { WorkshopResponse, WorkshopsResponse } from './workshop.response.dto';
import { WorkshopsQuery, WorkshopYearQuery } from './workshops-query.request.dto';
import { WorkshopsService } from './workshops.service';

const REFUSED = 'WORKSHOP.NOT_YOURS: the workshop (or the region asked for) is outside a bureau’s region, or a bureau asked for one that does not exist — one body for both; AUTH.ROLE_NOT_ALLOWED for other roles';

@ApiTags('workshops')
@ApiBearerAuth()
@Roles('bureau', 'admin')
@ApiForbiddenResponse({ description: REFUSED })
@Controller('v1/workshops')
export class WorkshopsHttpController {
  constructor(private readonly workshops: WorkshopsService) {}

  @Put(':creditCode')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Flag an employer as a 就业帮扶车间 (十四), or rename or move it; by the bureau of its region or an admin',
    description: 'The employer is its 统一社会信用代码 until the employer registry exists. A bureau may not take over a workshop of another region. Answers the workshop with its figures for the current year.',
  })
  @ApiOkResponse({ type: WorkshopResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: creditCode (not a 统一社会信用代码), name, regionCode named' })
  @ApiUnprocessableEntityResponse({ description: 'WORKSHOP.UNKNOWN_REGION (field regionCode)' })
  flag(@Param() { creditCode }: WorkshopParams, @Body() body: PutWorkshopRequest, @CurrentPrincipal() principal: Principal): Promise<WorkshopResponse> {
    return this.workshops.flag(principal, creditCode, body);
  }

  @Delete(':creditCode')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unflag a workshop (its placements stay); by the bureau of its region or an admin' })
  @ApiNoContentResponse({ description: 'unflagged' })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: creditCode' })
  @ApiNotFoundResponse({ description: 'WORKSHOP.NOT_FOUND (admin only; a bureau gets the 403)' })
  unflag(@Param() { creditCode }: WorkshopParams, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.workshops.unflag(principal, creditCode);
  }

  @Get()
  @ApiOperation({
    summary: 'Workshops of a region with the poverty-alleviated people they employ now and over a year (十四)',
    description: 'From placements with the workshop’s credit code: povertyAlleviatedNow and employedNow count workers in an active placement, povertyAlleviatedThisYear distinct poverty-alleviated workers whose placement overlaps the year.',
  })
  @ApiOkResponse({ type: WorkshopsResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: regionCode, year' })
  @ApiUnprocessableEntityResponse({ description: 'WORKSHOP.UNKNOWN_REGION (field regionCode)' })
  list(@Query() query: WorkshopsQuery, @CurrentPrincipal() principal: Principal): Promise<WorkshopsResponse> {
    return this.workshops.list(principal, query.regionCode, query.year);
  }

  @Get(':creditCode')
  @ApiOperation({ summary: 'One workshop with its figures (十四)' })
  @ApiOkResponse({ type: WorkshopResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID: creditCode, year' })
  @ApiNotFoundResponse({ description: 'WORKSHOP.NOT_FOUND (admin only; a bureau gets the 403)' })
  one(@Param() { creditCode }: WorkshopParams, @Query() query: WorkshopYearQuery, @CurrentPrincipal() principal: Principal): Promise<WorkshopResponse> {
    return this.workshops.one(principal, creditCode, query.year);
  }
}
