import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';
import { StationsService } from '../stations/stations.service';
import { DELIVERIES_CHANNEL } from './deliveries.channel';

/** Dead deliveries sent again per call at most; the answer says when more are left. */
export const REDELIVER_LIMIT = 1000;

export interface Redelivered {
  deliveryIds: string[];
  more: boolean;
}

/**
 * Sends a station's dead-lettered webhook deliveries again: they become pending with a fresh
 * attempt count, due now, and the station's circuit is closed (the station says its receiver is
 * back). Only `dead` rows change, so a second call — or one racing the first — finds nothing to
 * do: each dead delivery is resent once per call that revives it, and a delivered one never again.
 */
@Injectable()
export class WebhookRedelivery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly stations: StationsService,
  ) {}

  async redeliver(stationId: string, filter: { deliveryIds?: string[]; since?: Date }): Promise<Redelivered> {
    await this.stations.get(stationId);
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `WITH chosen AS (
           SELECT id FROM "${SCHEMA}".deliveries
           WHERE station_id = $1 AND webhook_status = 'dead'
             AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[]))
             AND ($3::timestamptz IS NULL OR created_at >= $3::timestamptz)
           ORDER BY id LIMIT $4 FOR UPDATE
         ), revived AS (
           UPDATE "${SCHEMA}".deliveries d SET webhook_status = 'pending', attempts = 0, due_at = now(), last_error = NULL
           FROM chosen c WHERE d.id = c.id
           RETURNING d.id
         )
         SELECT id::text AS id FROM revived ORDER BY id`,
        [stationId, filter.deliveryIds ?? null, filter.since ?? null, REDELIVER_LIMIT],
      );
      const [{ n }] = await manager.query(
        `SELECT count(*)::int AS n FROM "${SCHEMA}".deliveries WHERE station_id = $1 AND webhook_status = 'dead'
           AND ($2::bigint[] IS NULL OR id = ANY($2::bigint[])) AND ($3::timestamptz IS NULL OR created_at >= $3::timestamptz)`,
        [stationId, filter.deliveryIds ?? null, filter.since ?? null],
      );
      if (rows.length) {
        await manager.query(`DELETE FROM "${SCHEMA}".webhook_circuits WHERE station_id = $1`, [stationId]);
        await manager.query('SELECT pg_notify($1, $2)', [DELIVERIES_CHANNEL, stationId]);
      }
      return { deliveryIds: rows.map((r) => r.id), more: n > 0 };
    });
  }
}
