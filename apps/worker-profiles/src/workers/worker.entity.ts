import type { EmploymentStatus, JobKind, PriorityGroup, WageUnit } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegistrationBasis = 'residence' | 'employment' | 'insured';

export interface SkillLevel {
  code: string;
  level: number;
}

/** A certificate held (十): `validUntil` is the last valid day, none for one that does not expire (or is not known to). */
export interface CertificateHeld extends SkillLevel {
  issuedOn?: string;
  validUntil?: string;
}

export interface WorkerPreferences {
  kinds: JobKind[];
  willingToMigrate: boolean;
  targetRegionCodes: string[];
  maxCommuteKm: number;
  minWage?: { amount: number; unit: WageUnit };
  availableFrom?: string;
}

/**
 * A registered worker (农民工 / 脱贫人口). Personal data exists here only as ciphertext (`*Enc`,
 * AES-256-GCM, see PiiCipher) and as the masked form every response shows. `version` grows by one
 * with every change and orders the worker's events.
 */
@Entity({ name: 'workers' })
export class Worker {
  @PrimaryColumn('uuid') id: string;
  @Column('integer') version: number;
  @Column('text', { name: 'station_id' }) stationId: string;

  @Column('text', { name: 'id_number_enc' }) idNumberEnc: string;
  @Column('bytea', { name: 'id_number_hash' }) idNumberHash: Buffer;
  @Column('text', { name: 'id_number_masked' }) idNumberMasked: string;
  @Column('text', { name: 'name_enc' }) nameEnc: string;
  @Column('text', { name: 'name_masked' }) nameMasked: string;
  @Column('text', { name: 'phone_enc' }) phoneEnc: string;
  @Column('text', { name: 'phone_masked' }) phoneMasked: string;
  /** Blind index of the normalised phone (PiiCipher.phoneIndex); null only on rows the start-up backfill has not reached yet. */
  @Column('bytea', { name: 'phone_hash', nullable: true }) phoneHash: Buffer | null;
  /** The key all three ciphertexts of this row were last written with (rotation progress). */
  @Column('text', { name: 'pii_key_id' }) piiKeyId: string;

  /** From the ID number (YYYY-MM-DD); never leaves this service, events carry age in years. */
  @Column('date', { name: 'birth_date' }) birthDate: string;
  @Column('text') gender: 'male' | 'female';

  /** 户籍地 */
  @Column('text', { name: 'home_region_code' }) homeRegionCode: string;
  /** 常住地 */
  @Column('text', { name: 'residence_region_code' }) residenceRegionCode: string;
  @Column('double precision') lat: number;
  @Column('double precision') lon: number;

  @Column('jsonb') skills: SkillLevel[];
  @Column('jsonb') certificates: CertificateHeld[];
  /** 劳务品牌 (四): a code of the seeded registry or of one a bureau added; the response adds its name. */
  @Column('text', { name: 'labor_brand', nullable: true }) laborBrand: string | null;
  @Column('text', { name: 'priority_groups', array: true }) priorityGroups: PriorityGroup[];
  @Column('jsonb') preferences: WorkerPreferences;
  /** Mirrors preferences.willingToMigrate for the willing-to-migrate list's index. */
  @Column('boolean', { name: 'willing_to_migrate' }) willingToMigrate: boolean;

  /** The current status: the latest effective entry of the history, copied here for lists. */
  @Column('text', { name: 'employment_status' }) employmentStatus: EmploymentStatus;
  @Column('date', { name: 'status_effective_date' }) statusEffectiveDate: string;
  @Column('text', { name: 'status_region_code' }) statusRegionCode: string;
  @Column('text', { name: 'status_registered_at', nullable: true }) statusRegisteredAt: RegistrationBasis | null;
  @Column('text', { nullable: true }) employer: string | null;

  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** Open to job offers: anyone not employed (the event's `available`, the response's too). */
export function isAvailable(worker: Pick<Worker, 'employmentStatus'>): boolean {
  return worker.employmentStatus !== 'employed';
}
