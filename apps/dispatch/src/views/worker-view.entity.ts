import { type PriorityGroup } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * What dispatch needs to know about a worker, from `laowu.workers.v1`: no name, ID number or
 * phone exists here (nor in those events).
 */
@Entity({ name: 'worker_view', schema: SCHEMA })
export class WorkerViewEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'uuid' }) workerId: string;
  @Column('int') version: number;
  @Column({ name: 'station_id', type: 'text' }) stationId: string;
  @Column({ name: 'priority_groups', type: 'text', array: true }) priorityGroups: PriorityGroup[];
  @Column({ name: 'willing_to_migrate', type: 'boolean' }) willingToMigrate: boolean;
  @Column({ name: 'home_region_code', type: 'char', length: 6 }) homeRegionCode: string;
  @Column({ name: 'residence_region_code', type: 'char', length: 6 }) residenceRegionCode: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
