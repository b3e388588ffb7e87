import { DomainError } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ERRORS } from '../dispatch.errors';
import { SCHEMA } from '../schema';
import { DEFAULT_PUSH_SETTINGS, PushSettings, PushSettingsEntity } from './push-settings.entity';
import { StationsService } from './stations.service';

/**
 * Stations' push settings. The match inbox applies them as it stores (it reads the table in its
 * own statement); a change applies to matches stored after it, never to ones already pushed.
 */
@Injectable()
export class PushSettingsService {
  constructor(
    @InjectRepository(PushSettingsEntity) private readonly settings: Repository<PushSettingsEntity>,
    private readonly stations: StationsService,
  ) {}

  /** The station's settings, or the defaults when it never chose. */
  async get(stationId: string): Promise<PushSettings> {
    await this.stations.get(stationId);
    return (await this.settings.findOneBy({ stationId })) ?? DEFAULT_PUSH_SETTINGS;
  }

  /** Full replace in one statement that also checks the station is registered. */
  async replace(stationId: string, next: PushSettings): Promise<PushSettings> {
    const rows: unknown[] = await this.settings.query(
      `INSERT INTO "${SCHEMA}".push_settings (station_id, instant, cross_region, worker_available, min_score, max_per_job)
       SELECT id, $2, $3, $4, $5, $6 FROM "${SCHEMA}".stations WHERE id = $1
       ON CONFLICT (station_id) DO UPDATE SET instant = EXCLUDED.instant, cross_region = EXCLUDED.cross_region,
         worker_available = EXCLUDED.worker_available, min_score = EXCLUDED.min_score, max_per_job = EXCLUDED.max_per_job, updated_at = now()
       RETURNING station_id`,
      [stationId, next.instant, next.crossRegion, next.workerAvailable, next.minScore, next.maxPerJob],
    );
    if (!rows.length) throw DomainError.notFound(ERRORS.STATION_NOT_FOUND, `station ${stationId}`);
    return next;
  }
}
