import { EMPLOYMENT_STATUSES, EmploymentStatus, PRIORITY_GROUPS, PriorityGroup } from '@laowu/contracts';
import { ageOn } from '@laowu/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AuditedBasis, EmploymentStatusEntry } from './employment-status-entry.entity';
import { CertificateHeld, isAvailable, SkillLevel, Worker, WorkerPreferences } from './worker.entity';

export class CurrentStatusResponse {
  @ApiProperty({ enum: EMPLOYMENT_STATUSES }) status: EmploymentStatus;
  @ApiProperty() effectiveDate: string;
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ nullable: true }) registeredAt: string | null;
  @ApiPropertyOptional({ nullable: true }) employer: string | null;
}

/** A worker as stations see it: personal data masked, birth date reduced to age. */
export class WorkerResponse {
  @ApiProperty() id: string;
  @ApiProperty() version: number;
  @ApiProperty() stationId: string;
  @ApiProperty({ example: '5101**********1234' }) idNumber: string;
  @ApiProperty({ example: '张*' }) name: string;
  @ApiPropertyOptional({
    example: '张三',
    description: 'the full name, in GET /v1/workers/{id} for the station that registered the worker only (it wrote it, and phones the worker); never in lists',
  })
  fullName?: string;
  @ApiProperty({ example: '138****0000' }) phone: string;
  @ApiProperty({ enum: ['male', 'female'] }) gender: 'male' | 'female';
  @ApiProperty() ageYears: number;
  @ApiProperty() homeRegionCode: string;
  @ApiProperty() residenceRegionCode: string;
  @ApiProperty() location: { lat: number; lon: number };
  @ApiProperty() skills: SkillLevel[];
  @ApiProperty({ description: 'Certificates held (十): `{ code, level, issuedOn?, validUntil? }`; no validUntil: does not expire' })
  certificates: CertificateHeld[];
  @ApiPropertyOptional({ description: '劳务品牌 code' }) laborBrand?: string;
  @ApiPropertyOptional({ description: "劳务品牌 name" }) laborBrandName?: string;
  @ApiProperty({ enum: PRIORITY_GROUPS, isArray: true }) priorityGroups: PriorityGroup[];
  @ApiProperty() preferences: WorkerPreferences;
  @ApiProperty({ type: CurrentStatusResponse }) employmentStatus: CurrentStatusResponse;
  @ApiProperty({ description: 'false while employed' }) available: boolean;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;

  /** `laborBrandName`: the name of the worker's brand code (the caller looks it up; seeded or bureau-added). */
  static of(worker: Worker, laborBrandName?: string, now = new Date()): WorkerResponse {
    return {
      id: worker.id,
      version: worker.version,
      stationId: worker.stationId,
      idNumber: worker.idNumberMasked,
      name: worker.nameMasked,
      phone: worker.phoneMasked,
      gender: worker.gender,
      ageYears: ageOn(worker.birthDate, now),
      homeRegionCode: worker.homeRegionCode,
      residenceRegionCode: worker.residenceRegionCode,
      location: { lat: worker.lat, lon: worker.lon },
      skills: worker.skills,
      certificates: worker.certificates.map(({ code, level, issuedOn, validUntil }) => ({ code, level, issuedOn, validUntil })),
      laborBrand: worker.laborBrand ?? undefined,
      laborBrandName: worker.laborBrand ? laborBrandName ?? worker.laborBrand : undefined,
      priorityGroups: worker.priorityGroups,
      preferences: worker.preferences,
      employmentStatus: {
        status: worker.employmentStatus,
        effectiveDate: worker.statusEffectiveDate,
        regionCode: worker.statusRegionCode,
        registeredAt: worker.statusRegisteredAt,
        employer: worker.employer,
      },
      available: isAvailable(worker),
      createdAt: worker.createdAt.toISOString(),
      updatedAt: worker.updatedAt.toISOString(),
    };
  }
}

export class StatusEntryResponse extends CurrentStatusResponse {
  @ApiProperty() source: string;
  @ApiPropertyOptional({
    enum: ['workplace_on_record', 'insurance_declared'],
    nullable: true,
    description: 'set when a station that may not read the worker recorded the entry (九): the employment on record, or its declaration of insurance, in its region',
  })
  basis: AuditedBasis | null;
  @ApiProperty() recordedAt: string;

  static of(entry: EmploymentStatusEntry): StatusEntryResponse {
    return {
      status: entry.status,
      effectiveDate: entry.effectiveDate,
      regionCode: entry.regionCode,
      registeredAt: entry.registeredAt,
      employer: entry.employer,
      source: entry.source,
      basis: entry.basis ?? null,
      recordedAt: entry.recordedAt.toISOString(),
    };
  }
}

/**
 * What a station that may not read the worker gets back from recording a status on an audited
 * basis (九): the entry it made, nothing of the profile (not even whether it became current).
 */
export class RecordedStatusEntryResponse extends CurrentStatusResponse {
  @ApiProperty() workerId: string;
  @ApiProperty() source: string;
  @ApiProperty({ enum: ['workplace_on_record', 'insurance_declared'], description: 'what let the station record it' })
  basis: AuditedBasis;
  @ApiProperty() recordedAt: string;

  static ofAudited(entry: EmploymentStatusEntry): RecordedStatusEntryResponse {
    return { workerId: entry.workerId, ...StatusEntryResponse.of(entry), basis: entry.basis! };
  }
}

export class RegisteredWorkerResponse {
  @ApiProperty() id: string;
}

export class WorkerPageResponse {
  @ApiProperty({ type: [WorkerResponse], description: 'newest registration first' }) items: WorkerResponse[];
  @ApiProperty({ description: 'workers matching the filters, over all pages' }) total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class WorkerLookupResponse {
  @ApiProperty({ type: [WorkerResponse], description: 'the workers with that number whom the caller may read (an ID number: at most one), newest first' })
  items: WorkerResponse[];
}
