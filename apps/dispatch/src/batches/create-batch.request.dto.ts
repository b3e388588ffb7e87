import { IsContactPhone, NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max,
  MaxLength, Min, ValidateNested,
} from 'class-validator';
import { TRANSPORT_MODES, TransportMode } from './batch.entity';

const REGION = /^\d{6}$/;

export class BatchDestinationRequest {
  @ApiProperty({ type: [String], description: 'Jobs the batch travels to; dispatch must have seen them (422 otherwise)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  jobIds: string[];

  @ApiProperty({ example: '440306' })
  @Matches(REGION, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode: string;

  @ApiProperty({ example: '深圳市宝安区福永街道某电子厂' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @NoNulCharacters()
  address: string;

  @ApiPropertyOptional({ description: 'Employer name, carried on WorkerArrived (extra to API.md)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @NoNulCharacters()
  employer?: string;

  @ApiPropertyOptional({
    description: 'A registered employer (用工单位, POST /v1/employers): the placements the arrival creates carry its id, name and credit code (422 when dispatch does not know it); extra to API.md',
  })
  @IsOptional()
  @IsUUID()
  employerId?: string;
}

export class BatchTransportRequest {
  @ApiProperty({ enum: TRANSPORT_MODES })
  @IsIn(TRANSPORT_MODES)
  mode: TransportMode;

  @ApiProperty({ minimum: 1, maximum: 2000 })
  @IsInt()
  @Min(1)
  @Max(2000)
  capacity: number;
}

export class BatchContactRequest {
  @ApiProperty({ example: '王建华', maxLength: 50 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  @NoNulCharacters()
  name: string;

  @ApiProperty({
    example: '138 1234 5678',
    description: 'A mainland mobile (spaces, dashes, +86 allowed) or a landline with its area code (0834-2345678); kept as 13812345678 or 0834-2345678',
  })
  @IsContactPhone()
  phone: string;
}

export class CreateBatchRequest {
  @ApiProperty({ example: '513401' })
  @Matches(REGION, { message: 'originRegionCode must be a six-digit GB/T 2260 code' })
  originRegionCode: string;

  @ApiPropertyOptional({ example: 'station-513401-01' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NoNulCharacters()
  originStationId?: string;

  @ApiProperty({ type: BatchDestinationRequest })
  @IsDefined()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => BatchDestinationRequest)
  destination: BatchDestinationRequest;

  @ApiProperty({ example: '2026-02-20T07:00:00+08:00' })
  @IsISO8601({ strict: true })
  departAt: string;

  @ApiProperty({ type: BatchTransportRequest })
  @IsDefined()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => BatchTransportRequest)
  transport: BatchTransportRequest;

  @ApiPropertyOptional({
    type: BatchContactRequest,
    description:
      '带队联系人 (extra to API.md): the escort the workers and the employer call during the trip, printed on the manifest. ' +
      'The phone is kept encrypted and never put in an event; GET /v1/dispatch/batches/{id} shows it in full only to callers who may change the batch',
  })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => BatchContactRequest)
  contact?: BatchContactRequest;
}
