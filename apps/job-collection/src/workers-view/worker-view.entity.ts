import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/**
 * Which station registered a worker, from `laowu.workers.v1` (so complaints can be filed only by
 * the worker's own station). Nothing personal: that event carries no name, ID number or phone.
 */
@Entity({ name: 'worker_view', schema: SCHEMA })
export class WorkerViewEntity {
  @PrimaryColumn({ name: 'worker_id', type: 'uuid' }) workerId: string;
  @Column({ name: 'station_id', type: 'text' }) stationId: string;
  @Column('int') version: number;
}
