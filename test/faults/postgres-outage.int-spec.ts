import { eventually } from '@laowu/testkit';
import { type WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { testInfra } from '../support/infra';
import { TcpProxy } from '../support/tcp-proxy';
import { type TestApp } from '../support/test-app';
import {
  type PublishedPlacement, placementEvent, placementOutcome, PlacementPublisher, cloneWorkers, deadLettersOf, DISPATCH_DLQ, registerWorker, removeStationWorkers,
  startWorkerProfiles, TopicRecorder, workerIdsOfStation,
} from './outage.fixtures';
import { database, log, sleep, unique } from '../support/faults';

const EVENTS = 300;
const WORKERS = 30;
const OUTAGE_MS = 30_000;

/**
 * Issue 14, faults: PostgreSQL becomes unreachable for 30 s for an app in the middle of a stream
 * of PlacementStarted events (through a TCP proxy in front of the shared server, which other tests
 * keep using: the proxy refuses and cuts every connection). Afterwards each placement has been
 * applied exactly once (one employment-status entry per placement, counted in PostgreSQL) and none
 * was dead-lettered: the consumer waited and retried through the outage.
 */
describe('faults: PostgreSQL unreachable for 30 s mid-stream', () => {
  const county = '542523'; // 噶尔县: no other test registers workers here
  const run = unique();
  const stationId = `station-faults-pg-${run}`;
  const proxy = TcpProxy.forUrl(testInfra().databaseUrl);
  let setup: Awaited<ReturnType<typeof database>>;
  let app: TestApp<WorkerProfilesConfig> | undefined;
  let dlq: TopicRecorder | undefined;
  const publisher = new PlacementPublisher();
  let cut = false;

  beforeAll(async () => {
    setup = await database();
    await proxy.open();
    app = await startWorkerProfiles(`faults-pg-outage-${run}`, { DATABASE_URL: proxy.url(testInfra().databaseUrl) });
    dlq = await TopicRecorder.start([DISPATCH_DLQ]);
  }, 180_000);

  afterAll(async () => {
    if (cut) await proxy.open().catch(() => undefined);
    await app?.close();
    await proxy.close();
    await dlq?.stop();
    await publisher.close();
    if (setup) await removeStationWorkers(setup, stationId);
    await setup?.end();
  }, 120_000);

  it('applies every placement exactly once and dead-letters none', async () => {
    const template = await registerWorker(app!.url, stationId, county);
    await cloneWorkers(setup, template, stationId, WORKERS - 1);
    const workerIds = await workerIdsOfStation(setup, stationId, WORKERS);
    expect(workerIds).toHaveLength(WORKERS);
    const events = Array.from({ length: EVENTS }, (_, n) => placementEvent(workerIds[n % WORKERS], county, run));

    // The stream: 10 placements every 250 ms; the proxy is cut after a third of them and stays cut
    // for 30 s while the rest keep coming, then comes back.
    const published: PublishedPlacement[] = [];
    const stream = (async () => {
      for (let from = 0; from < EVENTS; from += 10) {
        published.push(...(await publisher.publish(events.slice(from, from + 10))));
        await sleep(250);
      }
    })();
    await eventually(() => published.length >= EVENTS / 3, 60_000, 200, () => `${published.length} published`);
    log(`${published.length} placements published; PostgreSQL unreachable for ${OUTAGE_MS / 1000} s`);
    cut = true;
    await proxy.close();
    await sleep(OUTAGE_MS);
    await proxy.open();
    cut = false;
    log(`PostgreSQL reachable again with ${published.length} placements published`);
    await stream;

    await eventually(async () => (await placementOutcome(setup, published)).applied === EVENTS, 180_000, 1000, () => `not every placement applied`);
    await sleep(3000); // a redelivery applied twice, were there one, would follow closely
    const outcome = await placementOutcome(setup, published);
    const { rows } = await setup.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM worker_profiles.processed_events WHERE event_id = ANY($1::uuid[])`,
      [published.map((a) => a.eventId)],
    );

    expect(published).toHaveLength(EVENTS);
    expect(outcome).toEqual({ applied: EVENTS, missing: [], doubled: [] });
    expect(rows[0].n).toBe(EVENTS);
    expect(deadLettersOf(dlq!, published)).toEqual([]);
  }, 420_000);
});
