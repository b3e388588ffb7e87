import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation,
  ApiTags, ApiUnprocessableEntityResponse, ApiExtraModels, getSchemaPath,
} from '@nestjs/swagger';
import { EmploymentStatusService } from './employment-status.service';
import { PatchWorkerRequest } from './patch-worker.request.dto';
import { RecordEmploymentStatusRequest } from './record-employment-status.request.dto';
import { RegisterWorkerRequest } from './register-worker.request.dto';
import { RecordedStatusEntryResponse, RegisteredWorkerResponse, StatusEntryResponse, WorkerResponse } from './worker.response.dto';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersHttpController {
  constructor(
    private readonly workers: WorkersService,
    private readonly statuses: EmploymentStatusService,
  ) {}

  @Post()
  @Roles('station', 'admin')
  @ApiOperation({ summary: 'Register a worker (station: under its own stationId)' })
  @ApiCreatedResponse({ type: RegisteredWorkerResponse })
  @ApiConflictResponse({ description: 'this resident ID number is already registered: `{ existingId }` to a caller who may read that worker, no id to anyone else' })
  @ApiUnprocessableEntityResponse({ description: 'unknown region, skill or certificate code, or 劳务品牌 (laborBrand); a certificate valid until before it was issued' })
  @ApiForbiddenResponse({ description: 'stationId is not the calling station' })
  register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterWorkerRequest): Promise<RegisteredWorkerResponse> {
    return this.workers.register(principal, body);
  }

  @Get(':id')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({ summary: 'A worker, personal data masked (station: registered by it or resident in its region)' })
  @ApiOkResponse({ type: WorkerResponse })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<WorkerResponse> {
    return this.workers.respond(await this.workers.get(principal, id));
  }

  @Patch(':id')
  @Roles('station', 'admin')
  @ApiOperation({ summary: 'Change non-identity fields (version + 1)' })
  @ApiOkResponse({ type: WorkerResponse })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  async patch(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string, @Body() body: PatchWorkerRequest): Promise<WorkerResponse> {
    return this.workers.respond(await this.workers.patch(principal, id, body));
  }

  @Post(':id/employment-status')
  @Roles('station', 'admin')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record an employment status from an effective date (unemployment: where the worker lives, works or is insured, 九)',
    description:
      'A caller who may change the worker (admin; the station that registered it or of its residence) records any status and gets the worker back. ' +
      'A station that may not read the worker may record only `unemployed` in a region inside its own, with `registeredAt: employment` when the worker is on record as employed there ' +
      '(basis `workplace_on_record`) or `registeredAt: insured` (its declaration, basis `insurance_declared`); each such entry is audited and the answer carries only the entry. ' +
      'Anyone else gets 403 WORKER.FORBIDDEN, the same answer whether the worker exists or not, before any rule is checked.',
  })
  @ApiExtraModels(WorkerResponse, RecordedStatusEntryResponse)
  @ApiCreatedResponse({
    description: 'the worker (caller may change it) or only the recorded entry (audited basis)',
    schema: { oneOf: [{ $ref: getSchemaPath(WorkerResponse) }, { $ref: getSchemaPath(RecordedStatusEntryResponse) }] },
  })
  @ApiUnprocessableEntityResponse({ description: 'unknown region, future date, or a region that does not fit registeredAt (only to a caller who may change the worker)' })
  @ApiForbiddenResponse({ description: 'WORKER.FORBIDDEN: neither access to the worker nor an audited basis; also for a worker id that does not exist' })
  async recordStatus(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: RecordEmploymentStatusRequest,
  ): Promise<WorkerResponse | RecordedStatusEntryResponse> {
    const recorded = await this.statuses.record(principal, id, body);
    return recorded.kind === 'worker' ? this.workers.respond(recorded.worker) : RecordedStatusEntryResponse.ofAudited(recorded.entry);
  }

  @Get(':id/employment-status')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({ summary: "The worker's status history, oldest first" })
  @ApiOkResponse({ type: [StatusEntryResponse] })
  async history(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<StatusEntryResponse[]> {
    return (await this.workers.history(principal, id)).map((entry) => StatusEntryResponse.of(entry));
  }
}
