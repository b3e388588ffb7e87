import { connect, type Socket } from 'node:net';
import { type WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { eventually, tokenFor } from '@laowu/testkit';
import { type TestApp } from '../support/test-app';
import {
  placementEvent, placementOutcome, PlacementPublisher, cloneWorkers, deadLettersOf, DISPATCH_DLQ, registerWorker, removeStationWorkers,
  startWorkerProfiles, TopicRecorder, workerIdsOfStation,
} from './outage.fixtures';
import { database, log, sleep, unique } from '../support/faults';

/** More rows than every socket buffer between the app and a reader holds (≈ 200 bytes of CSV each). */
const ROWS = 50_000;
const READERS = 12;
const EVENTS = 40;
const EXPORT_POOL_SIZE = 2;
/** Long enough for the placements to apply while the exports hang (seconds, even on a loaded machine), short enough not to idle. */
const STALL_TIMEOUT_MS = 25_000;

/**
 * A client that asks for a CSV export, reads the status line and then nothing more: the app's
 * socket fills and the export waits on it, holding its database connection. Resumed, it reads
 * what is left until the server ends the response, counting the CSV lines.
 */
class SilentReader {
  status?: number;
  private readonly socket: Socket;
  private readonly answered: Promise<void>;
  private received = '';
  private readonly ended: Promise<void>;

  constructor(url: string, path: string, token: string) {
    const { hostname, port } = new URL(url);
    this.socket = connect(Number(port), hostname);
    this.socket.on('error', () => undefined);
    this.ended = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.answered = new Promise((resolve) => {
      this.socket.once('data', (chunk: Buffer) => {
        this.socket.pause();
        this.received = chunk.toString('utf8');
        this.status = Number(/^HTTP\/1\.1 (\d{3})/.exec(this.received)?.[1]);
        resolve();
      });
      this.socket.once('close', () => resolve());
    });
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\nConnection: close\r\n\r\n`);
  }

  whenAnswered(): Promise<void> {
    return this.answered;
  }

  /** Reads the rest until the server closes the connection; resolves with the CSV lines received (chunked framing aside). */
  async readToEnd(): Promise<number> {
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('utf8')));
    this.socket.resume();
    await this.ended;
    return this.received.split('\r\n').filter((line) => /^[0-9a-f]{8}-/.test(line)).length;
  }

  close(): void {
    this.socket.destroy();
  }
}

/**
 * Issue 14, faults: slow export readers used to take every pooled connection of worker-profiles,
 * and the events consumed meanwhile failed with "timeout exceeded when trying to connect" and
 * were dead-lettered after three tries. Now exports have their own small pool: while a dozen
 * readers hang, two exports hold export connections, the others are refused (503), and every
 * placement is applied once, none dead-lettered; a reader that reads nothing loses its export after
 * EXPORT_STALL_TIMEOUT_MS and its connection is released.
 */
describe('faults: the database pool under slow export readers while events flow', () => {
  const county = '542526'; // 改则县: no other test registers workers here
  const run = unique();
  const stationId = `station-faults-pool-${run}`;
  const bureau = tokenFor({ sub: `bureau-faults-${run}`, role: 'bureau', region: county });
  let setup: Awaited<ReturnType<typeof database>>;
  let app: TestApp<WorkerProfilesConfig> | undefined;
  let dlq: TopicRecorder | undefined;
  const readers: SilentReader[] = [];
  const publisher = new PlacementPublisher();

  beforeAll(async () => {
    setup = await database();
    app = await startWorkerProfiles(`faults-pool-${run}`, {
      DB_POOL_SIZE: '10',
      EXPORT_POOL_SIZE: String(EXPORT_POOL_SIZE),
      EXPORT_STALL_TIMEOUT_MS: String(STALL_TIMEOUT_MS),
    });
    dlq = await TopicRecorder.start([DISPATCH_DLQ]);
  }, 180_000);

  afterAll(async () => {
    for (const reader of readers) reader.close();
    await app?.close();
    await dlq?.stop();
    await publisher.close();
    if (setup) await removeStationWorkers(setup, stationId);
    await setup?.end();
  }, 120_000);

  /** Connections of the app in PostgreSQL, by pool (application_name). */
  async function connections(): Promise<{ exports: number }> {
    const { rows } = await setup.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'laowu-worker_profiles-export' AND state <> 'idle'`,
    );
    return { exports: rows[0].n };
  }

  it('applies every placement while the readers hang, dead-letters none, and ends the stalled exports', async () => {
    const template = await registerWorker(app!.url, stationId, county);
    await cloneWorkers(setup, template, stationId, ROWS);
    const workerIds = await workerIdsOfStation(setup, stationId, EVENTS);
    const exportsBefore = (await connections()).exports;

    const path = `/v1/lists/employed?regionCode=${county}&format=csv`;
    for (let i = 0; i < READERS; i++) readers.push(new SilentReader(app!.url, path, bureau));
    await Promise.all(readers.map((r) => r.whenAnswered()));
    const statuses = readers.map((r) => r.status ?? 0).sort();
    log(`export readers answered: ${statuses.join(' ')}; waiting until their exports are stuck on full sockets`);
    expect(statuses).toEqual([...Array(READERS - EXPORT_POOL_SIZE).fill(503), ...Array(EXPORT_POOL_SIZE).fill(200)].sort());
    await eventually(async () => (await connections()).exports - exportsBefore >= EXPORT_POOL_SIZE, 30_000, 200, () => 'exports not holding their connections');

    const placements = await publisher.publish(workerIds.map((workerId) => placementEvent(workerId, county, run)));
    await eventually(async () => (await placementOutcome(setup, placements)).applied === EVENTS, 60_000, 500, () => 'not every placement applied');
    // The exports still hold their connections: the placements went through beside them.
    expect((await connections()).exports - exportsBefore).toBe(EXPORT_POOL_SIZE);

    log(`all ${EVENTS} placements applied with ${EXPORT_POOL_SIZE} exports stuck; waiting for the stall timeout to end them`);
    await eventually(async () => (await connections()).exports <= exportsBefore, STALL_TIMEOUT_MS + 30_000, 500, () => 'export connections not released');
    // Read what the server had sent before it ended each stalled export: the file is cut short.
    const rowsReceived = await Promise.all(readers.filter((r) => r.status === 200).map((r) => r.readToEnd()));
    log(`the stalled exports ended after ${rowsReceived.join(' and ')} of ${ROWS + 1} rows`);
    for (const rows of rowsReceived) {
      expect(rows).toBeGreaterThan(0);
      expect(rows).toBeLessThan(ROWS + 1);
    }
    await sleep(2000);

    const outcome = await placementOutcome(setup, placements);
    expect(outcome).toEqual({ applied: EVENTS, missing: [], doubled: [] });
    expect(deadLettersOf(dlq!, placements)).toEqual([]);
  }, 300_000);
});
