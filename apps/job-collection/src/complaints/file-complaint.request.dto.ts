import { CREDIT_CODE_PATTERN, REGION_CODE_PATTERN } from '@laowu/contracts';
import { IsCnyAmount, MAX_CNY_AMOUNT, NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { COMPLAINT_KINDS, type ComplaintKind } from './complaint-status';

export const COMPLAINT_DESCRIPTION_MAX = 2000;

export class ComplaintEmployerRequest {
  @ApiProperty({ example: '深圳某电子厂', description: 'The employer (用人单位) as the worker names it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoNulCharacters()
  name: string;

  @ApiPropertyOptional({
    example: '91440300MA5FUTXK4T',
    description: '统一社会信用代码 (18 characters); its GB 11714 and GB 32100 check characters must hold (422 COMPLAINT.CREDIT_CODE_INVALID)',
  })
  @IsOptional()
  @IsString()
  @Matches(CREDIT_CODE_PATTERN, { message: 'creditCode must be 18 characters: digits and capital letters other than I, O, S, V, Z' })
  creditCode?: string;

  @ApiPropertyOptional({ example: '440306', description: "GB/T 2260 code of the employer's region; routes the complaint (must be known, 422 REGION.UNKNOWN)" })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;
}

/** A 维权 complaint (十一): wage arrears (欠薪), contract, work injury (工伤) or other. */
export class FileComplaintRequest {
  @ApiProperty({ format: 'uuid', description: "A worker registered by the calling station (worker-profiles' id)" })
  @IsUUID('all', { message: 'workerId must be a UUID' })
  workerId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The placement (dispatch) the complaint is about, where known' })
  @IsOptional()
  @IsUUID('all', { message: 'placementId must be a UUID' })
  placementId?: string;

  @ApiProperty({ type: ComplaintEmployerRequest })
  @IsDefined()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => ComplaintEmployerRequest)
  employer: ComplaintEmployerRequest;

  @ApiProperty({ enum: COMPLAINT_KINDS })
  @IsIn(COMPLAINT_KINDS)
  kind: ComplaintKind;

  @ApiPropertyOptional({ example: 12800, description: 'CNY, at most two decimals (e.g. the wages withheld)' })
  @IsOptional()
  @IsCnyAmount()
  @Min(0.01)
  @Max(MAX_CNY_AMOUNT)
  amount?: number;

  @ApiProperty({ maxLength: COMPLAINT_DESCRIPTION_MAX, description: 'Runs of 11+ digits (ID or phone numbers) are masked before storing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(COMPLAINT_DESCRIPTION_MAX)
  @NoNulCharacters()
  description: string;
}
