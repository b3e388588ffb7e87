import { CurrentPrincipal, type Principal, Roles } from '@laowu/auth';
import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { childrenOf, isKnownRegion, searchCertificates, searchOccupations, searchSkills } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ERRORS } from '../job-collection.errors';
import { LaborBrandView, RegisteredLaborBrandResponse } from '../labor-brands/labor-brand.response.dto';
import { LaborBrandsService } from '../labor-brands/labor-brands.service';
import { RegisterLaborBrandRequest } from '../labor-brands/register-labor-brand.request.dto';

export class RegionsQuery {
  @ApiPropertyOptional({ example: '510000', description: 'Children of this code; without it, the provinces' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'parent must be a six-digit GB/T 2260 code' })
  parent?: string;
}

/** `?q=` of the reference searches (skills, certificates, occupations, labour brands). */
export class SkillsQuery {
  @ApiPropertyOptional({ example: '焊', description: 'Chinese or English name, code or keyword; empty lists the first 50' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class RegionView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['province', 'city', 'county'] }) level: string;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
}

export class SkillView {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiPropertyOptional({ description: '国家职业分类大典 code' }) occupationCode?: string;
}

export class CertificateView {
  @ApiProperty({ example: 'electrician-cert' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiPropertyOptional({ description: 'Years a certificate stays valid from its issue; absent when it does not expire' }) validityYears?: number;
}

export class OccupationView {
  @ApiProperty({ example: '6-29-01-01', description: '国家职业分类大典 (2022) 细类 code' }) code: string;
  @ApiProperty({ example: '砌筑工' }) name: string;
}

/** Reference data for clients looking for valid codes; any signed-in principal may read it. Bureaus (and admin) add labour brands. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('v1/reference')
export class ReferenceHttpController {
  constructor(private readonly laborBrands: LaborBrandsService) {}

  @Get('regions')
  @ApiOperation({ summary: 'GB/T 2260 regions: the children of `parent`, or the provinces' })
  @ApiOkResponse({ type: [RegionView] })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN: parent is not a known code' })
  regions(@Query() query: RegionsQuery): RegionView[] {
    if (query.parent !== undefined && !isKnownRegion(query.parent)) {
      throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [{ field: 'parent', problem: `${query.parent} is not a known GB/T 2260 region code` }]);
    }
    return childrenOf(query.parent).map(({ code, name, level, lat, lon }) => ({ code, name, level, lat, lon }));
  }

  @Get('skills')
  @ApiOperation({ summary: 'Skills of the taxonomy matching q (best first)' })
  @ApiOkResponse({ type: [SkillView] })
  skills(@Query() query: SkillsQuery): SkillView[] {
    return searchSkills(query.q ?? '').map(({ code, name, nameEn, occupationCode }) => (occupationCode ? { code, name, nameEn, occupationCode } : { code, name, nameEn }));
  }

  @Get('certificates')
  @ApiOperation({ summary: 'Certificates (特种作业操作证, 特种设备作业人员证 …) matching q, with validity years (best first)' })
  @ApiOkResponse({ type: [CertificateView] })
  certificates(@Query() query: SkillsQuery): CertificateView[] {
    return searchCertificates(query.q ?? '').map(({ code, name, nameEn, validityYears }) => (validityYears ? { code, name, nameEn, validityYears } : { code, name, nameEn }));
  }

  @Get('occupations')
  @ApiOperation({ summary: '国家职业分类大典 (2022) detailed occupations matching q: a code prefix (6-29), a name or a colloquial term' })
  @ApiOkResponse({ type: [OccupationView] })
  occupations(@Query() query: SkillsQuery): OccupationView[] {
    return searchOccupations(query.q ?? '').map(({ code, name }) => ({ code, name }));
  }

  @Get('labor-brands')
  @ApiOperation({ summary: '劳务品牌 (四) matching q (name, keyword, code or trade), seeded and bureau-added, best first' })
  @ApiOkResponse({ type: [LaborBrandView] })
  async laborBrandList(@Query() query: SkillsQuery): Promise<LaborBrandView[]> {
    return this.laborBrands.search(query.q);
  }

  @Post('labor-brands')
  @Roles('bureau', 'admin')
  @ApiOperation({
    summary: 'Add a 劳务品牌 (bureau for an origin inside its region, admin)',
    description:
      'Stored and published as LaborBrandChanged on laowu.reference.v1. A code, name or keyword that an existing brand (seeded or added) ' +
      'already answers to: 409 LABOR_BRAND.EXISTS with `existingCode`. Jobs and workers may then carry the brand by code or name.',
  })
  @ApiCreatedResponse({ type: RegisteredLaborBrandResponse })
  @ApiForbiddenResponse({ description: "LABOR_BRAND.OUTSIDE_REGION: regionCode is outside the bureau's region" })
  @ApiConflictResponse({ description: 'LABOR_BRAND.EXISTS (body has existingCode)' })
  @ApiUnprocessableEntityResponse({ description: 'REGION.UNKNOWN (regionCode)' })
  async registerLaborBrand(@CurrentPrincipal() principal: Principal, @Body() body: RegisterLaborBrandRequest): Promise<RegisteredLaborBrandResponse> {
    return { code: await this.laborBrands.register(principal, body) };
  }
}
