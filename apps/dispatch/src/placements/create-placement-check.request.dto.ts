import { RETENTION_CHECK_MONTHS, type RetentionCheckMonths } from '@laowu/contracts';
import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreatePlacementCheckRequest {
  @ApiProperty({ enum: RETENTION_CHECK_MONTHS, description: 'Due that many calendar months after the start (422 before)' })
  @IsIn(RETENTION_CHECK_MONTHS)
  afterMonths: RetentionCheckMonths;

  @ApiProperty()
  @IsBoolean()
  stillEmployed: boolean;

  @ApiPropertyOptional({ maxLength: 500, description: 'Stored with ID- and phone-like digit runs masked' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  @NoNulCharacters()
  note?: string;
}
