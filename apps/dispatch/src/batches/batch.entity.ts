import { BatchState } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

export const TRANSPORT_MODES = ['bus', 'train', 'flight'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** A point-to-point batch (点对点劳务输出): a bus, train or flight of workers to an employer. */
@Entity({ name: 'batches', schema: SCHEMA })
export class BatchEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') state: BatchState;
  @Column({ name: 'coordinator_id', type: 'text' }) coordinatorId: string;
  @Column({ name: 'origin_region_code', type: 'char', length: 6 }) originRegionCode: string;
  @Column({ name: 'origin_station_id', type: 'text', nullable: true }) originStationId: string | null;
  @Column({ name: 'job_ids', type: 'uuid', array: true }) jobIds: string[];
  @Column({ name: 'destination_region_code', type: 'char', length: 6 }) destinationRegionCode: string;
  @Column({ name: 'destination_address', type: 'text' }) destinationAddress: string;
  @Column({ type: 'text', nullable: true }) employer: string | null;
  /** The registered employer (employer_view) the batch travels to, when named. */
  @Column({ name: 'employer_id', type: 'uuid', nullable: true }) employerId: string | null;
  /** The escort (带队联系人); with contactPhoneEnc or not at all. */
  @Column({ name: 'contact_name', type: 'text', nullable: true }) contactName: string | null;
  /** The escort's phone as ciphertext only (FieldCipher, field `contactPhone`, bound to the batch id). */
  @Column({ name: 'contact_phone_enc', type: 'text', nullable: true }) contactPhoneEnc: string | null;
  @Column({ name: 'depart_at', type: 'timestamptz' }) departAt: Date;
  @Column({ name: 'transport_mode', type: 'text' }) transportMode: TransportMode;
  @Column('int') capacity: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'departed_at', type: 'timestamptz', nullable: true }) departedAt: Date | null;
  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true }) arrivedAt: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}
