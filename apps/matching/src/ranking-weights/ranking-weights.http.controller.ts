import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { patternParam } from '@laowu/platform';
import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { RankingWeightsAdminService } from './ranking-weights-admin.service';
import { WeightsChangeRequest, WeightsHistoryRequest, WeightsRemovalRequest } from './ranking-weights.request.dto';
import { CurrentWeightsResponse, toCurrentWeights, WeightsHistoryResponse, WeightsVersionResponse } from './ranking-weights.response.dto';

const WHICH_PROVINCE =
  'Which province\'s weights a ranking uses: the worker\'s residence province for matches-for-worker and worker-available pushes; ' +
  'the job\'s province for candidates-for-job and job-triggered (instant, cross-region) pushes; the global weights where that province has no override. ' +
  'Every instance applies a change without a restart (NOTIFY, and a periodic re-read); every result carries the weightsVersion it was ranked with.';

/** A province code path parameter: six digits (510000), else a 400; a well-shaped code that is no province is the service's 422. */
const provinceCodeParam = patternParam('provinceCode', REGION_CODE_PATTERN, 'provinceCode must be a 6-digit GB/T 2260 province code such as 510000');

const PARTIAL = 'Partial: the factors named take the new weights, the others keep those in effect in the scope; stored as a full set under a new version. ';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('v1/admin/ranking-weights')
export class RankingWeightsHttpController {
  constructor(private readonly admin: RankingWeightsAdminService) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: 'The ranking weights in effect: global and per-province overrides, with their versions (admin)', description: WHICH_PROVINCE })
  @ApiOkResponse({ type: CurrentWeightsResponse })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED' })
  async current(): Promise<CurrentWeightsResponse> {
    return toCurrentWeights(await this.admin.current());
  }

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: 'Change the global ranking weights (admin)', description: PARTIAL + WHICH_PROVINCE })
  @ApiOkResponse({ type: WeightsVersionResponse })
  @ApiBadRequestResponse({ description: 'RANKING.WEIGHT_INVALID (details[].field: weights.<factor> or weights), REQUEST.INVALID' })
  @ApiConflictResponse({ description: 'RANKING.VERSION_CONFLICT (expectedVersion is not the version in effect; currentVersion says which is)' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED' })
  setGlobal(@CurrentPrincipal() principal: Principal, @Body() body: WeightsChangeRequest): Promise<WeightsVersionResponse> {
    return this.admin.setGlobal(principal, body);
  }

  @Put('provinces/:provinceCode')
  @Roles('admin')
  @ApiOperation({
    summary: "Set a province's own ranking weights (admin)",
    description: PARTIAL + 'Merged over the province\'s override, or over the global weights when it has none; from then on a global change does not reach it. ' + WHICH_PROVINCE,
  })
  @ApiOkResponse({ type: WeightsVersionResponse })
  @ApiBadRequestResponse({ description: 'RANKING.WEIGHT_INVALID, REQUEST.INVALID' })
  @ApiUnprocessableEntityResponse({ description: 'RANKING.UNKNOWN_PROVINCE (field provinceCode)' })
  @ApiConflictResponse({ description: 'RANKING.VERSION_CONFLICT' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED' })
  setProvince(@CurrentPrincipal() principal: Principal, @Param('provinceCode', provinceCodeParam) provinceCode: string, @Body() body: WeightsChangeRequest): Promise<WeightsVersionResponse> {
    return this.admin.setProvince(principal, provinceCode, body);
  }

  @Delete('provinces/:provinceCode')
  @Roles('admin')
  @ApiOperation({ summary: "Remove a province's override: the global weights apply there again; recorded as a version (admin)", description: 'Body: { reason, expectedVersion? }.' })
  @ApiOkResponse({ type: WeightsVersionResponse, description: 'The removal, with weights null' })
  @ApiNotFoundResponse({ description: 'RANKING.OVERRIDE_NOT_FOUND (the province has no override)' })
  @ApiUnprocessableEntityResponse({ description: 'RANKING.UNKNOWN_PROVINCE (field provinceCode)' })
  @ApiConflictResponse({ description: 'RANKING.VERSION_CONFLICT' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED' })
  removeProvince(@CurrentPrincipal() principal: Principal, @Param('provinceCode', provinceCodeParam) provinceCode: string, @Body() body: WeightsRemovalRequest): Promise<WeightsVersionResponse> {
    return this.admin.removeProvince(principal, provinceCode, body);
  }

  @Get('history')
  @Roles('admin')
  @ApiOperation({ summary: 'The audit trail of the ranking weights: every change, who made it and why, newest first (admin)' })
  @ApiOkResponse({ type: WeightsHistoryResponse })
  @ApiUnprocessableEntityResponse({ description: 'RANKING.UNKNOWN_PROVINCE (field scope)' })
  @ApiForbiddenResponse({ description: 'AUTH.ROLE_NOT_ALLOWED' })
  async history(@Query() query: WeightsHistoryRequest): Promise<WeightsHistoryResponse> {
    return { items: await this.admin.history(query.scope, query.limit ?? 50) };
  }
}
