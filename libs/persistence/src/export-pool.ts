import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool, type PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';

export interface ExportPoolOptions {
  url: string;
  /** Names the connections in pg_stat_activity (`laowu-<name>-export`). */
  name: string;
  /** Connections for exports; the app's own pool is never used by an export. */
  size?: number;
  /** Wait for a free export connection before the export is refused (as transient: 503). */
  acquireTimeoutMs?: number;
  /**
   * An export whose reader has taken nothing for this long (a client that stopped reading) is
   * ended: its cursor closed and its connection released.
   */
  stallTimeoutMs?: number;
  /** statement_timeout of export connections (0: none); a cursor read at the client's pace runs long. */
  statementTimeoutMs?: number;
  /** Rows fetched from the cursor at a time: memory per export is bounded by it. */
  batchRows?: number;
}

/** Thrown by an export's iterator after it was ended for want of a reader. */
export class ExportStalledError extends Error {
  readonly code = 'EXPORT_STALLED';
}

const DEFAULTS = { size: 2, acquireTimeoutMs: 3000, stallTimeoutMs: 30_000, statementTimeoutMs: 600_000, batchRows: 1000 };

/**
 * A small pool of its own for streamed exports (CSV lists): a slow client holds an export
 * connection, never one the app's consumers and requests need, and a client that stops reading
 * loses its export after stallTimeoutMs rather than holding the connection for as long as it
 * keeps the socket open.
 */
export class ExportPool implements OnApplicationShutdown {
  private readonly logger = new Logger(ExportPool.name);
  private readonly pool: Pool;
  private readonly options: Required<Omit<ExportPoolOptions, 'url' | 'name'>>;
  private closed = false;

  constructor(options: ExportPoolOptions) {
    this.options = { ...DEFAULTS, ...dropUndefined(options) } as ExportPool['options'];
    this.pool = new Pool({
      connectionString: options.url,
      max: this.options.size,
      connectionTimeoutMillis: this.options.acquireTimeoutMs,
      idleTimeoutMillis: 10_000,
      statement_timeout: this.options.statementTimeoutMs,
      keepAlive: true,
      application_name: `laowu-${options.name}-export`,
    });
    // An idle export connection that dies (server restart) must not crash the process.
    this.pool.on('error', (error) => this.logger.warn(`idle export connection lost: ${error.message}`));
  }

  /**
   * Takes an export connection now (so a busy pool is refused before any response starts: the
   * error is transient, 503), then yields the rows of `sql` through a server-side cursor. The
   * connection is released when iteration ends; an iteration left early, failed or stalled
   * discards it rather than reuse it with a cursor half-read.
   */
  async stream<T>(sql: string, params: unknown[]): Promise<AsyncGenerator<T>> {
    const client = await this.pool.connect();
    return this.rows<T>(client, sql, params);
  }

  /** The HTTP side ends a response whose client stopped reading after the same time. */
  get stallTimeoutMs(): number {
    return this.options.stallTimeoutMs;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private async *rows<T>(client: PoolClient, sql: string, params: unknown[]): AsyncGenerator<T> {
    const { batchRows, stallTimeoutMs } = this.options;
    const stream = client.query(new QueryStream(sql, params, { batchSize: batchRows, highWaterMark: batchRows }));
    let released = false;
    const release = (discard: boolean) => {
      if (released) return;
      released = true;
      client.release(discard);
    };
    // Set while a row waits at `yield` for the reader to take it; a wait past stallTimeoutMs ends the export.
    let waitingSince: number | undefined;
    let stalled = false;
    const watchdog = setInterval(() => {
      if (waitingSince === undefined || Date.now() - waitingSince < stallTimeoutMs) return;
      stalled = true;
      this.logger.warn(`export ended: its reader took nothing for ${stallTimeoutMs} ms`);
      stream.destroy();
      release(true);
    }, Math.max(10, Math.min(1000, stallTimeoutMs / 4)));
    watchdog.unref();
    let completed = false;
    try {
      for await (const row of stream) {
        waitingSince = Date.now();
        yield row as T;
        waitingSince = undefined;
        if (stalled) throw new ExportStalledError(`export ended after its reader took nothing for ${stallTimeoutMs} ms`);
      }
      completed = true;
    } finally {
      clearInterval(watchdog);
      if (!completed) stream.destroy();
      release(!completed);
    }
  }
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
