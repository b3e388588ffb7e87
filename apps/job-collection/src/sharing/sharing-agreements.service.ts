import { type Principal } from '@laowu/auth';
import { chinaDate } from '@laowu/domain';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type EmployerEntity } from '../employers/employer.entity';
import { ERRORS } from '../job-collection.errors';
import { SCHEMA } from '../schema';
import { type CreateSharingAgreementRequest } from './create-sharing-agreement.request.dto';
import { mayAgree, mayReadAgreement, sharingRefused } from './sharing.access';
import { SharingAgreementEntity } from './sharing-agreement.entity';
import { appendSharingAgreed } from './sharing-agreed.event';
import { SharingPostEntity } from './sharing-post.entity';
import { appendSharingPostChanges } from './sharing-post-changed.event';
import { agreementDates } from './sharing-period';
import { employersOf } from './sharing-posts.service';

export interface AgreementWithEmployers {
  agreement: SharingAgreementEntity;
  lender: EmployerEntity;
  borrower: EmployerEntity;
}

/**
 * 共享用工 agreements (二). One transaction locks both posts (SELECT … FOR UPDATE, in id order so
 * two agreements never deadlock), checks them as they are after every earlier agreement
 * committed, lowers both openHeadcounts, stores the agreement and appends two SharingPostChanged
 * and one SharingAgreed. Concurrent agreements on a post serialize on its row lock, so the open
 * headcount is never overdrawn (the table's CHECK open_headcount >= 0 backs this up).
 */
@Injectable()
export class SharingAgreementsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async create(principal: Principal, request: CreateSharingAgreementRequest): Promise<AgreementWithEmployers> {
    return this.dataSource.transaction(async (manager) => {
      const { offer, request: wanted } = await lockPosts(manager, request.offerId, request.requestId);
      if (!mayAgree(principal, offer, wanted)) throw sharingRefused();
      if (!offer) throw unknownPost('offerId', request.offerId, 'offer');
      if (!wanted) throw unknownPost('requestId', request.requestId, 'request');
      const workerIds = request.workerIds ?? [];
      if (workerIds.length > request.headcount) {
        throw DomainError.unprocessable(ERRORS.SHARING_AGREEMENT_INVALID, [
          { field: 'workerIds', problem: `names ${workerIds.length} workers for a headcount of ${request.headcount}` },
        ]);
      }
      if (offer.employerId === wanted.employerId) {
        throw DomainError.unprocessable(ERRORS.SHARING_AGREEMENT_INVALID, [{ field: 'requestId', problem: 'an employer cannot lend staff to itself' }]);
      }
      for (const [field, post] of [['offerId', offer], ['requestId', wanted]] as const) {
        if (post.status !== 'open') throw new DomainError(ERRORS.SHARING_POST_CLOSED, `the ${post.side} is closed`, 409, [{ field, problem: `the ${post.side} is closed` }]);
      }
      const dated = agreementDates(offer, wanted, request.returnDate, chinaDate());
      if (dated.problem) throw DomainError.unprocessable(ERRORS.SHARING_AGREEMENT_INVALID, [dated.problem]);
      const open = Math.min(offer.openHeadcount, wanted.openHeadcount);
      if (request.headcount > open) {
        throw new DomainError(
          ERRORS.SHARING_HEADCOUNT_EXCEEDED,
          `headcount ${request.headcount} exceeds the open headcount (offer ${offer.openHeadcount}, request ${wanted.openHeadcount})`,
          409,
          [{ field: 'headcount', problem: `at most ${open}: the offer has ${offer.openHeadcount} open, the request ${wanted.openHeadcount}` }],
          { offerOpenHeadcount: offer.openHeadcount, requestOpenHeadcount: wanted.openHeadcount },
        );
      }
      const now = new Date();
      for (const post of [offer, wanted]) {
        post.openHeadcount -= request.headcount;
        post.version += 1;
        post.updatedAt = now;
        await manager.save(post);
      }
      const agreement = Object.assign(new SharingAgreementEntity(), {
        id: randomUUID(),
        offerId: offer.id,
        requestId: wanted.id,
        agencyId: principal.sub,
        headcount: request.headcount,
        workerIds,
        startDate: dated.dates.startDate,
        returnDate: request.returnDate,
        agreedAt: now,
      });
      await manager.insert(SharingAgreementEntity, agreement);
      const employers = await employersOf(manager, [offer.employerId, wanted.employerId]);
      const lender = employers.get(offer.employerId)!;
      const borrower = employers.get(wanted.employerId)!;
      await appendSharingPostChanges(manager, [{ post: offer, employer: lender }, { post: wanted, employer: borrower }], this.producer);
      await appendSharingAgreed(manager, agreement, lender, borrower, this.producer);
      return { agreement, lender, borrower };
    });
  }

  async get(principal: Principal, id: string): Promise<AgreementWithEmployers> {
    const manager = this.dataSource.manager;
    const agreement = await manager.findOneBy(SharingAgreementEntity, { id });
    const posts = agreement ? await manager.findBy(SharingPostEntity, { id: In([agreement.offerId, agreement.requestId]) }) : [];
    const offer = posts.find((p) => p.id === agreement?.offerId);
    const request = posts.find((p) => p.id === agreement?.requestId);
    const employers = offer && request ? await employersOf(manager, [offer.employerId, request.employerId]) : new Map<string, EmployerEntity>();
    const lender = offer && employers.get(offer.employerId);
    const borrower = request && employers.get(request.employerId);
    const parties =
      agreement && offer && request && lender && borrower
        ? {
            agencyIds: [agreement.agencyId, offer.agencyId, request.agencyId],
            regionCodes: [offer.regionCode, request.regionCode, lender.regionCode, borrower.regionCode],
          }
        : null;
    if (!mayReadAgreement(principal, parties)) throw sharingRefused();
    if (!agreement || !lender || !borrower) throw DomainError.notFound(ERRORS.SHARING_NOT_FOUND, 'sharing agreement');
    return { agreement, lender, borrower };
  }
}

/** Both posts locked FOR UPDATE in id order; a post of the wrong side counts as missing. */
async function lockPosts(
  manager: EntityManager,
  offerId: string,
  requestId: string,
): Promise<{ offer: SharingPostEntity | null; request: SharingPostEntity | null }> {
  await manager.query(`SELECT id FROM "${SCHEMA}".sharing_posts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [[offerId, requestId]]);
  const posts = await manager.findBy(SharingPostEntity, { id: In([offerId, requestId]) });
  const offer = posts.find((p) => p.id === offerId && p.side === 'offer') ?? null;
  const request = posts.find((p) => p.id === requestId && p.side === 'request') ?? null;
  return { offer, request };
}

function unknownPost(field: 'offerId' | 'requestId', id: string, side: string): DomainError {
  return DomainError.unprocessable(ERRORS.SHARING_UNKNOWN_REFERENCE, [{ field, problem: `${id} is not a sharing ${side}` }]);
}
