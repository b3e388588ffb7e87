import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { metricsRegistry, sleep } from '@laowu/platform';
import type { PoolClient } from 'pg';
import { Counter } from 'prom-client';
import { DataSource } from 'typeorm';
import { EventPublisher, OutgoingMessage } from '../event-publisher';
import { outboxChannel } from './outbox.sql';

export interface OutboxRelayOptions {
  schema: string;
  batchSize?: number;
  /** Poll interval when no NOTIFY arrives (a missed notification only delays). */
  idleMs?: number;
  /** Sent rows are kept this long for inspection, then purged. */
  retainSentMs?: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  key: string;
  payload: unknown;
  headers: Record<string, string>;
}

const published = new Counter({
  name: 'laowu_outbox_published_total',
  help: 'Outbox rows published to Kafka',
  labelNames: ['schema'] as const,
  registers: [metricsRegistry],
});

/**
 * Publishes the outbox in commit order. One relay at a time per schema holds an advisory lock,
 * so per-key order holds with any number of app instances. A crash after sending and before
 * marking re-sends those rows: readers dedupe (event id, external versions), nothing is lost.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly options: Required<OutboxRelayOptions>;
  private running = false;
  private loop?: Promise<void>;
  private listener?: PoolClient;
  private wake?: () => void;
  private lastPurge = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    options: OutboxRelayOptions,
  ) {
    this.options = { batchSize: 500, idleMs: 1000, retainSentMs: 24 * 3600 * 1000, ...options };
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Before the data source closes (onModuleDestroy runs ahead of shutdown hooks). */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.stopListening();
    await this.publisher.close();
  }

  /** Publishes everything pending now; returns how many rows were sent. Used by tests too. */
  async drain(): Promise<number> {
    let total = 0;
    for (let sent = await this.publishBatch(); sent > 0; sent = await this.publishBatch()) total += sent;
    return total;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.listen();
        const sent = await this.drain();
        failures = 0;
        await this.purgeSent();
        if (!sent) await this.idle(this.options.idleMs);
      } catch (error) {
        failures++;
        const delay = Math.min(100 * 2 ** Math.min(failures, 6), 5000);
        this.logger.warn(`outbox relay (${this.options.schema}) failed: ${(error as Error).message}; retry in ${delay} ms`);
        await this.stopListening();
        await this.idle(delay);
      }
    }
  }

  private async publishBatch(): Promise<number> {
    const { schema, batchSize } = this.options;
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [`${schema}.outbox`]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT seq, topic, key, payload, headers FROM "${schema}".outbox WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
        [batchSize],
      );
      if (!rows.length) return 0;
      await this.publisher.sendBatch(groupByTopic(rows));
      await manager.query(`UPDATE "${schema}".outbox SET sent_at = now() WHERE seq = ANY($1::bigint[])`, [rows.map((r) => r.seq)]);
      published.inc({ schema }, rows.length);
      return rows.length;
    });
  }

  private async purgeSent(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    await this.dataSource.query(
      `DELETE FROM "${this.options.schema}".outbox WHERE sent_at < now() - ($1::int * interval '1 millisecond')`,
      [this.options.retainSentMs],
    );
  }

  private async listen(): Promise<void> {
    if (this.listener) return;
    const pool = (this.dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }).master;
    const client = await pool.connect();
    client.on('notification', () => this.wake?.());
    client.on('error', () => void this.stopListening());
    await client.query(`LISTEN "${outboxChannel(this.options.schema)}"`);
    this.listener = client;
  }

  private async stopListening(): Promise<void> {
    const client = this.listener;
    this.listener = undefined;
    if (!client) return;
    client.removeAllListeners('notification');
    try {
      await client.query(`UNLISTEN *`);
      client.release();
    } catch {
      client.release(true);
    }
  }

  private idle(ms: number): Promise<void> {
    return Promise.race<unknown>([
      sleep(ms),
      new Promise<void>((resolve) => {
        this.wake = resolve;
      }),
    ]).then(() => {
      this.wake = undefined;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): { topic: string; messages: OutgoingMessage[] }[] {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: JSON.stringify(row.payload), headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
