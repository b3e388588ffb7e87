import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { childrenOf, isKnownRegion, searchSkills } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ERRORS } from '../job-collection.errors';

export class RegionsQuery {
  @ApiPropertyOptional({ example: '510000', description: 'Children of this code; without it, the provinces' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'parent must be a six-digit GB/T 2260 code' })
  parent?: string;
}

export class SkillsQuery {
  @ApiPropertyOptional({ example: '焊', description: 'Chinese or English name, code or keyword; empty lists all' })
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

/** Reference data for clients looking for valid codes; any signed-in principal may read it. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('v1/reference')
export class ReferenceHttpController {
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
}
