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
