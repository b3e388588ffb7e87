import { CREDIT_CODE_PATTERN, REGION_CODE_PATTERN } from '@laowu/contracts';
import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

export class WorkshopParams {
  @ApiProperty({ example: '91513401MA62XXXX0A', description: '统一社会信用代码 of the employer (18 characters)' })
  @Matches(CREDIT_CODE_PATTERN, { message: 'creditCode must be an 18-character 统一社会信用代码 (digits and capitals without I, O, S, V, Z)' })
  creditCode: string;
}

export class PutWorkshopRequest {
  @ApiProperty({ example: '会理市某某就业帮扶车间', maxLength: 200 }) @IsString() @IsNotEmpty() @MaxLength(200) @NoNulCharacters() name: string;

  @ApiProperty({ example: '513401', description: 'Where the workshop is; the bureau of that region certifies it' })
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a 6-digit GB/T 2260 region code' })
  regionCode: string;
}
