import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const DELIVERY_FILTERS = ['undelivered', 'dead', 'delivered'] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

export class ListDeliveriesQuery {
  @ApiPropertyOptional({ enum: DELIVERY_FILTERS, default: 'undelivered', description: 'undelivered = still retrying or dead' })
  @IsOptional()
  @IsIn(DELIVERY_FILTERS)
  status?: DeliveryFilter;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
