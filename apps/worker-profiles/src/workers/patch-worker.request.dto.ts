import { PRIORITY_GROUPS, PriorityGroup, REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsChinaMobile } from '../common/validators';
import { GeoPointRequest, SkillLevelRequest, WorkerPreferencesRequest } from './register-worker.request.dto';

const REGION_MESSAGE = { message: '$property must be a 6-digit GB/T 2260 region code' };

/**
 * PATCH /v1/workers/{id}: any subset of the non-identity fields. The ID number (and the birth
 * date and gender it carries) and the registering station cannot change; sending `idNumber` is a
 * 400 (unknown field). `preferences` merges key by key into the stored preferences.
 */
export class PatchWorkerRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @IsNotEmpty() @MaxLength(50)
  @Matches(/^[^\p{Cc}]+$/u, { message: 'name must not contain control characters' })
  name?: string;

  @ApiPropertyOptional() @IsOptional() @IsChinaMobile() phone?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) homeRegionCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) residenceRegionCode?: string;

  @ApiPropertyOptional({ type: GeoPointRequest }) @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => GeoPointRequest)
  location?: GeoPointRequest;

  @ApiPropertyOptional({ type: [SkillLevelRequest] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SkillLevelRequest)
  skills?: SkillLevelRequest[];

  @ApiPropertyOptional({ type: [SkillLevelRequest] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => SkillLevelRequest)
  certificates?: SkillLevelRequest[];

  @ApiPropertyOptional({ enum: PRIORITY_GROUPS, isArray: true })
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(PRIORITY_GROUPS, { each: true })
  priorityGroups?: PriorityGroup[];

  @ApiPropertyOptional({ type: WorkerPreferencesRequest }) @IsOptional() @IsObject({ message: '$property must be an object' }) @ValidateNested() @Type(() => WorkerPreferencesRequest)
  preferences?: WorkerPreferencesRequest;
}
