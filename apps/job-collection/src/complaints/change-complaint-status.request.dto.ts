import { NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_MOVES, type ComplaintMove } from './complaint-status';

export class ChangeComplaintStatusRequest {
  @ApiProperty({ enum: COMPLAINT_MOVES, description: 'received → accepted | rejected; accepted → resolved | rejected' })
  @IsIn(COMPLAINT_MOVES)
  status: ComplaintMove;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Kept in the history; runs of 11+ digits are masked' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  @NoNulCharacters()
  note?: string;
}
