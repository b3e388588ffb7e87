import { IsCalendarDate } from '@laowu/platform';
import { PLACEMENT_END_REASONS, type PlacementEndReason } from '@laowu/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

export class EndPlacementRequest {
  @ApiProperty({ example: '2026-12-31', description: 'On or after the start, not in the future (China date)' })
  @IsCalendarDate()
  endDate: string;

  @ApiProperty({ enum: PLACEMENT_END_REASONS })
  @IsIn(PLACEMENT_END_REASONS)
  reason: PlacementEndReason;
}
