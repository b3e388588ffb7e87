import { processedEventsPurge } from '@laowu/messaging';
import { RetentionPurge } from '@laowu/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { deliveriesPurge } from '../src/push/delivery-retention';
import { SCHEMA } from '../src/schema';
import { startDispatch } from './dispatch.fixtures';

const DAY = 86_400_000;

/**
 * Issue 14 (retention): deliveries done with and processed-event rows past their retention are
 * purged in bounded batches; a pending webhook delivery and anything younger stay, whatever their age.
 */
describe('retention purges', () => {
  let app: TestApp<DispatchConfig>;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await startDispatch({ DELIVERY_RETENTION_DAYS: '30', INBOX_RETENTION_DAYS: '14' });
    dataSource = app.app.get(DataSource);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  async function delivery(stationId: string, status: string, ageDays: number): Promise<string> {
    const matchId = randomUUID();
    const createdAt = new Date(Date.now() - ageDays * DAY);
    await dataSource.query(
      `INSERT INTO "${SCHEMA}".matches (id, job_id, job_material_version, worker_id, station_id, score, reasons, job, created_at, trigger, lane)
       VALUES ($1, $2, 1, $3, $4, 1, '[]', '{}', $5, 'instant_job', 'instant')`,
      [matchId, randomUUID(), randomUUID(), stationId, createdAt],
    );
    const [{ id }] = await dataSource.query(
      `INSERT INTO "${SCHEMA}".deliveries (station_id, match_id, payload, created_at, webhook_status) VALUES ($1, $2, '{}', $3, $4) RETURNING id::text AS id`,
      [stationId, matchId, createdAt, status],
    );
    return `${status}:${ageDays}:${id}`;
  }

  it('purges old deliveries that are done with, in batches, and keeps pending and recent ones', async () => {
    const stationId = `station-retention-${randomUUID()}`;
    const rows = [];
    for (const status of ['none', 'delivered', 'dead', 'pending']) {
      for (const ageDays of [45, 31, 29, 1]) rows.push(await delivery(stationId, status, ageDays));
    }
    const purge = new RetentionPurge(dataSource, [deliveriesPurge(app.config.DELIVERY_RETENTION_DAYS)], {
      everyMs: 3_600_000,
      batchSize: 2, // several batches for this station's six old rows (and whatever older runs left)
    });

    const deleted = await purge.runOnce();

    const { rows: left } = await dataSource.query(
      `SELECT webhook_status || ':' || round(extract(epoch FROM now() - created_at) / 86400)::int || ':' || id AS row FROM "${SCHEMA}".deliveries WHERE station_id = $1`,
      [stationId],
    ).then((r: { row: string }[]) => ({ rows: r.map((x) => x.row).sort() }));
    const expected = rows.filter((r) => r.startsWith('pending:') || [29, 1].includes(Number(r.split(':')[1]))).sort();
    expect(left).toEqual(expected);
    expect(deleted[`${SCHEMA}.deliveries`]).toBeGreaterThanOrEqual(6);
  });

  it('purges processed-event rows older than the inbox retention and keeps younger ones', async () => {
    const consumer = `retention-test-${randomUUID()}`;
    const ages = [20, 15, 13, 0];
    const ids = ages.map(() => randomUUID());
    for (const [i, age] of ages.entries()) {
      await dataSource.query(`INSERT INTO "${SCHEMA}".processed_events (event_id, consumer, processed_at) VALUES ($1, $2, $3)`, [
        ids[i], consumer, new Date(Date.now() - age * DAY),
      ]);
    }

    await new RetentionPurge(dataSource, [processedEventsPurge(SCHEMA, 14)], { everyMs: 3_600_000, batchSize: 1 }).runOnce();

    const left: { event_id: string }[] = await dataSource.query(`SELECT event_id FROM "${SCHEMA}".processed_events WHERE consumer = $1`, [consumer]);
    expect(left.map((r) => r.event_id).sort()).toEqual([ids[2], ids[3]].sort());
  });
});
