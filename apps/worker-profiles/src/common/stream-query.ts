import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';

const BATCH_ROWS = 1000;

/**
 * Rows of a query, read through a server-side cursor a batch at a time: memory stays bounded by
 * the batch however many rows match. The pooled connection is released when iteration ends; if
 * the reader stops early (client went away), the connection is discarded rather than reused with
 * a cursor half-read.
 */
export async function* streamRows<T>(dataSource: DataSource, sql: string, params: unknown[]): AsyncGenerator<T> {
  const pool = (dataSource.driver as unknown as { master: { connect(): Promise<PoolClient> } }).master;
  const client = await pool.connect();
  let completed = false;
  const stream = client.query(new QueryStream(sql, params, { batchSize: BATCH_ROWS, highWaterMark: BATCH_ROWS }));
  try {
    for await (const row of stream) yield row as T;
    completed = true;
  } finally {
    if (!completed) stream.destroy();
    client.release(!completed);
  }
}
