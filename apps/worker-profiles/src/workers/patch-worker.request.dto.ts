import { PriorityGroup, REGION_CODE_PATTERN } from '@laowu/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsChinaMobile } from '../common/validators';
import {
  CertificateRequest, GeoPointRequest, IsOptionalObject, IsWorkerName, OptionalCertificates, OptionalLaborBrand, OptionalPriorityGroups, OptionalSkillLevels,
  REGION_MESSAGE, SkillLevelRequest, WorkerPreferencesRequest,
} from './register-worker.request.dto';

/**
 * PATCH /v1/workers/{id}: any subset of the non-identity fields. The ID number (and the birth
 * date and gender it carries) and the registering station cannot change; sending `idNumber` is a
 * 400 (unknown field). `preferences` merges key by key into the stored preferences.
 */
export class PatchWorkerRequest {
  @ApiPropertyOptional() @IsOptional() @IsWorkerName() name?: string;

  @ApiPropertyOptional() @IsOptional() @IsChinaMobile() phone?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) homeRegionCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(REGION_CODE_PATTERN, REGION_MESSAGE) residenceRegionCode?: string;

  @ApiPropertyOptional({ type: GeoPointRequest }) @IsOptionalObject(() => GeoPointRequest) location?: GeoPointRequest;
  @OptionalSkillLevels() skills?: SkillLevelRequest[];
  @OptionalCertificates() certificates?: CertificateRequest[];
  @OptionalLaborBrand() laborBrand?: string;
  @OptionalPriorityGroups() priorityGroups?: PriorityGroup[];
  @ApiPropertyOptional({ type: WorkerPreferencesRequest }) @IsOptionalObject(() => WorkerPreferencesRequest)
  preferences?: WorkerPreferencesRequest;
}
