import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListWorkersRequest } from './list-workers.request.dto';
import { LookupWorkersRequest, lookupKey } from './lookup-workers.request.dto';
import { WorkerDirectoryService } from './worker-directory.service';
import { WorkerLookupResponse, WorkerPageResponse } from './worker.response.dto';
import { WorkersService } from './workers.service';

/** Finding workers from the station console: a filtered list, and the exact lookup of a number. */
@ApiTags('workers')
@ApiBearerAuth()
@Controller('v1/workers')
export class WorkerDirectoryHttpController {
  constructor(
    private readonly directory: WorkerDirectoryService,
    private readonly workers: WorkersService,
  ) {}

  @Get()
  @Roles('station', 'bureau', 'admin')
  @ApiOperation({
    summary: 'List workers, newest registration first, personal data masked',
    description:
      'A station lists the workers it registered, a bureau the workers resident (常住地) in its region, an admin everyone. ' +
      'Filters combine with AND; a filter value that is not one of its values (or is given twice) is a 400 naming it.',
  })
  @ApiOkResponse({ type: WorkerPageResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming status, priorityGroup, willingToMigrate, skill, page or pageSize' })
  @ApiForbiddenResponse({ description: 'agencies and coordinators' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListWorkersRequest): Promise<WorkerPageResponse> {
    const { items, total } = await this.directory.list(principal, query);
    return { items: await this.workers.respondAll(items), total, page: query.page, pageSize: query.pageSize };
  }

  @Post('lookup')
  @Roles('station', 'bureau', 'admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Find workers by their exact resident ID number or mobile number (a POST: the number stays out of URLs and access logs)',
    description:
      'Exactly one of `idNumber` and `phone`. Matched through keyed hashes (blind indexes), never by decrypting. Only workers the caller may read ' +
      '(as GET /v1/workers/{id}) are answered; any other worker with that number is left out, so an empty list says nothing about whether it is registered. ' +
      'A phone number may match several workers.',
  })
  @ApiOkResponse({ type: WorkerLookupResponse })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID naming idNumber or phone (malformed; neither or both given)' })
  @ApiForbiddenResponse({ description: 'agencies and coordinators' })
  async lookup(@CurrentPrincipal() principal: Principal, @Body() body: LookupWorkersRequest): Promise<WorkerLookupResponse> {
    const found = await this.directory.lookup(principal, lookupKey(body));
    return { items: await this.workers.respondAll(found) };
  }
}
