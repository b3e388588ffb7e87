import { EventEnvelope, MatchFoundData } from '@laowu/contracts';
import { markProcessedOnce } from '@laowu/messaging';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELIVERIES_CHANNEL } from '../push/deliveries.channel';
import { SCHEMA } from '../schema';
import { DeliveryPayload } from './delivery.entity';

const CONSUMER = 'dispatch.match-inbox';

/**
 * Stores each MatchFound once and creates the station's delivery. Deduped twice: on the event id
 * (markProcessedOnce) and on the match itself (its deterministic id, and the unique
 * job–worker–material-version triple), so a re-announced pair is never pushed twice.
 *
 * A batch of events is one transaction: a crash halfway stores none of it and Kafka redelivers
 * the batch (offsets are committed after this returns). The NOTIFY that wakes the SSE streams
 * and the webhook worker is sent by Postgres on commit only.
 *
 * Matches for a station that is not registered (yet) are stored anyway, with no webhook: the
 * station replays them with `Last-Event-ID: 0` once it connects, and lists them by status.
 */
@Injectable()
export class MatchInboxService {
  constructor(private readonly dataSource: DataSource) {}

  async store(events: EventEnvelope<MatchFoundData>[]): Promise<number> {
    if (!events.length) return 0;
    return this.dataSource.transaction(async (manager) => {
      const withWebhook = await this.stationsWithWebhook(manager, events.map((e) => e.data.stationId));
      const touched = new Set<string>();
      for (const event of events) {
        if (!(await markProcessedOnce(manager, SCHEMA, CONSUMER, event.id))) continue;
        if (await this.storeOne(manager, event.data, withWebhook.has(event.data.stationId))) touched.add(event.data.stationId);
      }
      for (const stationId of touched) await manager.query(`SELECT pg_notify($1, $2)`, [DELIVERIES_CHANNEL, stationId]);
      return touched.size;
    });
  }

  private async storeOne(manager: EntityManager, match: MatchFoundData, hasWebhook: boolean): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO "${SCHEMA}".matches (id, job_id, job_material_version, worker_id, station_id, score, reasons, job, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT DO NOTHING RETURNING id`,
      [match.matchId, match.jobId, match.jobMaterialVersion, match.workerId, match.stationId, match.score,
        JSON.stringify(match.reasons), JSON.stringify(match.job), match.createdAt],
    );
    if (!inserted.length) return false;
    await this.rememberJob(manager, match);
    await manager.query(
      `INSERT INTO "${SCHEMA}".deliveries (station_id, match_id, payload, webhook_status, due_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'pending' THEN now() END)`,
      [match.stationId, match.matchId, JSON.stringify(deliveryPayload(match)), hasWebhook ? 'pending' : 'none'],
    );
    return true;
  }

  /**
   * Until dispatch has consumed the job's own event, a provisional view (version 0) from the
   * match's summary lets a station accept at once; the job event replaces it.
   */
  private async rememberJob(manager: EntityManager, match: MatchFoundData): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".job_view (job_id, version, agency_id, status, headcount, filled, title, kind, region_code)
       VALUES ($1, 0, $2, 'open', $3, 0, $4, $5, $6) ON CONFLICT (job_id) DO NOTHING`,
      [match.jobId, match.job.agencyId, Math.max(match.job.headcountLeft, 1), match.job.title, match.job.kind, match.job.location.regionCode],
    );
  }

  private async stationsWithWebhook(manager: EntityManager, stationIds: string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM "${SCHEMA}".stations WHERE id = ANY($1::text[]) AND webhook_url IS NOT NULL`,
      [[...new Set(stationIds)]],
    );
    return new Set(rows.map((r) => r.id));
  }
}

export function deliveryPayload(match: MatchFoundData): DeliveryPayload {
  return {
    matchId: match.matchId,
    jobId: match.jobId,
    workerId: match.workerId,
    score: match.score,
    reasons: match.reasons,
    job: match.job,
    createdAt: match.createdAt,
  };
}
