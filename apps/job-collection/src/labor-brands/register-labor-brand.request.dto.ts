import { REGION_CODE_PATTERN, SKILL_CODE_PATTERN } from '@laowu/contracts';
import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export const LABOR_BRAND_LIMITS = { text: 64, keywords: 10 } as const;

/** POST /v1/reference/labor-brands: a 劳务品牌 a bureau adds for its region. */
export class RegisterLaborBrandRequest {
  @ApiPropertyOptional({ example: 'bazhong-jiangong', description: 'Lowercase-kebab (pinyin); made from the region and name when absent' })
  @IsOptional()
  @Matches(SKILL_CODE_PATTERN, { message: 'code must be lowercase letters, digits and dashes (at most 64)' })
  code?: string;

  @ApiProperty({ example: '巴中建工', description: 'The brand name (品牌名称)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABOR_BRAND_LIMITS.text)
  @NoNulCharacters()
  name: string;

  @ApiProperty({ example: '511900', description: "The brand's origin, a known GB/T 2260 code inside the bureau's region" })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiProperty({ example: '建筑施工', description: 'The trade it is known for (行业工种)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LABOR_BRAND_LIMITS.text)
  @NoNulCharacters()
  trade: string;

  @ApiPropertyOptional({ type: [String], example: ['巴中建筑'], description: 'Other names people type for it (at most 10)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LABOR_BRAND_LIMITS.keywords)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LABOR_BRAND_LIMITS.text, { each: true })
  @Matches(/^[^\u0000]*$/, { each: true, message: 'keywords must not contain NUL characters' })
  keywords?: string[];
}
