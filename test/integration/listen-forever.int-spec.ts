import { listenForever } from '@laowu/persistence';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { testInfra } from '../support/infra';

/**
 * The LISTEN loop that dispatch's delivery feed and matching's live ranking weights share
 * (@laowu/persistence listenForever), against the real PostgreSQL: notifications arrive, a
 * connection the server kills is re-opened with a catch-up, and stop releases the connection.
 */
describe('listenForever (real PostgreSQL)', () => {
  const channel = `laowu_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const dataSource = new DataSource({ type: 'postgres', url: testInfra().databaseUrl, applicationName: 'laowu-listen-test' });

  beforeAll(() => dataSource.initialize());
  afterAll(() => dataSource.destroy());

  const listeningPids = async (): Promise<number[]> =>
    (await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'laowu-listen-test' AND query = $1`, [`LISTEN "${channel}"`])).map(
      (row: { pid: number }) => row.pid,
    );

  it('delivers notifications, re-listens with a catch-up after the server kills its connection, and lets go on stop', async () => {
    const payloads: (string | undefined)[] = [];
    const failures: number[] = [];
    let openings = 0;
    const loop = listenForever(dataSource, channel, {
      onNotify: (payload) => payloads.push(payload),
      onListening: () => void openings++,
      onFailure: (_error, inARow) => failures.push(inARow),
    });
    await eventually(() => openings === 1 && (async () => (await listeningPids()).length === 1)());
    await dataSource.query(`SELECT pg_notify($1, 'first')`, [channel]);
    await eventually(() => payloads.includes('first'));

    const [pid] = await listeningPids();
    await dataSource.query('SELECT pg_terminate_backend($1)', [pid]);
    await eventually(async () => openings === 2 && (await listeningPids()).some((other) => other !== pid), 15_000);
    expect(failures).toEqual([1]);
    await dataSource.query(`SELECT pg_notify($1, 'after the cut')`, [channel]);
    await eventually(() => payloads.includes('after the cut'));

    await loop.stop();
    expect(await listeningPids()).toEqual([]);
    await dataSource.query(`SELECT pg_notify($1, 'after stop')`, [channel]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(payloads).not.toContain('after stop');
  });
});
