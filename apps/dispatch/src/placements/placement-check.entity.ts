import { type RetentionCheckMonths } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A retention check (稳岗回访) 1, 3 or 6 months after a placement started: one per placement and month. */
@Entity({ name: 'placement_checks', schema: SCHEMA })
export class PlacementCheckEntity {
  @PrimaryColumn({ name: 'placement_id', type: 'uuid' }) placementId: string;
  @PrimaryColumn({ name: 'after_months', type: 'smallint' }) afterMonths: RetentionCheckMonths;
  @Column({ name: 'still_employed', type: 'boolean' }) stillEmployed: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'checked_by', type: 'text' }) checkedBy: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt: Date;
}
