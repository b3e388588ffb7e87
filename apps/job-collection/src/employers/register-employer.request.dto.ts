import { REGION_CODE_PATTERN } from '@laowu/contracts';
import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** POST /v1/employers: register an employer (用人单位) by its 统一社会信用代码. */
export class RegisterEmployerRequest {
  @ApiProperty({ example: '深圳市腾讯计算机系统有限公司', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoNulCharacters()
  name: string;

  @ApiProperty({
    example: '9144030071526726XG',
    description: '统一社会信用代码, 18 characters; its check character (GB 32100) and organisation code (GB 11714) must hold (422 otherwise)',
  })
  @IsString()
  @MaxLength(18)
  creditCode: string;

  @ApiProperty({ example: '440305', description: 'Where the employer is; a known GB/T 2260 code (422 otherwise)' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiPropertyOptional({ default: false, description: '就业帮扶车间 (十四): its poverty-alleviated employment is shown' })
  @IsOptional()
  @IsBoolean()
  workshop?: boolean;
}

/** PATCH /v1/employers/{id}: switch the 就业帮扶车间 flag. */
export class ChangeEmployerRequest {
  @ApiProperty({ description: '就业帮扶车间 (十四)' })
  @IsBoolean()
  workshop: boolean;
}
