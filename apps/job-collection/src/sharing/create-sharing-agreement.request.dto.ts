import { IsCalendarDate } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SHARING_LIMITS } from './create-sharing-post.request.dto';

/** POST /v1/sharing/agreements: staff of the offer's employer work for the request's until returnDate. */
export class CreateSharingAgreementRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  offerId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  requestId: string;

  @ApiProperty({ minimum: 1, description: 'At most both posts’ open headcount (409 SHARING.HEADCOUNT_EXCEEDED otherwise)' })
  @IsInt()
  @Min(SHARING_LIMITS.headcount.min)
  @Max(SHARING_LIMITS.headcount.max)
  headcount: number;

  @ApiProperty({ example: '2027-05-31', description: 'The day the staff return (YYYY-MM-DD), within both periods from the start day on' })
  @IsCalendarDate()
  returnDate: string;

  @ApiPropertyOptional({ type: [String], description: 'The Laowu workers who move (unique, at most headcount); dispatch places them' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SHARING_LIMITS.headcount.max)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  workerIds?: string[];
}
