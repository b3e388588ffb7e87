import { CREDIT_CODE_PATTERN, PLACEMENT_SOURCES, type PlacementSource, WAGE_UNITS, type WageUnit } from '@laowu/contracts';
import { IsCalendarDate, IsCnyAmount, MAX_CNY_AMOUNT, NoNulCharacters } from '@laowu/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean, IsDefined, IsIn, IsNotEmpty, IsNumber, IsObject, IsOptional, IsPositive, IsString, IsUUID, Matches, Max, MaxLength, ValidateIf, ValidateNested,
} from 'class-validator';


export class PlacementEmployerRequest {
  @ApiProperty({ example: '会理市某农业专业合作社', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @NoNulCharacters()
  name: string;

  @ApiPropertyOptional({ example: '91513401MA62X0XX1Q', description: '统一社会信用代码 (18 characters)' })
  @IsOptional()
  @Matches(CREDIT_CODE_PATTERN, { message: 'creditCode must be an 18-character unified social credit code' })
  creditCode?: string;
}

export class PlacementWageRequest {
  @ApiProperty({ example: 180, description: 'Greater than 0, CNY with at most two decimals' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsCnyAmount()
  @IsPositive()
  @Max(MAX_CNY_AMOUNT)
  amount: number;

  @ApiProperty({ enum: WAGE_UNITS })
  @IsIn(WAGE_UNITS)
  unit: WageUnit;
}

export class CreatePlacementRequest {
  @ApiProperty({ description: 'A worker dispatch knows (laowu.workers.v1)' })
  @IsUUID()
  workerId: string;

  @ApiPropertyOptional({ description: 'An open job dispatch knows; required for an agency; defaults from matchId' })
  @IsOptional()
  @IsUUID()
  jobId?: string;

  @ApiPropertyOptional({ description: "Required with source `match`: the worker's accepted match" })
  @IsOptional()
  @IsUUID()
  matchId?: string;

  @ApiPropertyOptional({ type: PlacementEmployerRequest, description: 'Required unless employerId names a registered employer (whose name and credit code then apply)' })
  @ValidateIf((request: CreatePlacementRequest) => request.employerId === undefined || request.employer !== undefined)
  @IsDefined({ message: 'employer is required unless employerId is given' })
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => PlacementEmployerRequest)
  employer?: PlacementEmployerRequest;

  @ApiPropertyOptional({
    description: 'A registered employer (用工单位, POST /v1/employers of job-collection); its name and credit code are stored (422 when dispatch does not know it); extra to API.md',
  })
  @IsOptional()
  @IsUUID()
  employerId?: string;

  @ApiProperty({ example: '2026-12-01', description: 'Not in the future (China date)' })
  @IsCalendarDate()
  startDate: string;

  @ApiPropertyOptional({ type: PlacementWageRequest })
  @IsOptional()
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => PlacementWageRequest)
  wage?: PlacementWageRequest;

  @ApiProperty({ enum: PLACEMENT_SOURCES, description: '`batch` only from a batch arrival, `sharing` only from a 共享用工 agreement (422 here)' })
  @IsIn(PLACEMENT_SOURCES)
  source: PlacementSource;

  @ApiPropertyOptional({ example: '513401', description: "Where the work is; default the job's region, else the worker's residence (extra to API.md)" })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'regionCode must be a six-digit GB/T 2260 code' })
  regionCode?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Held beside other active placements: allowed when this job is a public-welfare post or every active placement of the worker is one (十六); extra to API.md',
  })
  @IsOptional()
  @IsBoolean()
  concurrent?: boolean;
}
