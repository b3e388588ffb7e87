import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse,
  ApiOperation, ApiPayloadTooLargeResponse, ApiTags, ApiUnprocessableEntityResponse, ApiExtraModels, getSchemaPath,
} from '@nestjs/swagger';
import { RegisterWorkersBulkResponse } from './bulk-registration.response.dto';
import { EmploymentStatusService } from './employment-status.service';
import { PatchWorkerRequest } from './patch-worker.request.dto';
import { RecordEmploymentStatusRequest } from './record-employment-status.request.dto';
import { RegisterWorkerRequest } from './register-worker.request.dto';
import { RegisterWorkersBulkRequest } from './register-workers-bulk.request.dto';
import { RecordedStatusEntryResponse, RegisteredWorkerResponse, StatusEntryResponse, WorkerResponse } from './worker.response.dto';
import { WorkersBulkService } from './workers-bulk.service';
import { WorkersService } from './workers.service';

@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkersHttpController {
  constructor(
    private readonly workers: WorkersService,
    private readonly statuses: EmploymentStatusService,
    private readonly bulkWorkers: WorkersBulkService,
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

  @Post('bulk')
  @Roles('station', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Register up to 1,000 workers (a station under its own stationId): the console\'s import',
    description:
      'Each row is checked exactly as POST /v1/workers checks its body and gets its own result `{ index, id?, status, error? }`; one bad ' +
      'row never rejects the others. Statuses: `created`, `exists` (the resident ID number is already registered: `id` only to a caller ' +
      'who may read that worker), `valid` (dryRun: would be created), `invalid` (`error` names the fields as a 400 body does; also a ' +
      'number given in an earlier row, WORKER.DUPLICATE_IN_REQUEST), `forbidden` (another station\'s stationId), `failed` (not saved). ' +
      'With `dryRun: true` nothing is written: no worker, no event. Otherwise every new worker is registered as by POST /v1/workers, in a ' +
      'transaction of its own (the worker, its status history entry and its WorkerChanged event), in the order given, four at a time. ' +
      'A crash halfway therefore leaves the rows before it registered, each with its event, nothing of the rows after it, and each of ' +
      'the few in flight whole or not at all; a row that fails alone is `failed` and the others go on. Importing the same rows again is ' +
      'safe: `exists` with the id for the rows registered, `created` for the others.',
  })
  @ApiBody({ type: RegisterWorkersBulkRequest })
  @ApiOkResponse({ type: RegisterWorkersBulkResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming `workers` (missing, not an array, empty, over 1,000 rows), `dryRun`, or an unknown envelope field' })
  @ApiPayloadTooLargeResponse({ description: 'a body over BODY_LIMIT_BYTES (4 MiB by default: 1,000 rows of about 4 kB)' })
  async bulk(@CurrentPrincipal() principal: Principal, @Body() request: RegisterWorkersBulkRequest): Promise<RegisterWorkersBulkResponse> {
    return { results: await this.bulkWorkers.register(principal, request.workers, request.dryRun ?? false) };
  }

  @Get(':id')
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({ summary: 'A worker, personal data masked (station: registered by it or resident in its region)' })
  @ApiOkResponse({ type: WorkerResponse })
  @ApiForbiddenResponse()
  @ApiNotFoundResponse()
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<WorkerResponse> {
    return this.workers.respondTo(principal, await this.workers.get(principal, id));
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
