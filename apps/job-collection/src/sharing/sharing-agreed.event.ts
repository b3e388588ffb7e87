import { createEnvelope, deterministicUuid, type EventEnvelope, SharingAgreed, type SharingAgreedData, type SharingEmployerData, TOPICS } from '@laowu/contracts';
import { appendToOutbox } from '@laowu/messaging';
import { type EntityManager } from 'typeorm';
import { type EmployerEntity } from '../employers/employer.entity';
import { SCHEMA } from '../schema';
import { type SharingAgreementEntity } from './sharing-agreement.entity';

const employerData = (employer: EmployerEntity): SharingEmployerData => ({
  employerId: employer.id,
  name: employer.name,
  creditCode: employer.creditCode,
  regionCode: employer.regionCode,
});

/** The agreement's `sharing.agreed`, one per agreement (id derived from it). Lender: the offer's employer; borrower: the request's. */
export function sharingAgreedEvent(
  agreement: SharingAgreementEntity,
  lender: EmployerEntity,
  borrower: EmployerEntity,
  producer: string,
): EventEnvelope<SharingAgreedData> {
  const data: SharingAgreedData = {
    agreementId: agreement.id,
    offerId: agreement.offerId,
    requestId: agreement.requestId,
    agencyId: agreement.agencyId,
    headcount: agreement.headcount,
    workerIds: [...agreement.workerIds],
    lender: employerData(lender),
    borrower: employerData(borrower),
    startDate: agreement.startDate,
    returnDate: agreement.returnDate,
    agreedAt: agreement.agreedAt.toISOString(),
  };
  return createEnvelope(SharingAgreed, data, { producer, id: deterministicUuid(`sharing-agreement:${agreement.id}`), occurredAt: agreement.agreedAt });
}

export async function appendSharingAgreed(
  manager: EntityManager,
  agreement: SharingAgreementEntity,
  lender: EmployerEntity,
  borrower: EmployerEntity,
  producer: string,
): Promise<void> {
  await appendToOutbox(manager, SCHEMA, TOPICS.sharing, [sharingAgreedEvent(agreement, lender, borrower, producer)]);
}
