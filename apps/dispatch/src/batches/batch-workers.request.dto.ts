import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsUUID } from 'class-validator';

export class AddBatchWorkersRequest {
  @ApiProperty({ type: [String], description: 'Workers to seat; over capacity, poverty-alleviated workers are seated first (十四)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  workerIds: string[];
}

/** Optional body of board and arrive: check in / record arrival of these workers only. */
export class SomeBatchWorkersRequest {
  @ApiPropertyOptional({ type: [String], description: 'Default: every worker seated (board) or boarded (arrive)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  workerIds?: string[];
}
