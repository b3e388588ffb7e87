import { APP_CONFIG, metricsRegistry, observeHop } from '@laowu/platform';
import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { Response } from 'express';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { ERRORS } from '../dispatch.errors';
import { SCHEMA } from '../schema';
import { DeliveryFeed } from './delivery-feed';
import { SseStream, StoredDelivery } from './sse-stream';

const stationReads = new Counter({
  name: 'laowu_sse_reads_total',
  help: 'Queries of the deliveries table made for SSE streams (streams of one station at one cursor share one)',
  registers: [metricsRegistry],
});
const openStreams = new Gauge({ name: 'laowu_sse_streams', help: 'Open SSE streams on this instance', registers: [metricsRegistry] });
const endedStreams = new Counter({
  name: 'laowu_sse_streams_ended_total',
  help: 'SSE streams ended, by reason (closed by the client, dropped for not draining, superseded by a newer stream of the station)',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

/** A delivery as a stream reads it, with when it was stored (on this host's clock) and its lane, for the stored → SSE hop. */
interface TimedDelivery extends StoredDelivery {
  lane: string;
  storedAt: number;
}

/** What a superseded stream's client is told to wait before reconnecting on its own. */
const SUPERSEDED_RETRY_MS = 30_000;

/**
 * Serves stations' SSE streams on this instance. Any instance can serve any station: streams
 * are woken by Postgres NOTIFY (DeliveryFeed), not by this instance's own consumer.
 *
 * Bounded per station: at most SSE_MAX_STREAMS_PER_STATION streams; opening one more ends the
 * oldest. And a notification costs one query per station, not one per stream: streams of a
 * station woken together read after the same cursor, and concurrent identical reads share one
 * query (a stream replaying from an older Last-Event-ID reads on its own until it catches up).
 */
@Injectable()
export class StreamsService implements OnModuleDestroy {
  private readonly streams = new Set<SseStream<TimedDelivery>>();
  /** Each station's open streams, oldest first. */
  private readonly byStation = new Map<string, SseStream<TimedDelivery>[]>();
  private readonly readsInFlight = new Map<string, Promise<TimedDelivery[]>>();
  private droppedCount = 0;
  private supersededCount = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: DeliveryFeed,
    @Inject(APP_CONFIG) private readonly config: DispatchConfig,
  ) {}

  /** `lastEventId` undefined: only what arrives from now on (the inbox lists older matches). */
  async open(res: Response, stationId: string, lastEventId: string | undefined): Promise<void> {
    const openedAt = Date.now();
    const startAfter = lastEventId ?? (await this.latestId(stationId));
    let unsubscribe = () => {};
    const stream = new SseStream<TimedDelivery>(
      res,
      startAfter,
      {
        readAfter: (after, limit) => this.sharedReadAfter(stationId, after, limit),
        // A replay (Last-Event-ID) of what was stored before the stream opened is not a push's latency.
        written: (delivery) => {
          if (delivery.storedAt >= openedAt) observeHop('stored_to_sse', delivery.lane, Date.now() - delivery.storedAt);
        },
        onEnd: (reason) => {
          unsubscribe();
          this.streams.delete(stream);
          this.forget(stationId, stream);
          openStreams.dec();
          endedStreams.inc({ reason });
          if (reason === 'dropped') this.droppedCount++;
          if (reason === 'superseded') this.supersededCount++;
        },
      },
      {
        heartbeatMs: this.config.SSE_HEARTBEAT_MS,
        pageSize: this.config.SSE_PAGE_SIZE,
        stallTimeoutMs: this.config.SSE_STALL_TIMEOUT_MS,
        maxBufferedBytes: this.config.SSE_MAX_BUFFERED_BYTES,
      },
    );
    this.makeRoom(stationId);
    this.streams.add(stream);
    this.byStation.set(stationId, [...(this.byStation.get(stationId) ?? []), stream]);
    openStreams.inc();
    unsubscribe = this.feed.subscribe(stationId, () => stream.wake());
    stream.start();
  }

  /** For tests and operators: how many streams are open, how many were dropped for stalling or superseded. */
  stats(): { open: number; dropped: number; superseded: number } {
    return { open: this.streams.size, dropped: this.droppedCount, superseded: this.supersededCount };
  }

  /** The station's oldest streams go until one more fits under the cap; each is told why first. */
  private makeRoom(stationId: string): void {
    const max = this.config.SSE_MAX_STREAMS_PER_STATION;
    const open = this.byStation.get(stationId) ?? [];
    for (const oldest of open.slice(0, Math.max(0, open.length - max + 1))) {
      oldest.closeWithNotice(ERRORS.STREAM_SUPERSEDED, { maxStreamsPerStation: max }, SUPERSEDED_RETRY_MS);
    }
  }

  private forget(stationId: string, stream: SseStream<TimedDelivery>): void {
    const remaining = (this.byStation.get(stationId) ?? []).filter((s) => s !== stream);
    if (remaining.length) this.byStation.set(stationId, remaining);
    else this.byStation.delete(stationId);
  }

  /** One query for every stream of the station asking for the same page at the same time. */
  private sharedReadAfter(stationId: string, after: string, limit: number): Promise<TimedDelivery[]> {
    const key = `${stationId}\u0000${after}\u0000${limit}`;
    let read = this.readsInFlight.get(key);
    if (!read) {
      read = this.readAfter(stationId, after, limit).finally(() => this.readsInFlight.delete(key));
      this.readsInFlight.set(key, read);
    }
    return read;
  }

  onModuleDestroy(): void {
    // Streams never end on their own; close them so the HTTP server can shut down.
    for (const stream of [...this.streams]) stream.close();
  }

  private async latestId(stationId: string): Promise<string> {
    const [row]: { id: string | null }[] = await this.dataSource.query(
      `SELECT max(id)::text AS id FROM "${SCHEMA}".deliveries WHERE station_id = $1`,
      [stationId],
    );
    return row?.id ?? '0';
  }

  /**
   * Postgres computes each delivery's age (clock_timestamp() − created_at, both on its clock), so
   * the stored → SSE latency carries no skew between this host's clock and the database's.
   */
  private async readAfter(stationId: string, after: string, limit: number): Promise<TimedDelivery[]> {
    stationReads.inc();
    const rows: { id: string; payload: unknown; lane: string; age_ms: number }[] = await this.dataSource.query(
      // ORDER BY d.id, the bigint column: a bare `id` would name the text output column and
      // order "10" before "9", re-sending a page's tail after the cursor moved back.
      `SELECT d.id::text AS id, d.payload, d.payload->>'lane' AS lane,
              (extract(epoch FROM clock_timestamp() - d.created_at) * 1000)::float8 AS age_ms
       FROM "${SCHEMA}".deliveries d WHERE d.station_id = $1 AND d.id > $2::bigint ORDER BY d.id LIMIT $3`,
      [stationId, after, limit],
    );
    const readAt = Date.now();
    return rows.map((row) => ({ id: row.id, payload: row.payload, lane: row.lane, storedAt: readAt - row.age_ms }));
  }
}
