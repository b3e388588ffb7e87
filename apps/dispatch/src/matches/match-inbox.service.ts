import { EventEnvelope, Lane, MatchesFoundData } from '@laowu/contracts';
import { observeHop } from '@laowu/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DELIVERIES_CHANNEL } from '../push/deliveries.channel';
import { SCHEMA } from '../schema';
import { DEFAULT_PUSH_SETTINGS } from '../stations/push-settings.entity';
import { InboxEventData, matchGroupOf } from './match-group';

const CONSUMER = 'dispatch.match-inbox';

/** A match the inbox stored, in the order it was found. */
interface StoredMatch {
  matchId: string;
  stationId: string;
  jobId: string;
  lane: Lane;
}

/**
 * Stores each match of MatchesFound (and of legacy MatchFound) once and creates the station's
 * delivery. Deduped twice: on the event id (processed_events, set-based like markProcessedOnce)
 * and on the match itself (its deterministic id, and the unique job–worker–material-version
 * triple), so a re-announced pair is never pushed twice. On the way in, each station's push
 * settings apply (trigger on, score ≥ minScore, at most maxPerJob per job and material version)
 * and a (job, worker) pair declined at any station is never stored again.
 *
 * A batch of events is one transaction: a crash halfway stores none of it and Kafka redelivers
 * the batch (offsets are committed after this returns). The NOTIFY that wakes the SSE streams
 * and the webhook worker is sent by Postgres on commit only. Every step is one statement over
 * arrays, whatever the batch size.
 *
 * The two lanes' consumers store concurrently, so deliveries for one station are inserted under
 * that station's advisory lock (see deliver): its delivery ids then become visible in ascending
 * order, which the SSE streams' `id > cursor` reads rely on.
 *
 * Matches for a station that is not registered (yet) are stored anyway, with no webhook: the
 * station replays them with `Last-Event-ID: 0` once it connects, and lists them by status.
 */
@Injectable()
export class MatchInboxService {
  constructor(private readonly dataSource: DataSource) {}

  async store(events: EventEnvelope<InboxEventData>[]): Promise<number> {
    if (!events.length) return 0;
    const started = performance.now();
    const stored = await this.dataSource.transaction(async (manager) => {
      const groups = (await this.unprocessed(manager, events)).map(matchGroupOf);
      const matches = await this.insertMatches(manager, groups);
      if (!matches.length) return [];
      await this.rememberJobs(manager, groups, matches);
      await this.deliver(manager, matches);
      return matches;
    });
    const ms = performance.now() - started;
    for (const match of stored) observeHop('dispatch_to_stored', match.lane, ms);
    return stored.length;
  }

  /** The events not applied before (set-based markProcessedOnce), in their order. */
  private async unprocessed(manager: EntityManager, events: EventEnvelope<InboxEventData>[]): Promise<EventEnvelope<InboxEventData>[]> {
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO "${SCHEMA}".processed_events (event_id, consumer)
       SELECT DISTINCT id, $2 FROM unnest($1::uuid[]) AS id ON CONFLICT DO NOTHING RETURNING event_id`,
      [events.map((e) => e.id), CONSUMER],
    );
    const fresh = new Set(rows.map((r) => r.event_id));
    return events.filter((e) => fresh.delete(e.id));
  }

  /**
   * Inserts the matches that pass, in one statement: the station's trigger is on, the score is at
   * least minScore, the match and its (job, worker, material version) are new, the pair was never
   * declined anywhere, and the station holds fewer than maxPerJob for the job and material version
   * (best score first within an event). Rows go in by match id: the other lane's transaction may
   * insert some of the same matches, and one order of taking keys never deadlocks. (Both lanes
   * storing for one station, job and version at the same moment each count only what is
   * committed, so together they may pass maxPerJob by what they overlap.) Returns the stored
   * ones in the order they were found.
   */
  private async insertMatches(manager: EntityManager, groups: MatchesFoundData[]): Promise<StoredMatch[]> {
    const found = groups.flatMap((group, g) => group.matches.map((match) => ({ ...match, group: g + 1 })));
    if (!found.length) return [];
    const defaults = DEFAULT_PUSH_SETTINGS; // a station without a push_settings row
    const rows: { id: string }[] = await manager.query(
      `WITH grp AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[], $5::int[], $6::jsonb[], $7::timestamptz[], $18::bigint[])
           WITH ORDINALITY AS g(station_id, trigger, lane, job_id, version, job, created_at, weights_version, grp)
       ), candidate AS (
         SELECT DISTINCT ON (f.match_id) f.*, g.station_id, g.trigger, g.lane, g.job_id, g.version, g.job, g.created_at, g.weights_version,
           coalesce(ps.max_per_job, $17) AS max_per_job
         FROM unnest($8::int[], $9::uuid[], $10::uuid[], $11::float8[], $12::jsonb[]) WITH ORDINALITY AS f(grp, match_id, worker_id, score, reasons, ord)
         JOIN grp g ON g.grp = f.grp
         LEFT JOIN "${SCHEMA}".push_settings ps ON ps.station_id = g.station_id
         -- each trigger has its setting; a pair twice in the batch is taken once (DISTINCT ON)
         WHERE CASE g.trigger WHEN 'instant_job' THEN coalesce(ps.instant, $13)
                              WHEN 'cross_region_job' THEN coalesce(ps.cross_region, $14)
                              ELSE coalesce(ps.worker_available, $15) END
           AND f.score >= coalesce(ps.min_score, $16)
           AND NOT EXISTS (SELECT 1 FROM "${SCHEMA}".matches m WHERE m.id = f.match_id)
           AND NOT EXISTS (SELECT 1 FROM "${SCHEMA}".matches m WHERE m.job_id = g.job_id AND m.worker_id = f.worker_id
                             AND (m.job_material_version = g.version OR m.status = 'declined'))
         ORDER BY f.match_id, f.ord
       ), held AS (
         SELECT t.station_id, t.job_id, t.version, count(m.id) AS n
         FROM (SELECT DISTINCT station_id, job_id, version FROM candidate) t
         LEFT JOIN "${SCHEMA}".matches m ON m.station_id = t.station_id AND m.job_id = t.job_id AND m.job_material_version = t.version
         GROUP BY t.station_id, t.job_id, t.version
       ), ranked AS (
         SELECT c.*, h.n + row_number() OVER (PARTITION BY c.station_id, c.job_id, c.version ORDER BY c.grp, c.score DESC, c.ord) AS nth
         FROM candidate c JOIN held h USING (station_id, job_id, version)
       )
       INSERT INTO "${SCHEMA}".matches (id, job_id, job_material_version, worker_id, station_id, score, reasons, job, created_at, trigger, lane, weights_version)
       SELECT match_id, job_id, version, worker_id, station_id, score, reasons, job, created_at, trigger, lane, weights_version
       FROM ranked WHERE nth <= max_per_job
       ORDER BY match_id
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        groups.map((g) => g.stationId), groups.map((g) => g.trigger), groups.map((g) => g.lane), groups.map((g) => g.jobId),
        groups.map((g) => g.jobMaterialVersion), groups.map((g) => JSON.stringify(g.job)), groups.map((g) => g.createdAt),
        found.map((f) => f.group), found.map((f) => f.matchId), found.map((f) => f.workerId), found.map((f) => f.score),
        found.map((f) => JSON.stringify(f.reasons)),
        defaults.instant, defaults.crossRegion, defaults.workerAvailable, defaults.minScore, defaults.maxPerJob,
        groups.map((g) => g.weightsVersion ?? null),
      ],
    );
    const inserted = new Set(rows.map((r) => r.id));
    return found
      .filter((f) => inserted.delete(f.matchId))
      .map((f) => ({ matchId: f.matchId, stationId: groups[f.group - 1].stationId, jobId: groups[f.group - 1].jobId, lane: groups[f.group - 1].lane }));
  }

  /**
   * Deliveries for the stored matches, ids in the order the matches were found. Each station's
   * advisory lock is taken first, in one sorted order (no deadlock between the lanes), and held
   * to commit: a transaction holding lower ids for a station always commits before another takes
   * higher ones, so a stream that read past an id never finds a lower one committed later. This
   * is the transaction's last step, so the lock is held only for these inserts and the commit.
   */
  private async deliver(manager: EntityManager, matches: StoredMatch[]): Promise<void> {
    const stations = [...new Set(matches.map((m) => m.stationId))];
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('${SCHEMA}.deliveries'), key)
       FROM (SELECT DISTINCT hashtext(station_id) AS key FROM unnest($1::text[]) AS station_id) keys ORDER BY key`,
      [stations],
    );
    await manager.query(
      // created_at = clock_timestamp(): this insert is the last thing before the commit, so a
      // stream's stored → SSE latency starts when the delivery was stored, not when the batch began.
      `INSERT INTO "${SCHEMA}".deliveries (station_id, match_id, payload, webhook_status, due_at, created_at)
       SELECT m.station_id, m.id,
         jsonb_build_object('matchId', m.id, 'jobId', m.job_id, 'workerId', m.worker_id, 'score', m.score, 'reasons', m.reasons,
           'job', m.job, 'trigger', m.trigger, 'lane', m.lane,
           'createdAt', to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           -- the weights version only when matching sent one (older events have none)
           || CASE WHEN m.weights_version IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('weightsVersion', m.weights_version) END,
         CASE WHEN st.webhook_url IS NULL THEN 'none' ELSE 'pending' END,
         CASE WHEN st.webhook_url IS NULL THEN NULL ELSE now() END,
         clock_timestamp()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, ord)
       JOIN "${SCHEMA}".matches m ON m.id = s.id
       LEFT JOIN "${SCHEMA}".stations st ON st.id = m.station_id
       ORDER BY s.ord`,
      [matches.map((m) => m.matchId)],
    );
    await manager.query(`SELECT pg_notify($1, station_id) FROM unnest($2::text[]) AS station_id`, [DELIVERIES_CHANNEL, stations]);
  }

  /**
   * Until dispatch has consumed the job's own event, a provisional view (version 0) from the
   * match's summary lets a station accept at once; the job event replaces it. By job id, like
   * the matches, so the two lanes' transactions never wait on each other in a cycle.
   */
  private async rememberJobs(manager: EntityManager, groups: MatchesFoundData[], stored: StoredMatch[]): Promise<void> {
    const storedJobs = new Set(stored.map((m) => m.jobId));
    const jobs = [...new Map(groups.filter((g) => storedJobs.has(g.jobId)).map((g) => [g.jobId, g])).values()];
    await manager.query(
      `INSERT INTO "${SCHEMA}".job_view (job_id, version, agency_id, status, headcount, filled, title, kind, region_code)
       SELECT job_id, 0, agency_id, 'open', greatest(headcount, 1), 0, title, kind, region_code
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS j(job_id, agency_id, headcount, title, kind, region_code)
       ORDER BY job_id
       ON CONFLICT (job_id) DO NOTHING`,
      [jobs.map((g) => g.jobId), jobs.map((g) => g.job.agencyId), jobs.map((g) => g.job.headcountLeft), jobs.map((g) => g.job.title),
        jobs.map((g) => g.job.kind), jobs.map((g) => g.job.location.regionCode)],
    );
  }
}
