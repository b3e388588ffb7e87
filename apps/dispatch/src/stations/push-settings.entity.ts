import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SCHEMA } from '../schema';

/** What a station is pushed: by trigger, by score, and how many matches per job. */
export interface PushSettings {
  /** Instant jobs (即时快招): trigger `instant_job`. */
  instant: boolean;
  /** Cross-region jobs recruiting from the station's region (五): trigger `cross_region_job`. */
  crossRegion: boolean;
  /** A worker of the station became available (转岗服务, 十四): trigger `worker_available`. */
  workerAvailable: boolean;
  /** Matches scoring below this are neither stored nor pushed. */
  minScore: number;
  /** At most this many matches per job and material version are stored and pushed. */
  maxPerJob: number;
}

export const MAX_MIN_SCORE = 1000;
export const MAX_PER_JOB_LIMIT = 500;

/** A station that never chose is pushed everything (API.md v1.1). */
export const DEFAULT_PUSH_SETTINGS: Readonly<PushSettings> = { instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50 };

/** One row per station that chose; none for a station on the defaults. */
@Entity({ name: 'push_settings', schema: SCHEMA })
export class PushSettingsEntity implements PushSettings {
  @PrimaryColumn({ name: 'station_id', type: 'text' }) stationId: string;
  @Column('boolean') instant: boolean;
  @Column({ name: 'cross_region', type: 'boolean' }) crossRegion: boolean;
  @Column({ name: 'worker_available', type: 'boolean' }) workerAvailable: boolean;
  @Column({ name: 'min_score', type: 'double precision' }) minScore: number;
  @Column({ name: 'max_per_job', type: 'int' }) maxPerJob: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
