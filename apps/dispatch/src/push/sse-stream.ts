import type { Response } from 'express';

export interface StoredDelivery {
  id: string;
  payload: unknown;
}

export interface SseStreamOptions {
  heartbeatMs: number;
  pageSize: number;
  stallTimeoutMs: number;
  maxBufferedBytes: number;
}

export interface SseStreamDeps<D extends StoredDelivery = StoredDelivery> {
  /** Deliveries of the station with id > after, ascending. */
  readAfter(after: string, limit: number): Promise<D[]>;
  /** A delivery was handed to the socket (for the stored → SSE latency). */
  written(delivery: D): void;
  onEnd(reason: StreamEndReason): void;
}

/** closed: by the client or at shutdown; dropped: for not draining; superseded: a newer stream of the station took its place. */
export type StreamEndReason = 'closed' | 'dropped' | 'superseded';

export function formatEvent(delivery: StoredDelivery): string {
  return `id: ${delivery.id}\nevent: match\ndata: ${JSON.stringify(delivery.payload)}\n\n`;
}

/**
 * One station's live stream. It holds no queue of events: it keeps a cursor (the last delivery id
 * written) and, whenever woken, reads what follows it from Postgres — so a reconnect with
 * Last-Event-ID and a live push are the same code path, and nothing is missed or sent twice.
 *
 * Memory per stream stays bounded: after a write the socket refuses (write() → false), the stream
 * reads nothing more until 'drain'; if the socket does not drain within the stall timeout, or
 * user-space buffering ever passes the byte cap, the connection is dropped — the client
 * reconnects with Last-Event-ID and catches up from Postgres.
 */
export class SseStream<D extends StoredDelivery = StoredDelivery> {
  private cursor: string;
  private pumping = false;
  private wokenWhilePumping = false;
  private ended = false;
  private heartbeat?: NodeJS.Timeout;
  private stallTimer?: NodeJS.Timeout;
  private drained?: () => void;

  constructor(
    private readonly res: Response,
    startAfter: string,
    private readonly deps: SseStreamDeps<D>,
    private readonly options: SseStreamOptions,
  ) {
    this.cursor = startAfter;
  }

  start(): void {
    this.res.status(200);
    this.res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    this.res.setHeader('Cache-Control', 'no-cache, no-transform');
    this.res.setHeader('Connection', 'keep-alive');
    this.res.setHeader('X-Accel-Buffering', 'no');
    this.res.flushHeaders();
    this.res.socket?.setNoDelay(true);
    this.res.on('close', () => this.end('closed'));
    this.res.on('drain', () => this.onDrain());
    this.res.write(`retry: 2000\n: stream after ${this.cursor}\n\n`);
    this.heartbeat = setInterval(() => this.sendHeartbeat(), this.options.heartbeatMs);
    this.wake();
  }

  /** Something new may exist for this station; read after the cursor. */
  wake(): void {
    if (this.ended) return;
    if (this.pumping) {
      this.wokenWhilePumping = true;
      return;
    }
    this.pumping = true;
    void this.pump()
      .catch(() => this.drop())
      .finally(() => {
        this.pumping = false;
        // A wake that landed after the last read but before this point must not be lost.
        if (this.wokenWhilePumping) this.wake();
      });
  }

  get lastId(): string {
    return this.cursor;
  }

  private async pump(): Promise<void> {
    do {
      this.wokenWhilePumping = false;
      for (;;) {
        const page = await this.deps.readAfter(this.cursor, this.options.pageSize);
        for (const delivery of page) {
          if (this.ended) return;
          const accepted = this.res.write(formatEvent(delivery));
          this.cursor = delivery.id;
          this.deps.written(delivery);
          if (this.res.writableLength > this.options.maxBufferedBytes) return this.drop();
          if (!accepted && !(await this.waitForDrain())) return;
        }
        if (page.length < this.options.pageSize) break;
      }
    } while (this.wokenWhilePumping && !this.ended);
  }

  /**
   * Resolves true on drain, false when the stream was dropped for stalling or ended. The 'close'
   * listener goes once the wait is over: a long stream waits thousands of times.
   */
  private waitForDrain(): Promise<boolean> {
    return new Promise((resolve) => {
      const onClose = () => settle(false);
      const settle = (drained: boolean) => {
        this.res.off('close', onClose);
        this.drained = undefined;
        resolve(drained);
      };
      this.drained = () => settle(true);
      this.stallTimer = setTimeout(() => {
        this.drop();
        settle(false);
      }, this.options.stallTimeoutMs);
      this.res.once('close', onClose);
    });
  }

  private onDrain(): void {
    clearTimeout(this.stallTimer);
    const drained = this.drained;
    this.drained = undefined;
    drained?.();
  }

  private sendHeartbeat(): void {
    // A backed-up socket gets no heartbeat: it would only add to the backlog.
    if (!this.ended && this.res.writableLength === 0) this.res.write(': heartbeat\n\n');
  }

  /** Server shutdown: end the response cleanly; the client reconnects elsewhere. */
  close(): void {
    if (this.ended) return;
    this.finish('closed');
    this.res.end();
  }

  /**
   * Ends the stream with a last `event: closed` saying why (`data: {"reason": …}`), and a
   * `retry:` that keeps a client which reconnects on its own from coming straight back.
   */
  closeWithNotice(reason: string, detail: Record<string, unknown>, retryMs: number): void {
    if (this.ended) return;
    this.res.write(`retry: ${retryMs}\nevent: closed\ndata: ${JSON.stringify({ reason, ...detail })}\n\n`);
    this.finish('superseded');
    this.res.end();
  }

  private drop(): void {
    if (this.ended) return;
    this.finish('dropped');
    this.res.destroy();
  }

  private end(reason: StreamEndReason): void {
    if (!this.ended) this.finish(reason);
  }

  private finish(reason: StreamEndReason): void {
    this.ended = true;
    clearInterval(this.heartbeat);
    clearTimeout(this.stallTimer);
    this.deps.onEnd(reason);
  }
}
