import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A 共享用工 agreement: `headcount` staff of the offer's employer work for the request's until `returnDate`. */
@Entity({ name: 'sharing_agreements' })
export class SharingAgreementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  /** The agency that made it (either side's, or an admin). */
  @Column({ name: 'agency_id', type: 'text' }) agencyId: string;
  @Column('integer') headcount: number;
  @Column({ name: 'worker_ids', type: 'uuid', array: true }) workerIds: string[];
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'return_date', type: 'date' }) returnDate: string;
  @Column({ name: 'agreed_at', type: 'timestamptz' }) agreedAt: Date;
}
