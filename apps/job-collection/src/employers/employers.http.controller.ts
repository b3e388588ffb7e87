import { CurrentPrincipal, Principal, Roles } from '@laowu/auth';
import { uuidParam } from '@laowu/platform';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
  ApiTooManyRequestsResponse, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { EmployerPageResponse, EmployerResponse, toEmployerResponse } from './employer.response.dto';
import { EmployersService } from './employers.service';
import { ListEmployersRequest } from './list-employers.request.dto';
import { ChangeEmployerRequest, RegisterEmployerRequest } from './register-employer.request.dto';

const READERS =
  'The agency that registered it, a bureau whose region contains the employer’s region, an admin. Anyone else gets 403 ' +
  'EMPLOYER.NOT_YOURS, the same whether the employer exists or not (only an admin is told 404).';

/** 用人单位 registry: employers by 统一社会信用代码; 就业帮扶车间 (十四) show their poverty-alleviated employment. */
@ApiTags('employers')
@ApiBearerAuth()
@ApiTooManyRequestsResponse({ description: 'Rate limit per principal exceeded' })
@Controller('v1/employers')
export class EmployersHttpController {
  constructor(private readonly employers: EmployersService) {}

  @Post()
  @Roles('agency', 'admin')
  @ApiOperation({
    summary: 'Register an employer (agency, admin)',
    description:
      '422 EMPLOYER.CREDIT_CODE_INVALID (field creditCode) when the 统一社会信用代码 fails its GB 32100 check character or its ' +
      'embedded GB 11714 organisation code; 422 EMPLOYER.UNKNOWN_REFERENCE for an unknown regionCode. The same credit code ' +
      'again: 409 EMPLOYER.ALREADY_REGISTERED with `existingId`. Publishes EmployerRegistered on laowu.reference.v1.',
  })
  @ApiCreatedResponse({ type: EmployerResponse })
  @ApiConflictResponse({ description: 'EMPLOYER.ALREADY_REGISTERED (body has existingId)' })
  @ApiUnprocessableEntityResponse({ description: 'EMPLOYER.CREDIT_CODE_INVALID (creditCode); EMPLOYER.UNKNOWN_REFERENCE (regionCode)' })
  async register(@CurrentPrincipal() principal: Principal, @Body() body: RegisterEmployerRequest): Promise<EmployerResponse> {
    const employer = await this.employers.register(principal.sub, body);
    return toEmployerResponse(employer, employer.workshop ? await this.employers.workshopFigures(employer) : undefined);
  }

  @Get()
  @Roles('agency', 'bureau', 'admin')
  @ApiOperation({
    summary: 'List employers: an agency’s own, a bureau’s region’s, an admin’s all',
    description: 'Filters: `creditCode` (exact), `regionCode` (that region and inside it; a bureau’s must lie in its own region, 403 otherwise).',
  })
  @ApiOkResponse({ type: EmployerPageResponse })
  @ApiForbiddenResponse({ description: 'EMPLOYER.NOT_YOURS: a bureau naming a region outside its own' })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListEmployersRequest): Promise<EmployerPageResponse> {
    const { items, total } = await this.employers.list(principal, query);
    return { items: items.map((employer) => toEmployerResponse(employer)), page: query.page, pageSize: query.pageSize, total };
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read an employer; a 就业帮扶车间 with povertyAlleviatedEmployed and povertyAlleviatedEmployedThisYear',
    description: READERS,
  })
  @ApiOkResponse({ type: EmployerResponse })
  @ApiForbiddenResponse({ description: 'EMPLOYER.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'EMPLOYER.NOT_FOUND (admin only)' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', uuidParam('id')) id: string): Promise<EmployerResponse> {
    const { employer, figures } = await this.employers.get(principal, id);
    return toEmployerResponse(employer, figures);
  }

  @Patch(':id')
  @Roles('agency', 'bureau', 'admin')
  @ApiOperation({
    summary: 'Switch the 就业帮扶车间 flag (extra to API.md)',
    description: `${READERS} A new version and EmployerRegistered when the flag changes; the same value again changes nothing.`,
  })
  @ApiOkResponse({ type: EmployerResponse })
  @ApiForbiddenResponse({ description: 'EMPLOYER.NOT_YOURS' })
  @ApiNotFoundResponse({ description: 'EMPLOYER.NOT_FOUND (admin only)' })
  async change(
    @CurrentPrincipal() principal: Principal,
    @Param('id', uuidParam('id')) id: string,
    @Body() body: ChangeEmployerRequest,
  ): Promise<EmployerResponse> {
    const { employer, figures } = await this.employers.change(principal, id, body);
    return toEmployerResponse(employer, figures);
  }
}
