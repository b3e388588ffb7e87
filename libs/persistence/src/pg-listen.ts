import type { Pool } from 'pg';
import { type DataSource } from 'typeorm';

export interface PgListener {
  /** Resolves when the connection breaks (an error, or its end) before close(); never rejects. */
  readonly lost: Promise<void>;
  /** UNLISTEN and give the connection back to the pool (a broken one is destroyed). */
  close(): Promise<void>;
}

/**
 * LISTEN on `channel` over a connection of the DataSource's own pool, held until close(). Each
 * NOTIFY's payload goes to `onNotify`.
 */
export async function pgListen(dataSource: DataSource, channel: string, onNotify: (payload: string | undefined) => void): Promise<PgListener> {
  // TypeORM's postgres driver keeps its pg pool in `master`, which its typings do not show.
  const client = await (dataSource.driver as unknown as { master: Pool }).master.connect();
  let listening = true;
  let markLost!: () => void;
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  const broken = (): void => {
    if (listening) markLost();
  };
  client.on('error', broken);
  client.on('end', broken);
  client.on('notification', ({ payload }) => onNotify(payload));
  const release = async (): Promise<void> => {
    listening = false;
    client.removeAllListeners('notification');
    await client.query('UNLISTEN *').then(
      () => client.off('error', broken).off('end', broken).release(),
      () => client.release(true),
    );
  };
  try {
    await client.query(`LISTEN "${channel}"`);
  } catch (error) {
    listening = false;
    client.release(true);
    throw error;
  }
  return { lost, close: () => (listening ? release() : Promise.resolve()) };
}

/** A LISTEN kept up by listenForever; `stop` ends it and waits until its connection is released. */
export interface ListenLoop {
  stop(): Promise<void>;
}

export interface ListenHandlers {
  onNotify(payload: string | undefined): void;
  /** After every (re)connection: catch up on what was committed while nobody listened. */
  onListening(): void | Promise<void>;
  /** A connection failed or was lost; `failures` in a row (log the first, not every retry). */
  onFailure?(error: Error, failures: number): void;
}

/** Retry delay after `failures` lost or refused connections in a row: 400 ms doubling to 5 s. */
const backoffMs = (failures: number) => Math.min(200 * 2 ** Math.min(failures, 5), 5000);

/**
 * LISTEN on `channel` until stopped: one connection, re-opened with a backoff whenever it is lost
 * or cannot be opened (a database restart, a network cut), `onListening` after every opening. A
 * notification says only "look again", so one missed while the connection was down costs nothing
 * once `onListening` has caught up.
 */
export function listenForever(dataSource: DataSource, channel: string, handlers: ListenHandlers): ListenLoop {
  let running = true;
  let markStopped!: () => void;
  const stopped = new Promise<void>((resolve) => (markStopped = resolve));
  const pause = (ms: number) => Promise.race([new Promise<void>((resolve) => setTimeout(resolve, ms).unref()), stopped]);
  const listenUntilLost = async (): Promise<void> => {
    const listener = await pgListen(dataSource, channel, handlers.onNotify);
    try {
      await handlers.onListening();
      await Promise.race([listener.lost, stopped]);
    } finally {
      await listener.close();
    }
    if (running) throw new Error('LISTEN connection lost');
  };
  const loop = (async () => {
    for (let failures = 0; running; ) {
      try {
        await listenUntilLost();
        failures = 0;
      } catch (error) {
        failures++;
        handlers.onFailure?.(error as Error, failures);
        await pause(backoffMs(failures));
      }
    }
  })();
  return {
    stop: async () => {
      running = false;
      markStopped();
      await loop;
    },
  };
}
