import { EventEnvelope, MatchFoundData } from '@laowu/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELIVERIES_CHANNEL } from '../push/deliveries.channel';
import { SCHEMA } from '../schema';
import { DeliveryPayload } from './delivery.entity';

const CONSUMER = 'dispatch.match-inbox';

/**
 * Stores each MatchFound once and creates the station's delivery. Deduped twice: on the event id
 * (processed_events, set-based like markProcessedOnce) and on the match itself (its deterministic id, and the unique
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
      const fresh = await this.unprocessed(manager, events);
      const stored = await this.insertMatches(manager, fresh.map((e) => e.data));
      if (!stored.length) return 0;
      await this.rememberJobs(manager, stored);
      await this.insertDeliveries(manager, stored, await this.stationsWithWebhook(manager, stored.map((m) => m.stationId)));
      const stations = [...new Set(stored.map((m) => m.stationId))];
      await manager.query(`SELECT pg_notify($1, station_id) FROM unnest($2::text[]) AS station_id`, [DELIVERIES_CHANNEL, stations]);
      return stored.length;
    });
  }

  /** The events not applied before (set-based markProcessedOnce), in their order. */
  private async unprocessed(manager: EntityManager, events: EventEnvelope<MatchFoundData>[]): Promise<EventEnvelope<MatchFoundData>[]> {
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO "${SCHEMA}".processed_events (event_id, consumer)
       SELECT DISTINCT id, $2 FROM unnest($1::uuid[]) AS id ON CONFLICT DO NOTHING RETURNING event_id`,
      [events.map((e) => e.id), CONSUMER],
    );
    const fresh = new Set(rows.map((r) => r.event_id));
    return events.filter((e) => fresh.delete(e.id));
  }

  /** The matches new to the inbox (by id and by job–worker–version), in event order. */
  private async insertMatches(manager: EntityManager, matches: MatchFoundData[]): Promise<MatchFoundData[]> {
    if (!matches.length) return [];
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO "${SCHEMA}".matches (id, job_id, job_material_version, worker_id, station_id, score, reasons, job, created_at)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::float8[], $7::jsonb[], $8::jsonb[], $9::timestamptz[])
       ON CONFLICT DO NOTHING RETURNING id`,
      [matches.map((m) => m.matchId), matches.map((m) => m.jobId), matches.map((m) => m.jobMaterialVersion), matches.map((m) => m.workerId),
        matches.map((m) => m.stationId), matches.map((m) => m.score), matches.map((m) => JSON.stringify(m.reasons)),
        matches.map((m) => JSON.stringify(m.job)), matches.map((m) => m.createdAt)],
    );
    const inserted = new Set(rows.map((r) => r.id));
    return matches.filter((m) => inserted.delete(m.matchId));
  }

  /** Delivery ids follow event order, so a station's SSE ids ascend in the order matches were found. */
  private async insertDeliveries(manager: EntityManager, matches: MatchFoundData[], withWebhook: Set<string>): Promise<void> {
    await manager.query(
      `INSERT INTO "${SCHEMA}".deliveries (station_id, match_id, payload, webhook_status, due_at)
       SELECT station_id, match_id, payload, status, CASE WHEN status = 'pending' THEN now() END
       FROM unnest($1::text[], $2::uuid[], $3::jsonb[], $4::text[]) WITH ORDINALITY AS d(station_id, match_id, payload, status, ord)
       ORDER BY ord`,
      [matches.map((m) => m.stationId), matches.map((m) => m.matchId), matches.map((m) => JSON.stringify(deliveryPayload(m))),
        matches.map((m) => (withWebhook.has(m.stationId) ? 'pending' : 'none'))],
    );
  }

  /**
   * Until dispatch has consumed the job's own event, a provisional view (version 0) from the
   * match's summary lets a station accept at once; the job event replaces it.
   */
  private async rememberJobs(manager: EntityManager, matches: MatchFoundData[]): Promise<void> {
    const jobs = [...new Map(matches.map((m) => [m.jobId, m])).values()];
    await manager.query(
      `INSERT INTO "${SCHEMA}".job_view (job_id, version, agency_id, status, headcount, filled, title, kind, region_code)
       SELECT job_id, 0, agency_id, 'open', greatest(headcount, 1), 0, title, kind, region_code
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS j(job_id, agency_id, headcount, title, kind, region_code)
       ON CONFLICT (job_id) DO NOTHING`,
      [jobs.map((m) => m.jobId), jobs.map((m) => m.job.agencyId), jobs.map((m) => m.job.headcountLeft), jobs.map((m) => m.job.title),
        jobs.map((m) => m.job.kind), jobs.map((m) => m.job.location.regionCode)],
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
