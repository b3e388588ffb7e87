import { type Principal } from '@laowu/auth';
import { creditCodeProblem, redactPersonalNumbers, regionPrefix } from '@laowu/domain';
import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { SCHEMA } from '../schema';
import { WorkersViewService } from '../workers-view/workers-view.service';
import { type ChangeComplaintStatusRequest } from './change-complaint-status.request.dto';
import { complaintMissing, complaintNotYours, mayChangeStatus, mayFileFor, mayRead, regionScopeFor, workerNotYours } from './complaint.access';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintRouting } from './complaint-routing';
import { assertMayMove, COMPLAINT_KINDS, type ComplaintKind, OPEN_COMPLAINT_STATUSES } from './complaint-status';
import { type FileComplaintRequest } from './file-complaint.request.dto';
import { type ListComplaintsRequest } from './list-complaints.request.dto';
import { type EmployerComplaintCountsView } from './complaint.response.dto';

/**
 * 维权 / 根治欠薪 complaints (十一). No event is published: complaints stay in job-collection,
 * and what they hold about the worker is its id.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workers: WorkersViewService,
    private readonly routing: ComplaintRouting,
  ) {}

  async file(principal: Principal, request: FileComplaintRequest): Promise<ComplaintEntity> {
    // Access first: another station's worker and an unknown one get the same refusal.
    if (!mayFileFor(principal, await this.workers.stationOf(request.workerId))) throw workerNotYours();
    const { employer } = request;
    if (employer.creditCode !== undefined) {
      const problem = creditCodeProblem(employer.creditCode);
      if (problem) throw DomainError.unprocessable(ERRORS.COMPLAINT_CREDIT_CODE_INVALID, [{ field: 'employer.creditCode', problem }]);
    }
    const routedRegionCode = await this.routing.routedRegionOf(employer);
    const now = new Date();
    const complaint = Object.assign(new ComplaintEntity(), {
      id: randomUUID(),
      stationId: principal.sub,
      workerId: request.workerId,
      placementId: request.placementId ?? null,
      employerName: employer.name.trim(),
      employerCreditCode: employer.creditCode ?? null,
      employerRegionCode: employer.regionCode ?? null,
      routedRegionCode,
      kind: request.kind,
      amount: request.amount ?? null,
      description: redactPersonalNumbers(request.description),
      status: 'received' as const,
      history: [{ status: 'received' as const, at: now.toISOString(), by: principal.sub }],
      filedAt: now,
      updatedAt: now,
    });
    await this.dataSource.manager.insert(ComplaintEntity, complaint);
    return complaint;
  }

  async get(principal: Principal, id: string): Promise<ComplaintEntity> {
    const complaint = await this.dataSource.manager.findOneBy(ComplaintEntity, { id });
    if (!complaint) throw complaintMissing(principal);
    if (!mayRead(principal, complaint)) throw complaintNotYours();
    return complaint;
  }

  /** A bureau's: routed into the region asked (inside its own); a station's: those it filed; admin: all. Newest first. */
  async list(principal: Principal, query: ListComplaintsRequest): Promise<{ items: ComplaintEntity[]; total: number }> {
    const region = regionScopeFor(principal, query.regionCode);
    const qb = this.dataSource.manager.createQueryBuilder(ComplaintEntity, 'c');
    if (principal.role === 'station') qb.andWhere('c.station_id = :station', { station: principal.sub });
    if (region !== null) qb.andWhere('c.routed_region_code LIKE :prefix', { prefix: `${regionPrefix(region)}%` });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.workerId) qb.andWhere('c.worker_id = :workerId', { workerId: query.workerId });
    const [items, total] = await qb
      .orderBy('c.filed_at', 'DESC')
      .addOrderBy('c.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items, total };
  }

  async changeStatus(principal: Principal, id: string, request: ChangeComplaintStatusRequest): Promise<ComplaintEntity> {
    return this.dataSource.transaction(async (manager) => {
      const complaint = await manager.findOne(ComplaintEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!complaint) throw complaintMissing(principal);
      if (!mayChangeStatus(principal, complaint)) throw complaintNotYours();
      assertMayMove(complaint.status, request.status);
      const now = new Date();
      const note = request.note === undefined ? undefined : redactPersonalNumbers(request.note);
      complaint.status = request.status;
      complaint.history = [...complaint.history, { status: request.status, at: now.toISOString(), by: principal.sub, ...(note === undefined ? {} : { note }) }];
      complaint.updatedAt = now;
      await manager.save(complaint);
      return complaint;
    });
  }

  /** Per employer (by credit code, else by name) of the complaints routed into the region: total, open, per kind. Most complaints first. */
  async countsByEmployer(principal: Principal, regionCode: string | undefined): Promise<EmployerComplaintCountsView[]> {
    const region = regionScopeFor(principal, regionCode);
    const rows: { key: string; credit_code: string | null; kind: ComplaintKind; total: number; open: number; name: string; latest: Date }[] =
      await this.dataSource.query(
        `SELECT coalesce(employer_credit_code, 'name:' || lower(employer_name)) AS key, max(employer_credit_code) AS credit_code, kind,
                count(*)::int AS total, (count(*) FILTER (WHERE status = ANY($2::text[])))::int AS open,
                (array_agg(employer_name ORDER BY filed_at DESC))[1] AS name, max(filed_at) AS latest
         FROM "${SCHEMA}".complaints
         WHERE ($1::text IS NULL OR routed_region_code LIKE $1 || '%')
         GROUP BY 1, kind`,
        [region === null ? null : regionPrefix(region), OPEN_COMPLAINT_STATUSES],
      );
    const byEmployer = new Map<string, EmployerComplaintCountsView & { latest: number }>();
    for (const row of rows) {
      const latest = new Date(row.latest).getTime();
      const seen = byEmployer.get(row.key) ?? { ...(row.credit_code ? { creditCode: row.credit_code } : {}), name: row.name, total: 0, open: 0, byKind: {}, latest };
      seen.total += row.total;
      seen.open += row.open;
      seen.byKind[row.kind] = row.total;
      if (latest > seen.latest) Object.assign(seen, { name: row.name, latest });
      byEmployer.set(row.key, seen);
    }
    return [...byEmployer.values()]
      .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name))
      .map(({ latest: _latest, byKind, ...counts }) => ({ ...counts, byKind: Object.fromEntries(COMPLAINT_KINDS.filter((k) => byKind[k]).map((k) => [k, byKind[k]])) }));
  }
}
