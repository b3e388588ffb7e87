import { CurrentPrincipal, type Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ChangeComplaintStatusRequest } from './change-complaint-status.request.dto';
import { ComplaintPageResponse, ComplaintResponse, EmployerComplaintCountsView, toComplaintResponse } from './complaint.response.dto';
import { ComplaintsService } from './complaints.service';
import { FileComplaintRequest } from './file-complaint.request.dto';
import { ComplaintsByEmployerRequest, ListComplaintsRequest } from './list-complaints.request.dto';

/** 维权 / 根治欠薪 (十一): complaints filed by stations for their workers, handled by the bureau of the employer's region. */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiTooManyRequestsResponse({ description: 'Rate limit per principal exceeded' })
@Controller('v1/complaints')
export class ComplaintsHttpController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Post()
  @Roles('station')
  @ApiOperation({
    summary: 'File a complaint for one of your workers (station)',
    description:
      'The worker must be registered by the calling station, as job-collection knows it from laowu.workers.v1: another ' +
      "station's worker and a worker not known here (yet: a worker registered moments ago may not have arrived, retry) get " +
      'the same 403 COMPLAINT.WORKER_NOT_YOURS. Routed to employer.regionCode, else the region of the registered employer ' +
      "with that creditCode, else the code's characters 3–8; 422 COMPLAINT.REGION_REQUIRED (employer.regionCode) without " +
      'either. Starts as received. Runs of 11+ digits in the description are masked before storing.',
  })
  @ApiCreatedResponse({ type: ComplaintResponse })
  @ApiForbiddenResponse({ description: 'COMPLAINT.WORKER_NOT_YOURS (another station’s or an unknown worker)' })
  @ApiUnprocessableEntityResponse({
    description: 'COMPLAINT.CREDIT_CODE_INVALID (employer.creditCode); REGION.UNKNOWN (employer.regionCode); COMPLAINT.REGION_REQUIRED (employer.regionCode)',
  })
  async file(@CurrentPrincipal() principal: Principal, @Body() body: FileComplaintRequest): Promise<ComplaintResponse> {
    return toComplaintResponse(await this.complaints.file(principal, body));
  }

  @Get()
  @Roles('bureau', 'station', 'admin')
  @ApiOperation({
    summary: 'List complaints: a bureau’s routed into its region, a station’s filed by it, an admin’s all (newest first)',
    description: "A bureau's regionCode must lie inside its own region (403 REGION.FORBIDDEN); it defaults to that region.",
  })
  @ApiOkResponse({ type: ComplaintPageResponse })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListComplaintsRequest): Promise<ComplaintPageResponse> {
    const { items, total } = await this.complaints.list(principal, query);
    return { items: items.map(toComplaintResponse), page: query.page, pageSize: query.pageSize, total };
  }

  @Get('by-employer')
  @Roles('bureau', 'admin')
  @ApiOperation({
    summary: 'Complaint counts per employer in a region (bureau, admin)',
    description:
      'Complaints routed into regionCode (a bureau’s must lie inside its own; default its region), grouped by credit code, ' +
      'else by name: total, open (received or accepted) and per kind. Most complaints first, at most 1,000 employers.',
  })
  @ApiOkResponse({ type: [EmployerComplaintCountsView] })
  @ApiForbiddenResponse({ description: 'REGION.FORBIDDEN' })
  async byEmployer(@CurrentPrincipal() principal: Principal, @Query() query: ComplaintsByEmployerRequest): Promise<EmployerComplaintCountsView[]> {
    return this.complaints.countsByEmployer(principal, query.regionCode);
  }

  @Get(':id')
  @Roles('bureau', 'station', 'admin')
  @ApiOperation({
    summary: 'Read one complaint with its status history',
    description: 'The filing station, bureaus whose region contains the routed region, admin. Others get 403 whether it exists or not.',
  })
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiForbiddenResponse({ description: 'COMPLAINT.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'COMPLAINT.NOT_FOUND (admin only)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<ComplaintResponse> {
    return toComplaintResponse(await this.complaints.get(principal, id));
  }

  @Post(':id/status')
  @Roles('bureau', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a complaint (bureau of the routed region, admin)',
    description: 'received → accepted | rejected; accepted → resolved | rejected. Every move is added to the history with its note.',
  })
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiForbiddenResponse({ description: 'COMPLAINT.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'COMPLAINT.NOT_FOUND (admin only)' })
  @ApiConflictResponse({ description: 'COMPLAINT.STATUS_MOVE_NOT_ALLOWED (details name status)' })
  async changeStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ChangeComplaintStatusRequest,
  ): Promise<ComplaintResponse> {
    return toComplaintResponse(await this.complaints.changeStatus(principal, id, body));
  }
}
