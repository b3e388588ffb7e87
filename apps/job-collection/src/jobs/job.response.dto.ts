import { JOB_KINDS, JOB_STATUSES, JobKind, JobStatus, WAGE_UNITS, WageUnit } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ageRangeOf, JobBenefits, JobEntity, JobSkill, orUndefined } from './job.entity';

class JobSkillView {
  @ApiProperty() code: string;
  @ApiPropertyOptional() minLevel?: number;
}

class RequiredCertificateView {
  @ApiProperty({ example: 'electrician-cert' }) code: string;
}

class WageView {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ enum: WAGE_UNITS }) unit: WageUnit;
}

class LocationView {
  @ApiProperty() regionCode: string;
  @ApiProperty() lat: number;
  @ApiProperty() lon: number;
  @ApiPropertyOptional() address?: string;
}

class CrossRegionView {
  @ApiProperty({ type: [String] }) sourceRegionCodes: string[];
}

class AgeRangeView {
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

/** A job as its agency (or an admin, or a station looking at an offer) sees it. */
export class JobResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() agencyId: string;
  @ApiPropertyOptional() externalId?: string;
  @ApiProperty({ enum: JOB_STATUSES }) status: JobStatus;
  @ApiProperty({ description: 'Rises on every change' }) version: number;
  @ApiProperty({ description: 'Rises only when the content a worker judges the job by changes' }) materialVersion: number;
  @ApiProperty({ description: "Workers placed in the job (dispatch's placements started, less those ended early)" }) filled: number;
  @ApiProperty() title: string;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ enum: JOB_KINDS }) kind: JobKind;
  @ApiPropertyOptional() occupationCode?: string;
  @ApiProperty({ type: [JobSkillView] }) skills: JobSkill[];
  @ApiProperty({ type: [RequiredCertificateView], description: 'Certificates the work legally needs (十)' }) requiredCertificates: RequiredCertificateView[];
  @ApiProperty() headcount: number;
  @ApiProperty({ type: WageView }) wage: WageView;
  @ApiProperty({ type: LocationView }) location: LocationView;
  @ApiPropertyOptional({ type: CrossRegionView }) crossRegion?: CrossRegionView;
  @ApiPropertyOptional({ type: AgeRangeView }) ageRange?: AgeRangeView;
  @ApiProperty() olderWorkerFriendly: boolean;
  @ApiPropertyOptional() startAt?: string;
  @ApiPropertyOptional() endAt?: string;
  @ApiProperty() instant: boolean;
  @ApiPropertyOptional() benefits?: JobBenefits;
  @ApiPropertyOptional() relocationQuotaPct?: number;
  @ApiPropertyOptional({ example: 'chuan-mei-zi', description: '劳务品牌 code (a posted name is stored as its code)' }) laborBrand?: string;
  @ApiPropertyOptional({ example: '川妹子', description: "The brand's name" }) laborBrandName?: string;
  @ApiPropertyOptional({ description: 'The registered employer (POST /v1/employers)' }) employerId?: string;
  @ApiProperty() postedAt: string;
  @ApiProperty() updatedAt: string;
}

export class JobPageResponse {
  @ApiProperty({ type: [JobResponse] }) items: JobResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export function toJobResponse(job: JobEntity): JobResponse {
  return {
    id: job.id,
    agencyId: job.agencyId,
    externalId: orUndefined(job.externalId),
    status: job.status,
    version: job.version,
    materialVersion: job.materialVersion,
    filled: job.filled,
    title: job.title,
    description: orUndefined(job.description),
    kind: job.kind,
    occupationCode: orUndefined(job.occupationCode),
    skills: job.skills,
    requiredCertificates: job.requiredCertificates.map((code) => ({ code })),
    headcount: job.headcount,
    wage: { min: job.wageMin, max: job.wageMax, unit: job.wageUnit },
    location: { regionCode: job.regionCode, lat: job.lat, lon: job.lon, address: orUndefined(job.address) },
    crossRegion: job.sourceRegionCodes ? { sourceRegionCodes: job.sourceRegionCodes } : undefined,
    ageRange: ageRangeOf(job),
    olderWorkerFriendly: job.olderWorkerFriendly,
    startAt: job.startAt?.toISOString(),
    endAt: job.endAt?.toISOString(),
    instant: job.instant,
    benefits: orUndefined(job.benefits),
    relocationQuotaPct: orUndefined(job.relocationQuotaPct),
    laborBrand: orUndefined(job.laborBrand),
    laborBrandName: orUndefined(job.laborBrandName),
    employerId: orUndefined(job.employerId),
    postedAt: job.postedAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}
