import { PageQuery } from '@laowu/platform';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ListPlacementsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() workerId?: string;

  @ApiPropertyOptional() @IsOptional() @IsUUID() jobId?: string;

  @ApiPropertyOptional({ description: 'The placements of one 共享用工 agreement (source sharing); extra to API.md' })
  @IsOptional()
  @IsUUID()
  agreementId?: string;

  @ApiPropertyOptional({ description: 'The placements naming one registered employer; extra to API.md' })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiPropertyOptional({ description: 'An agency may name only itself (403 otherwise)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agencyId?: string;

  @ApiPropertyOptional({ example: '513400', description: 'Placements whose work or worker lies in this region; a bureau only inside its own (403 otherwise)' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only active (true) or ended (false) placements; extra to API.md' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
