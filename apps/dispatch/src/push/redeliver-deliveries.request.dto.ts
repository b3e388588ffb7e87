import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { REDELIVER_LIMIT } from './webhook-redelivery';

export class RedeliverDeliveriesRequest {
  @ApiPropertyOptional({ type: [String], example: ['1042', '1043'], maxItems: REDELIVER_LIMIT, description: 'Only these deliveries (ids as listed); others of the station are left alone' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(REDELIVER_LIMIT)
  @ArrayUnique()
  @IsString({ each: true })
  @Matches(/^[1-9]\d{0,17}$/, { each: true, message: 'each value in deliveryIds must be a delivery id (digits)' })
  deliveryIds?: string[];

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00', description: 'Only deliveries created at or after this time (ISO-8601 with offset)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'since must carry an offset (Z or ±hh:mm)' })
  since?: string;
}
