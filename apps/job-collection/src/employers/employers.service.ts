import { type Principal } from '@laowu/auth';
import { chinaDate, creditCodeProblem, isKnownRegion, regionPrefix } from '@laowu/domain';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { SCHEMA } from '../schema';
import { employerListScope, employerRefused, mayChangeEmployer, mayReadEmployer } from './employer.access';
import { EmployerEntity } from './employer.entity';
import { appendEmployerRegistered } from './employer-registered.event';
import { type WorkshopFigures } from './employer.response.dto';
import { type ChangeEmployerRequest, type RegisterEmployerRequest } from './register-employer.request.dto';

export interface EmployerListQuery {
  creditCode?: string;
  regionCode?: string;
  page: number;
  pageSize: number;
}

/**
 * The employer registry. A registration is race-safe: the unique credit code decides, and a
 * concurrent second registration of the same code waits for the first insert and then gets 409
 * with its id. Row and EmployerRegistered commit together.
 */
@Injectable()
export class EmployersService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async register(agencyId: string, request: RegisterEmployerRequest): Promise<EmployerEntity> {
    const creditCode = request.creditCode.toUpperCase();
    const problem = creditCodeProblem(creditCode);
    if (problem) throw DomainError.unprocessable(ERRORS.EMPLOYER_CREDIT_CODE_INVALID, [{ field: 'creditCode', problem }]);
    if (!isKnownRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.EMPLOYER_UNKNOWN_REFERENCE, [
        { field: 'regionCode', problem: `${request.regionCode} is not a known GB/T 2260 region code` },
      ]);
    }
    const now = new Date();
    const employer = Object.assign(new EmployerEntity(), {
      id: randomUUID(), agencyId, name: request.name, creditCode, regionCode: request.regionCode, workshop: request.workshop ?? false,
      version: 1, registeredAt: now, updatedAt: now,
    });
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO "${SCHEMA}".employers (id, agency_id, name, credit_code, region_code, workshop, version, registered_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (credit_code) DO NOTHING RETURNING id`,
        [employer.id, agencyId, employer.name, creditCode, employer.regionCode, employer.workshop, 1, now, now],
      );
      if (!inserted.length) {
        const existing = await manager.findOneByOrFail(EmployerEntity, { creditCode });
        throw DomainError.conflict(ERRORS.EMPLOYER_ALREADY_REGISTERED, `credit code ${creditCode} is registered already`, { existingId: existing.id });
      }
      await appendEmployerRegistered(manager, employer, this.producer);
      return employer;
    });
  }

  /** Access first (one refusal whether it exists or not); then 404 for an admin. */
  async get(principal: Principal, id: string): Promise<{ employer: EmployerEntity; figures?: WorkshopFigures }> {
    const employer = await this.dataSource.manager.findOneBy(EmployerEntity, { id });
    if (!mayReadEmployer(principal, employer)) throw employerRefused();
    if (!employer) throw DomainError.notFound(ERRORS.EMPLOYER_NOT_FOUND, 'employer');
    return { employer, figures: employer.workshop ? await this.workshopFigures(employer) : undefined };
  }

  /** Switch the 就业帮扶车间 flag: a new version and event when it changes, nothing otherwise. */
  async change(principal: Principal, id: string, request: ChangeEmployerRequest): Promise<{ employer: EmployerEntity; figures?: WorkshopFigures }> {
    const employer = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(EmployerEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!mayChangeEmployer(principal, row)) throw employerRefused();
      if (!row) throw DomainError.notFound(ERRORS.EMPLOYER_NOT_FOUND, 'employer');
      if (row.workshop === request.workshop) return row;
      row.workshop = request.workshop;
      row.version += 1;
      row.updatedAt = new Date();
      await manager.save(row);
      await appendEmployerRegistered(manager, row, this.producer);
      return row;
    });
    return { employer, figures: employer.workshop ? await this.workshopFigures(employer) : undefined };
  }

  async list(principal: Principal, query: EmployerListQuery): Promise<{ items: EmployerEntity[]; total: number }> {
    const scope = employerListScope(principal, query);
    const builder = this.dataSource.manager.createQueryBuilder(EmployerEntity, 'e');
    if (scope.kind === 'agency') builder.andWhere('e.agency_id = :agencyId', { agencyId: scope.agencyId });
    if (scope.kind === 'region') builder.andWhere('e.region_code LIKE :prefix', { prefix: `${scope.prefix}%` });
    if (query.creditCode) builder.andWhere('e.credit_code = :creditCode', { creditCode: query.creditCode.toUpperCase() });
    if (query.regionCode) {
      builder.andWhere('e.region_code LIKE :filter', { filter: `${regionPrefix(query.regionCode)}%` });
    }
    const [items, total] = await builder
      .orderBy('e.registered_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /**
   * 就业帮扶车间 figures from the placement ledger: active placements now, and distinct workers whose
   * placement ran at some time this calendar year (China time), of 脱贫人口 and 监测对象 only. A
   * placement counts for the employer it names by id, or by credit code.
   */
  async workshopFigures(employer: EmployerEntity): Promise<WorkshopFigures> {
    const yearStart = `${chinaDate().slice(0, 4)}-01-01`;
    const [row]: { now: number; year: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE end_date IS NULL)::int AS now,
              count(DISTINCT worker_id) FILTER (WHERE end_date IS NULL OR end_date >= $3::date)::int AS year
         FROM "${SCHEMA}".employer_placements
        WHERE (employer_id = $1 OR employer_credit_code = $2) AND poverty_alleviated`,
      [employer.id, employer.creditCode, yearStart],
    );
    return { povertyAlleviatedEmployed: row.now, povertyAlleviatedEmployedThisYear: row.year };
  }
}
