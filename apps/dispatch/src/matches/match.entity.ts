import { Lane, MatchJobSummaryData, MatchReasonData, MatchStatus, PushTrigger } from '@laowu/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** A match in a station's inbox; its id is the deterministic matchId of MatchesFound (or legacy MatchFound). */
@Entity({ name: 'matches', schema: SCHEMA })
export class MatchEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'job_id', type: 'uuid' }) jobId: string;
  @Column({ name: 'job_material_version', type: 'int' }) jobMaterialVersion: number;
  @Column({ name: 'worker_id', type: 'uuid' }) workerId: string;
  @Column({ name: 'station_id', type: 'text' }) stationId: string;
  @Column('double precision') score: number;
  @Column('jsonb') reasons: MatchReasonData[];
  @Column('jsonb') job: MatchJobSummaryData;
  @Column('text') trigger: PushTrigger;
  @Column('text') lane: Lane;
  /** The ranking weights version matching ranked it with; null before matching recorded it. */
  @Column({ name: 'weights_version', type: 'bigint', nullable: true }) weightsVersion: string | null;
  @Column('text') status: MatchStatus;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt: Date;
}
