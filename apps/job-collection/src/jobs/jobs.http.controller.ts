import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { msSinceReceived, observeHop, uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation,
  ApiPayloadTooLargeResponse, ApiTags, ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { BulkCreateJobsRequest, BulkCreateJobsResponse, readBulkRequest } from './bulk-create-jobs.request.dto';
import { BulkJobsService } from './bulk-jobs.service';
import { CreateJobRequest } from './create-job.request.dto';
import { isInstantLaneJob } from './job-changed.event';
import { JobPageResponse, JobResponse, toJobResponse } from './job.response.dto';
import { JobsService } from './jobs.service';
import { ListJobsRequest } from './list-jobs.request.dto';

@ApiTags('jobs')
@ApiBearerAuth()
@ApiTooManyRequestsResponse({ description: 'Rate limit per principal exceeded' })
@Controller('v1/jobs')
export class JobsHttpController {
  constructor(
    private readonly jobs: JobsService,
    private readonly bulkJobs: BulkJobsService,
  ) {}

  @Post()
  @Roles('agency')
  @ApiOperation({
    summary: 'Post a job (agency)',
    description:
      'Idempotent by externalId: the same agency sending the same externalId again gets 200 with the existing job when the ' +
      'body is identical and 409 JOB.EXTERNAL_ID_CONFLICT when it differs. 400 lists every failing field; 422 ' +
      'JOB.UNKNOWN_REFERENCE names unknown region or skill codes; 422 JOB.PUBLIC_WELFARE_UNINSURED (field ' +
      '`benefits.injuryInsurance`) when a public_welfare post lacks `benefits.injuryInsurance: true` (policy 十六). ' +
      'lat/lon default to the region centre.',
  })
  @ApiCreatedResponse({ type: JobResponse, description: 'Created: includes id, version and status' })
  @ApiOkResponse({ type: JobResponse, description: 'An identical repeat: the existing job' })
  @ApiConflictResponse({ description: 'JOB.EXTERNAL_ID_CONFLICT (body has existingId)' })
  @ApiUnprocessableEntityResponse({ description: 'JOB.UNKNOWN_REFERENCE; JOB.PUBLIC_WELFARE_UNINSURED (benefits.injuryInsurance)' })
  @ApiPayloadTooLargeResponse()
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateJobRequest,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<JobResponse> {
    const { job, created } = await this.jobs.create(principal.sub, body);
    if (created) observeHop('post_to_outbox', isInstantLaneJob(job) ? 'instant' : 'standard', msSinceReceived(req));
    res.status(created ? 201 : 200);
    return toJobResponse(job);
  }

  @Post('bulk')
  @Roles('agency')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Post up to 1,000 jobs (agency)',
    description:
      'Each item gets its own result `{ index, id?, status, error? }` with the status a single create would have had ' +
      '(201, 200, 400, 409, 422: a public_welfare item without `benefits.injuryInsurance: true` gets 422 ' +
      'JOB.PUBLIC_WELFARE_UNINSURED naming that field); one bad item never rejects the others. More than 1,000 items: 400.',
  })
  @ApiBody({ type: BulkCreateJobsRequest })
  @ApiOkResponse({ type: BulkCreateJobsResponse })
  async bulk(@CurrentPrincipal() principal: Principal, @Body() body: object, @Req() req: Request): Promise<BulkCreateJobsResponse> {
    // `object`: the global pipe leaves it alone; readBulkRequest checks it, and each item is checked on its own.
    const results = await this.bulkJobs.create(principal.sub, readBulkRequest(body).jobs);
    observeHop('post_to_outbox', 'standard', msSinceReceived(req));
    return { results };
  }

  @Get()
  @Roles('agency', 'admin')
  @ApiOperation({ summary: "List jobs: an agency's own; an admin's all (optionally one agency's)" })
  @ApiOkResponse({ type: JobPageResponse })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListJobsRequest): Promise<JobPageResponse> {
    const { items, total } = await this.jobs.list(principal, query);
    return { items: items.map(toJobResponse), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read one job (with filled, status, version)',
    description: 'An agency reads only its own jobs; admin, station, coordinator and bureau may read any job.',
  })
  @ApiOkResponse({ type: JobResponse })
  @ApiForbiddenResponse({ description: 'JOB.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'JOB.NOT_FOUND' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<JobResponse> {
    return toJobResponse(await this.jobs.get(principal, id));
  }

  @Put(':id')
  @Roles('agency', 'admin')
  @ApiOperation({
    summary: 'Replace a job (its agency or admin)',
    description:
      'Full replacement: version + 1; materialVersion + 1 when the content changed. externalId cannot change. ' +
      'The body follows the rules of POST /v1/jobs (a public_welfare post needs `benefits.injuryInsurance: true`, 十六), ' +
      'checked after access. Closed or expired jobs: 409 JOB.NOT_OPEN.',
  })
  @ApiOkResponse({ type: JobResponse })
  @ApiForbiddenResponse({ description: 'JOB.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'JOB.NOT_FOUND' })
  @ApiConflictResponse({ description: 'JOB.NOT_OPEN' })
  @ApiUnprocessableEntityResponse({ description: 'JOB.EXTERNAL_ID_FIXED; JOB.UNKNOWN_REFERENCE; JOB.PUBLIC_WELFARE_UNINSURED (benefits.injuryInsurance)' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: CreateJobRequest,
  ): Promise<JobResponse> {
    return toJobResponse(await this.jobs.update(principal, id, body));
  }

  @Post(':id/close')
  @Roles('agency', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close a job (its agency or admin); closing a closed job changes nothing' })
  @ApiOkResponse({ type: JobResponse })
  @ApiForbiddenResponse({ description: 'JOB.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'JOB.NOT_FOUND' })
  @ApiConflictResponse({ description: 'JOB.NOT_OPEN: the job has expired' })
  async close(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<JobResponse> {
    return toJobResponse(await this.jobs.close(principal, id));
  }
}
