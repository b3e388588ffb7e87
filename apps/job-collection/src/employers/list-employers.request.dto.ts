import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { PageQuery } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ListEmployersRequest extends PageQuery {
  @ApiPropertyOptional({ example: '9144030071526726XG', description: 'Exactly this 统一社会信用代码' })
  @IsOptional()
  @IsString()
  @MaxLength(18)
  creditCode?: string;

  @ApiPropertyOptional({ example: '440300', description: 'Employers in this region (a bureau: inside its own, 403 otherwise)' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;
}
