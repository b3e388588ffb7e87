import { type Principal } from '@laowu/auth';
import { regionPrefix } from '@laowu/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { PiiCipher } from '../pii/pii-cipher';
import { type ListWorkersRequest } from './list-workers.request.dto';
import { type LookupKey } from './lookup-workers.request.dto';
import { canRead } from './worker.access';
import { Worker } from './worker.entity';

/**
 * The station console's ways to find workers: a filtered page of the caller's workers, and the exact
 * lookup of one resident ID or mobile number through their blind indexes (the numbers themselves
 * are stored only encrypted). Neither shows a worker the caller may not read.
 */
@Injectable()
export class WorkerDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PiiCipher,
  ) {}

  /** A station's own registered workers, a bureau's residents of its region, anyone for admin; newest first. */
  async list(principal: Principal, query: ListWorkersRequest): Promise<{ items: Worker[]; total: number }> {
    const builder = this.scoped(principal);
    if (query.status !== undefined) builder.andWhere('w.employment_status = :status', { status: query.status });
    if (query.priorityGroup !== undefined) builder.andWhere(':group = ANY(w.priority_groups)', { group: query.priorityGroup });
    if (query.willingToMigrate !== undefined) builder.andWhere('w.willing_to_migrate = :willing', { willing: query.willingToMigrate === 'true' });
    if (query.skill !== undefined) builder.andWhere('w.skills @> CAST(:skill AS jsonb)', { skill: JSON.stringify([{ code: query.skill }]) });
    if (query.workerIds !== undefined) builder.andWhere('w.id = ANY(:workerIds)', { workerIds: query.workerIds });
    const [items, total] = await builder
      .orderBy('w.createdAt', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  /** The workers with this number whom the caller may read (the others are left out, as if absent), newest first. */
  async lookup(principal: Principal, key: LookupKey): Promise<Worker[]> {
    const where = 'idNumber' in key ? { idNumberHash: this.cipher.blindIndex(key.idNumber) } : { phoneHash: this.cipher.phoneIndex(key.phone) };
    const found = await this.dataSource.getRepository(Worker).find({ where, order: { createdAt: 'DESC', id: 'DESC' } });
    return found.filter((worker) => canRead(principal, worker));
  }

  /** The workers the caller's list covers (the roles allowed are the route's: station, bureau, admin). */
  private scoped(principal: Principal): SelectQueryBuilder<Worker> {
    const builder = this.dataSource.getRepository(Worker).createQueryBuilder('w');
    switch (principal.role) {
      case 'admin':
        return builder;
      case 'station':
        return builder.where('w.station_id = :stationId', { stationId: principal.sub });
      case 'bureau':
        return builder.where('w.residence_region_code LIKE :prefix', { prefix: `${regionPrefix(principal.region)}%` });
      default:
        return builder.where('false');
    }
  }
}
