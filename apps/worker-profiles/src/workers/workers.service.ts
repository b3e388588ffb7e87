import { TOPICS } from '@laowu/contracts';
import { chinaDate, findRegion, maskPhone, maskResidentId, parseResidentId } from '@laowu/domain';
import { appendToOutbox } from '@laowu/messaging';
import { Principal } from '@laowu/auth';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { maskName } from '../common/masking';
import { LaborBrandsService } from '../labor-brands/labor-brands.service';
import { PiiCipher } from '../pii/pii-cipher';
import { SCHEMA } from '../schema';
import { ERRORS } from '../worker-profiles.errors';
import { EmploymentStatusService, initialStatus } from './employment-status.service';
import { EmploymentStatusEntry } from './employment-status-entry.entity';
import { PatchWorkerRequest } from './patch-worker.request.dto';
import { assertKnownCodes, assertUniqueCodes } from './reference-codes';
import { RegisterWorkerRequest, WorkerPreferencesRequest } from './register-worker.request.dto';
import { certificatesHeld } from './certificates-held';
import { assertCanRegister, canRead, canWrite, forbiddenWorker, registeredBy } from './worker.access';
import { workerChangedEvent } from './worker-changed.event';
import { Worker, WorkerPreferences } from './worker.entity';
import { WorkerResponse } from './worker.response.dto';
import { lockWorkerRow } from './worker.lock';

const UNIQUE_VIOLATION = '23505';
const DEFAULT_MAX_COMMUTE_KM = 30;
const ALL_KINDS: WorkerPreferences['kinds'] = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];

/** Who holds a registered resident ID number: enough to decide whether the caller may be told its id. */
export type RegisteredHolder = Pick<Worker, 'id' | 'stationId' | 'residenceRegionCode'>;

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === UNIQUE_VIOLATION;
}

/**
 * Registering and changing workers. Every write is one transaction: the worker row, its status
 * history entry and the WorkerChanged outbox row commit together or not at all, so a crash
 * halfway leaves no trace and the caller may simply retry (a retried registration answers 409
 * with the id of the worker the first attempt created).
 */
@Injectable()
export class WorkersService {
  private readonly logger = new Logger(WorkersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
    private readonly statuses: EmploymentStatusService,
    private readonly brands: LaborBrandsService,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async register(principal: Principal, request: RegisterWorkerRequest): Promise<{ id: string }> {
    const worker = await this.prepareRegistration(principal, request);
    await this.assertNotRegistered(principal, worker.idNumberHash);
    try {
      await this.insertRegistered(principal, worker, request.employmentStatus !== undefined);
    } catch (error) {
      // Two registrations of one number racing: the unique blind index lets exactly one in.
      if (isUniqueViolation(error)) await this.assertNotRegistered(principal, worker.idNumberHash);
      throw error;
    }
    return { id: worker.id };
  }

  /**
   * Everything a registration decides before it writes, in the order a single POST decides it:
   * access (403), codes (400 for one given twice, 422 for unknown ones), the ID number (400). Returns
   * the worker it would create; writes nothing.
   */
  async prepareRegistration(principal: Principal, request: RegisterWorkerRequest): Promise<Worker> {
    assertCanRegister(principal, request.stationId);
    const laborBrand = await this.checkCodes(request);
    const identity = parseResidentId(request.idNumber);
    if (!identity.ok) throw DomainError.invalid(ERRORS.REQUEST_INVALID, [{ field: 'idNumber', problem: identity.problem }]);
    return this.newWorker(request, identity, this.cipher.blindIndex(identity.id), new Date(), laborBrand ?? null);
  }

  /**
   * One transaction: the worker row, its first status history entry and its WorkerChanged outbox
   * row. A unique violation (the number registered meanwhile) is the caller's to answer.
   */
  async insertRegistered(principal: Principal, worker: Worker, statusGiven: boolean): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(Worker, worker);
      await this.statuses.appendInitialEntry(manager, worker, `${principal.role}:${principal.sub}`, statusGiven);
      await appendToOutbox(manager, SCHEMA, TOPICS.workers, [workerChangedEvent(worker, worker.createdAt, this.producer)]);
    });
    this.logger.log({ workerId: worker.id, stationId: worker.stationId }, 'worker registered');
  }

  /** The workers already registered under these ID blind indexes, by the index's hex. */
  async registeredHolders(idNumberHashes: Buffer[]): Promise<Map<string, RegisteredHolder>> {
    if (!idNumberHashes.length) return new Map();
    const rows: (RegisteredHolder & { hash: Buffer })[] = await this.dataSource.query(
      `SELECT id, station_id AS "stationId", residence_region_code AS "residenceRegionCode", id_number_hash AS hash
         FROM "${SCHEMA}".workers WHERE id_number_hash = ANY($1::bytea[])`,
      [idNumberHashes],
    );
    return new Map(rows.map(({ hash, ...holder }) => [hash.toString('hex'), holder]));
  }

  async get(principal: Principal, id: string): Promise<Worker> {
    const worker = await this.dataSource.getRepository(Worker).findOneBy({ id });
    if (!worker) throw DomainError.notFound(ERRORS.WORKER_NOT_FOUND, 'worker');
    if (!canRead(principal, worker)) throw forbiddenWorker();
    return worker;
  }

  async history(principal: Principal, id: string): Promise<EmploymentStatusEntry[]> {
    await this.get(principal, id);
    return this.dataSource.getRepository(EmploymentStatusEntry).find({ where: { workerId: id }, order: { effectiveDate: 'ASC', seq: 'ASC' } });
  }

  /** The worker as the API shows it, with its 劳务品牌's name (seeded or bureau-added). */
  async respond(worker: Worker): Promise<WorkerResponse> {
    return WorkerResponse.of(worker, await this.brands.nameOf(worker.laborBrand));
  }

  /** One worker's page: as respond, with the full name for the station that registered the worker. */
  async respondTo(principal: Principal, worker: Worker): Promise<WorkerResponse> {
    const response = await this.respond(worker);
    return registeredBy(principal, worker) ? { ...response, fullName: this.cipher.decrypt(worker.nameEnc, worker.id, 'name') } : response;
  }

  /** Many workers as the API shows them: each distinct brand's name is looked up once. */
  async respondAll(workers: Worker[]): Promise<WorkerResponse[]> {
    const codes = [...new Set(workers.map((w) => w.laborBrand))];
    const names = new Map(await Promise.all(codes.map(async (code) => [code, await this.brands.nameOf(code)] as const)));
    return workers.map((worker) => WorkerResponse.of(worker, names.get(worker.laborBrand)));
  }

  async patch(principal: Principal, id: string, request: PatchWorkerRequest): Promise<Worker> {
    return this.dataSource.transaction(async (manager) => {
      const worker = await lockWorkerRow(manager, id);
      if (!canWrite(principal, worker)) throw forbiddenWorker();
      const laborBrand = await this.checkCodes(request);
      this.applyPatch(worker, request);
      if (laborBrand !== undefined) worker.laborBrand = laborBrand;
      this.reencryptIfRotated(worker, request);
      worker.version += 1;
      worker.updatedAt = new Date();
      await manager.save(Worker, worker);
      await appendToOutbox(manager, SCHEMA, TOPICS.workers, [workerChangedEvent(worker, worker.updatedAt, this.producer)]);
      return worker;
    });
  }

  /**
   * 400 for a code given twice; 422 naming every code that names nothing (regions, skills,
   * certificates, the 劳务品牌) and every certificate valid until before it was issued. Returns the
   * brand's code when one was given.
   */
  private async checkCodes(request: RegisterWorkerRequest | PatchWorkerRequest): Promise<string | undefined> {
    assertUniqueCodes('skills', request.skills);
    assertUniqueCodes('certificates', request.certificates);
    const brand = request.laborBrand === undefined ? undefined : await this.brands.resolve(request.laborBrand);
    assertKnownCodes({
      regions: { homeRegionCode: request.homeRegionCode, residenceRegionCode: request.residenceRegionCode },
      targetRegionCodes: request.preferences?.targetRegionCodes,
      skills: request.skills,
      certificates: request.certificates,
      laborBrand: request.laborBrand === undefined ? undefined : { given: request.laborBrand, known: brand !== undefined },
    });
    return brand?.code;
  }

  /**
   * 409 when the number is registered. The existing id goes only to a caller who may read that
   * worker: to anyone else it would make every registration a lookup of who is registered.
   */
  private async assertNotRegistered(principal: Principal, idNumberHash: Buffer): Promise<void> {
    const existing = (await this.registeredHolders([idNumberHash])).get(idNumberHash.toString('hex'));
    if (existing) {
      throw DomainError.conflict(
        ERRORS.WORKER_ALREADY_REGISTERED,
        'a worker with this resident ID number is already registered',
        canRead(principal, existing) ? { existingId: existing.id } : undefined,
      );
    }
  }

  private newWorker(
    request: RegisterWorkerRequest,
    identity: { id: string; birthDate: string; gender: 'male' | 'female' },
    idNumberHash: Buffer,
    now: Date,
    laborBrand: string | null,
  ): Worker {
    const id = randomUUID();
    const residence = findRegion(request.residenceRegionCode)!;
    const preferences = mergePreferences(undefined, request.preferences);
    return Object.assign(new Worker(), {
      id,
      version: 1,
      stationId: request.stationId,
      ...this.encryptedIdentity(id, identity.id, request.name, request.phone),
      idNumberHash,
      birthDate: identity.birthDate,
      gender: identity.gender,
      homeRegionCode: request.homeRegionCode,
      residenceRegionCode: request.residenceRegionCode,
      lat: request.location?.lat ?? residence.lat,
      lon: request.location?.lon ?? residence.lon,
      skills: (request.skills ?? []).map(({ code, level }) => ({ code, level })),
      certificates: certificatesHeld(request.certificates ?? []),
      laborBrand,
      priorityGroups: request.priorityGroups ?? [],
      preferences,
      willingToMigrate: preferences.willingToMigrate,
      ...initialStatus(request.residenceRegionCode, request.employmentStatus, chinaDate(now)),
      createdAt: now,
      updatedAt: now,
    } satisfies Worker);
  }

  private encryptedIdentity(workerId: string, idNumber: string, name: string, phone: string) {
    return {
      idNumberEnc: this.cipher.encrypt(idNumber, workerId, 'idNumber'),
      idNumberMasked: maskResidentId(idNumber),
      nameEnc: this.cipher.encrypt(name, workerId, 'name'),
      nameMasked: maskName(name),
      phoneEnc: this.cipher.encrypt(phone, workerId, 'phone'),
      phoneMasked: maskPhone(phone),
      phoneHash: this.cipher.phoneIndex(phone),
      piiKeyId: this.cipher.activeKeyId,
    };
  }

  private applyPatch(worker: Worker, request: PatchWorkerRequest): void {
    if (request.homeRegionCode !== undefined) worker.homeRegionCode = request.homeRegionCode;
    if (request.residenceRegionCode !== undefined) worker.residenceRegionCode = request.residenceRegionCode;
    if (request.location !== undefined) Object.assign(worker, { lat: request.location.lat, lon: request.location.lon });
    if (request.skills !== undefined) worker.skills = request.skills.map(({ code, level }) => ({ code, level }));
    if (request.certificates !== undefined) worker.certificates = certificatesHeld(request.certificates);
    if (request.priorityGroups !== undefined) worker.priorityGroups = request.priorityGroups;
    if (request.preferences !== undefined) {
      worker.preferences = mergePreferences(worker.preferences, request.preferences);
      worker.willingToMigrate = worker.preferences.willingToMigrate;
    }
  }

  /**
   * A new name or phone is encrypted with the active key; and whenever a row is written, values
   * still under an older key are re-encrypted, so rotation completes as workers are touched.
   */
  private reencryptIfRotated(worker: Worker, request: PatchWorkerRequest): void {
    if (request.name === undefined && request.phone === undefined && worker.piiKeyId === this.cipher.activeKeyId) return;
    const idNumber = this.cipher.decrypt(worker.idNumberEnc, worker.id, 'idNumber');
    const name = request.name ?? this.cipher.decrypt(worker.nameEnc, worker.id, 'name');
    const phone = request.phone ?? this.cipher.decrypt(worker.phoneEnc, worker.id, 'phone');
    Object.assign(worker, this.encryptedIdentity(worker.id, idNumber, name, phone));
  }
}

function mergePreferences(current: WorkerPreferences | undefined, request: WorkerPreferencesRequest | undefined): WorkerPreferences {
  const merged: WorkerPreferences = {
    kinds: request?.kinds ?? current?.kinds ?? ALL_KINDS,
    willingToMigrate: request?.willingToMigrate ?? current?.willingToMigrate ?? false,
    targetRegionCodes: request?.targetRegionCodes ?? current?.targetRegionCodes ?? [],
    maxCommuteKm: request?.maxCommuteKm ?? current?.maxCommuteKm ?? DEFAULT_MAX_COMMUTE_KM,
  };
  const minWage = request?.minWage ?? current?.minWage;
  if (minWage) merged.minWage = { amount: minWage.amount, unit: minWage.unit };
  const availableFrom = request?.availableFrom ?? current?.availableFrom;
  if (availableFrom) merged.availableFrom = availableFrom;
  return merged;
}
