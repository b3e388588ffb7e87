import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { PageQuery, uuidParam } from '@laowu/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { AddBatchWorkersRequest, SomeBatchWorkersRequest } from './batch-workers.request.dto';
import { AddBatchWorkersResponse, BatchPageResponse, BatchResponse } from './batch.response.dto';
import { BatchesService } from './batches.service';
import { CreateBatchRequest } from './create-batch.request.dto';

const INVALID_TRANSITION = 'BATCH.INVALID_TRANSITION: not allowed in the current state (body names `currentState`)';

@ApiTags('batches')
@ApiBearerAuth()
@ApiForbiddenResponse({
  description:
    'BATCH.NOT_YOURS: a batch the caller may not see or change, answered the same whether it exists or not (a coordinator acts on the batches it planned, ' +
    'leaving from its region; a bureau reads batches leaving its region; only an admin gets 404 BATCH.NOT_FOUND). ' +
    'BATCH.OUTSIDE_REGION: originRegionCode or the origin station outside the coordinator’s region. ' +
    'BATCH.WORKERS_OUTSIDE_REGION: workers neither living in nor from (户籍) the coordinator’s region, or unknown to dispatch (the same answer).',
})
@Roles('coordinator', 'admin')
@Controller('v1/dispatch/batches')
export class BatchesHttpController {
  constructor(private readonly batches: BatchesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Plan a point-to-point batch (点对点劳务输出); state `planned`',
    description:
      'Optional `contact` (带队联系人, extra to API.md): the escort’s name and phone, a mainland mobile or a landline with its area code ' +
      '(400 naming contact.phone otherwise, nothing stored). The phone is stored encrypted and never put in an event or a log.',
  })
  @ApiCreatedResponse({ type: BatchResponse })
  @ApiUnprocessableEntityResponse({
    description: 'BATCH.INVALID: unknown region, a job dispatch does not know or that is not open, or an origin station dispatch does not know or outside originRegionCode',
  })
  create(@Body() body: CreateBatchRequest, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.create(principal, body);
  }

  @Get()
  @ApiOperation({
    summary: 'The batches the caller planned (an admin: every batch), latest departure first, without their manifests; extra to API.md',
    description: 'A coordinator lists its own batches leaving its region, as GET /v1/dispatch/batches/{id} lets it read them.',
  })
  @ApiOkResponse({ type: BatchPageResponse })
  list(@Query() query: PageQuery, @CurrentPrincipal() principal: Principal): Promise<BatchPageResponse> {
    return this.batches.list(principal, query.page, query.pageSize);
  }

  @Get(':id')
  @Roles('coordinator', 'admin', 'bureau')
  @ApiOperation({
    summary: 'The batch and its manifest (worker ids, stations, priority groups; no worker’s personal data); a bureau reads batches leaving its region',
    description: '`contact` (when planned with one): the phone in full to the batch’s coordinator and an admin, who may change the batch; masked for a bureau.',
  })
  @ApiOkResponse({ type: BatchResponse })
  get(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.get(principal, id);
  }

  @Post(':id/workers')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Seat workers',
    description:
      'Every worker must live in or be from (户籍) the coordinator’s region (403 otherwise, before any other rule). ' +
      'Each worker must have accepted a match for one of the batch’s jobs or be on the willing-to-migrate list, and be on no other active batch. ' +
      'Never beyond capacity; when over-subscribed, poverty-alleviated workers are seated first (十四), then monitoring targets; the rest are waitlisted. ' +
      '200 with per-worker outcome when anyone was seated; when nobody was: 422 (a worker breaks a rule) or 409 (BATCH.FULL, BATCH.WORKER_ON_ANOTHER_BATCH).',
  })
  @ApiOkResponse({ type: AddBatchWorkersResponse })
  @ApiConflictResponse({ description: 'BATCH.MANIFEST_CLOSED (after departure), BATCH.FULL, BATCH.WORKER_ON_ANOTHER_BATCH' })
  addWorkers(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: AddBatchWorkersRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AddBatchWorkersResponse> {
    return this.batches.addWorkers(principal, id, body.workerIds);
  }

  @Delete(':id/workers/:workerId')
  @ApiOperation({ summary: 'Take a worker off the manifest (until departure)' })
  @ApiOkResponse({ type: BatchResponse })
  removeWorker(
    @Param('id', uuidParam('id')) id: string,
    @Param('workerId', uuidParam('workerId')) workerId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchResponse> {
    return this.batches.removeWorker(principal, id, workerId);
  }

  @Post(':id/board')
  @HttpCode(200)
  @ApiOperation({ summary: 'Check workers in (planned | boarding → boarding); body `workerIds` optional, default every seated worker' })
  @ApiBody({ type: SomeBatchWorkersRequest, required: false })
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  board(@Param('id', uuidParam('id')) id: string, @Body() body: SomeBatchWorkersRequest, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.transition(principal, id, 'board', body.workerIds);
  }

  @Post(':id/arrive')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record arrivals (departed | arrived → arrived); body `workerIds` optional, default every boarded worker',
    description: 'Each arrival emits WorkerArrived on laowu.dispatch.v1 (job-collection raises filled, worker-profiles sets employed).',
  })
  @ApiBody({ type: SomeBatchWorkersRequest, required: false })
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  arrive(@Param('id', uuidParam('id')) id: string, @Body() body: SomeBatchWorkersRequest, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.transition(principal, id, 'arrive', body.workerIds);
  }

  @Post(':id/depart')
  @HttpCode(200)
  @ApiOperation({ summary: 'Depart (boarding → departed); a seated worker who has not boarded is a no-show and freed' })
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  depart(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.transition(principal, id, 'depart');
  }

  @Post(':id/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close (arrived → closed); the workers are free for another batch' })
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  close(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.transition(principal, id, 'close');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel (planned | boarding | departed → cancelled)' })
  @ApiOkResponse({ type: BatchResponse })
  @ApiConflictResponse({ description: INVALID_TRANSITION })
  cancel(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal): Promise<BatchResponse> {
    return this.batches.transition(principal, id, 'cancel');
  }
}
