import { SHARING_POST_STATUSES, SHARING_SIDES, type SharingPostStatus, type SharingSide, WAGE_UNITS, type WageUnit } from '@laowu/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type EmployerEntity } from '../employers/employer.entity';
import { type SharingAgreementEntity } from './sharing-agreement.entity';
import { type SharingPostEntity } from './sharing-post.entity';

class SharingSkillResponse {
  @ApiProperty() code: string;
  @ApiPropertyOptional() level?: number;
}

class SharingWageResponse {
  @ApiProperty() min: number;
  @ApiProperty() max: number;
  @ApiProperty({ enum: WAGE_UNITS }) unit: WageUnit;
}

export class SharingEmployerResponse {
  @ApiProperty() employerId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '统一社会信用代码' }) creditCode: string;
  @ApiProperty() regionCode: string;
}

/** A 共享用工 offer (idle staff) or request (shortage). */
export class SharingPostResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: SHARING_SIDES }) side: SharingSide;
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: SharingEmployerResponse }) employer: SharingEmployerResponse;
  @ApiProperty() employerId: string;
  @ApiProperty() headcount: number;
  @ApiProperty({ description: 'Headcount not yet given to agreements' }) openHeadcount: number;
  @ApiProperty({ type: [SharingSkillResponse] }) skills: SharingSkillResponse[];
  @ApiProperty({ example: '2027-03-01' }) from: string;
  @ApiProperty({ example: '2027-06-30' }) to: string;
  @ApiProperty() regionCode: string;
  @ApiPropertyOptional({ type: SharingWageResponse }) wage?: SharingWageResponse;
  @ApiProperty({ enum: SHARING_POST_STATUSES }) status: SharingPostStatus;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class SharingPostPageResponse {
  @ApiProperty({ type: [SharingPostResponse] }) items: SharingPostResponse[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

export class SharingAgreementResponse {
  @ApiProperty() id: string;
  @ApiProperty() offerId: string;
  @ApiProperty() requestId: string;
  @ApiProperty({ description: 'The agency that made it' }) agencyId: string;
  @ApiProperty() headcount: number;
  @ApiProperty({ type: [String] }) workerIds: string[];
  @ApiProperty({ type: SharingEmployerResponse, description: 'The offer’s employer, lending its staff' }) lender: SharingEmployerResponse;
  @ApiProperty({ type: SharingEmployerResponse, description: 'The request’s employer, borrowing them' }) borrower: SharingEmployerResponse;
  @ApiProperty({ example: '2027-04-01' }) startDate: string;
  @ApiProperty({ example: '2027-05-31' }) returnDate: string;
  @ApiProperty() agreedAt: string;
}

export const toSharingEmployer = (employer: EmployerEntity): SharingEmployerResponse => ({
  employerId: employer.id,
  name: employer.name,
  creditCode: employer.creditCode,
  regionCode: employer.regionCode,
});

export function toSharingPostResponse(post: SharingPostEntity, employer: EmployerEntity): SharingPostResponse {
  return {
    id: post.id,
    side: post.side,
    agencyId: post.agencyId,
    employer: toSharingEmployer(employer),
    employerId: post.employerId,
    headcount: post.headcount,
    openHeadcount: post.openHeadcount,
    skills: post.skills,
    from: post.from,
    to: post.to,
    regionCode: post.regionCode,
    wage: post.wage ?? undefined,
    status: post.status,
    version: post.version,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}

export function toSharingAgreementResponse(agreement: SharingAgreementEntity, lender: EmployerEntity, borrower: EmployerEntity): SharingAgreementResponse {
  return {
    id: agreement.id,
    offerId: agreement.offerId,
    requestId: agreement.requestId,
    agencyId: agreement.agencyId,
    headcount: agreement.headcount,
    workerIds: agreement.workerIds,
    lender: toSharingEmployer(lender),
    borrower: toSharingEmployer(borrower),
    startDate: agreement.startDate,
    returnDate: agreement.returnDate,
    agreedAt: agreement.agreedAt.toISOString(),
  };
}
