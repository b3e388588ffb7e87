import { type Principal } from '@laowu/auth';
import { type SharingPostStatus, type SharingSide } from '@laowu/contracts';
import { chinaDate, isKnownRegion, isKnownSkill } from '@laowu/domain';
import { APP_NAME, DomainError, type FieldProblem } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { EmployerEntity } from '../employers/employer.entity';
import { ERRORS } from '../job-collection.errors';
import { type CreateSharingPostRequest } from './create-sharing-post.request.dto';
import { mayChangePost, mayReadPost, postListScope, sharingRefused } from './sharing.access';
import { SharingPostEntity } from './sharing-post.entity';
import { appendSharingPostChanges } from './sharing-post-changed.event';
import { postPeriodProblems } from './sharing-period';

export interface PostWithEmployer {
  post: SharingPostEntity;
  employer: EmployerEntity;
}

/**
 * 共享用工 offers and requests (二). Every write changes the row and appends its SharingPostChanged
 * (laowu.sharing.v1) in one transaction; a post's changes serialize on its row lock, so versions
 * follow commit order.
 */
@Injectable()
export class SharingPostsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async create(agencyId: string, side: SharingSide, request: CreateSharingPostRequest): Promise<PostWithEmployer> {
    const unknown = referenceProblems(request);
    if (unknown.length) throw DomainError.unprocessable(ERRORS.SHARING_UNKNOWN_REFERENCE, unknown);
    const period = postPeriodProblems(request.from, request.to, chinaDate());
    if (period.length) throw DomainError.unprocessable(ERRORS.SHARING_PERIOD_INVALID, period);
    return this.dataSource.transaction(async (manager) => {
      const employer = await manager.findOneBy(EmployerEntity, { id: request.employerId });
      if (!employer) {
        throw DomainError.unprocessable(ERRORS.SHARING_UNKNOWN_REFERENCE, [
          { field: 'employerId', problem: `${request.employerId} is not a registered employer (POST /v1/employers)` },
        ]);
      }
      const now = new Date();
      const post = Object.assign(new SharingPostEntity(), {
        id: randomUUID(),
        side,
        agencyId,
        employerId: employer.id,
        headcount: request.headcount,
        openHeadcount: request.headcount,
        skills: request.skills.map(({ code, level }) => (level === undefined ? { code } : { code, level })),
        from: request.from,
        to: request.to,
        regionCode: request.regionCode,
        wage: request.wage ? { min: request.wage.min, max: request.wage.max, unit: request.wage.unit } : null,
        status: 'open' as const,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await manager.insert(SharingPostEntity, post);
      await appendSharingPostChanges(manager, [{ post, employer }], this.producer);
      return { post, employer };
    });
  }

  /** Access first: a post of the other side counts as missing, and a missing one as another's (admin: 404). */
  async get(principal: Principal, side: SharingSide, id: string): Promise<PostWithEmployer> {
    const found = await this.dataSource.manager.findOneBy(SharingPostEntity, { id });
    const post = found?.side === side ? found : null;
    if (!mayReadPost(principal, post)) throw sharingRefused();
    if (!post) throw DomainError.notFound(ERRORS.SHARING_NOT_FOUND, `sharing ${side}`);
    return { post, employer: await this.dataSource.manager.findOneByOrFail(EmployerEntity, { id: post.employerId }) };
  }

  /** Withdraw a post (its agency or admin): closed, version + 1; closing a closed post changes nothing. */
  async close(principal: Principal, side: SharingSide, id: string): Promise<PostWithEmployer> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOne(SharingPostEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const post = found?.side === side ? found : null;
      if (!mayChangePost(principal, post)) throw sharingRefused();
      if (!post) throw DomainError.notFound(ERRORS.SHARING_NOT_FOUND, `sharing ${side}`);
      const employer = await manager.findOneByOrFail(EmployerEntity, { id: post.employerId });
      if (post.status === 'closed') return { post, employer };
      post.status = 'closed';
      post.version += 1;
      post.updatedAt = new Date();
      await manager.save(post);
      await appendSharingPostChanges(manager, [{ post, employer }], this.producer);
      return { post, employer };
    });
  }

  /** An agency's own posts, a bureau's region's, an admin's all; newest first. */
  async list(
    principal: Principal,
    side: SharingSide,
    query: { status?: SharingPostStatus; page: number; pageSize: number },
  ): Promise<{ items: PostWithEmployer[]; total: number }> {
    const scope = postListScope(principal);
    const builder = this.dataSource.manager.createQueryBuilder(SharingPostEntity, 'p').where('p.side = :side', { side });
    if (scope.kind === 'agency') builder.andWhere('p.agency_id = :agencyId', { agencyId: scope.agencyId });
    if (scope.kind === 'region') builder.andWhere('p.region_code LIKE :prefix', { prefix: `${scope.prefix}%` });
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    const [posts, total] = await builder
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const employers = await employersOf(this.dataSource.manager, posts.map((p) => p.employerId));
    return { items: posts.map((post) => ({ post, employer: employers.get(post.employerId)! })), total };
  }
}

/** The registered employers with these ids, by id. */
export async function employersOf(manager: EntityManager, ids: string[]): Promise<Map<string, EmployerEntity>> {
  if (!ids.length) return new Map();
  const rows = await manager.findBy(EmployerEntity, { id: In([...new Set(ids)]) });
  return new Map(rows.map((row) => [row.id, row]));
}

/** Well-formed codes the reference data does not know (skill taxonomy, GB/T 2260 regions). */
function referenceProblems(request: CreateSharingPostRequest): FieldProblem[] {
  const problems: FieldProblem[] = [];
  request.skills.forEach((skill, i) => {
    if (!isKnownSkill(skill.code)) problems.push({ field: `skills.${i}.code`, problem: `${skill.code} is not in the skill taxonomy` });
  });
  if (!isKnownRegion(request.regionCode)) problems.push({ field: 'regionCode', problem: `${request.regionCode} is not a known GB/T 2260 region code` });
  return problems;
}
