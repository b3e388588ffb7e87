import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One placement at an employer, from dispatch's PlacementStarted (and its PlacementEnded): the
 * ledger the 就业帮扶车间 counts are read from. The employer is the registered one the placement
 * names (`employerId`), else the one with its credit code.
 */
@Entity({ name: 'employer_placements' })
export class EmployerPlacementEntity {
  @PrimaryColumn({ name: 'placement_id', type: 'uuid' }) placementId: string;
  @Column({ name: 'started_event_id', type: 'uuid' }) startedEventId: string;
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId: string | null;
  @Column({ name: 'employer_credit_code', type: 'char', length: 18, nullable: true }) employerCreditCode: string | null;
  @Column({ name: 'worker_id', type: 'uuid' }) workerId: string;
  /** The worker is 脱贫人口 or a 监测对象 (十四's count). */
  @Column({ name: 'poverty_alleviated', type: 'boolean' }) povertyAlleviated: boolean;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
}
