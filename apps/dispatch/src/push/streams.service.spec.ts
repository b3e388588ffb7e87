import { type DataSource } from 'typeorm';
import { DispatchConfig } from '../dispatch.config';
import { type DeliveryFeed } from './delivery-feed';
import { sseResponse } from './sse-response.fixtures';
import { StreamsService } from './streams.service';

/** The deliveries table of one station, counting the page reads the streams make. */
function deliveriesTable(stored: number) {
  let rows = Array.from({ length: stored }, (_, i) => ({ id: String(i + 1), payload: { n: i + 1 }, lane: 'standard', age_ms: 5 }));
  let pageReads = 0;
  const dataSource = {
    query: async (sql: string, params: unknown[]) => {
      if (sql.includes('max(id)')) return [{ id: rows.length ? rows[rows.length - 1].id : null }];
      pageReads++;
      const [, after, limit] = params as [string, string, number];
      return rows.filter((r) => Number(r.id) > Number(after)).slice(0, limit);
    },
  } as unknown as DataSource;
  const add = () => rows.push({ id: String(rows.length + 1), payload: { n: rows.length + 1 }, lane: 'standard', age_ms: 5 });
  return { dataSource, add, pageReads: () => pageReads, reset: () => (rows = []) };
}

/** A feed whose notifications the test sends. */
function feed() {
  const wakes = new Map<string, Set<() => void>>();
  const fake = {
    subscribe: (stationId: string, wake: () => void) => {
      const set = wakes.get(stationId) ?? new Set();
      set.add(wake);
      wakes.set(stationId, set);
      return () => set.delete(wake);
    },
  };
  return { feed: fake as unknown as DeliveryFeed, notify: (stationId: string) => wakes.get(stationId)?.forEach((wake) => wake()) };
}

function config(maxStreams: number): DispatchConfig {
  return Object.assign(new DispatchConfig(), { SSE_MAX_STREAMS_PER_STATION: maxStreams, SSE_HEARTBEAT_MS: 60_000 });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const events = (written: string[]) => written.filter((w) => w.startsWith('id:'));

describe('StreamsService', () => {
  let service: StreamsService | undefined;
  afterEach(() => service?.onModuleDestroy());

  it('reads once per station and notification, however many of its streams are open', async () => {
    const table = deliveriesTable(3);
    const notifications = feed();
    service = new StreamsService(table.dataSource, notifications.feed, config(5));
    const clients = [sseResponse(), sseResponse(), sseResponse()];
    for (const client of clients) await service.open(client.res, 'station-1', undefined);
    await settle();
    const before = table.pageReads();

    table.add();
    notifications.notify('station-1');
    await settle();

    expect(table.pageReads() - before).toBe(1);
    for (const client of clients) expect(events(client.written)).toEqual([`id: 4\nevent: match\ndata: {"n":4}\n\n`]);
  });

  it('ends the oldest stream of a station past the cap, telling it why, and keeps the others', async () => {
    const table = deliveriesTable(0);
    service = new StreamsService(table.dataSource, feed().feed, config(2));
    const clients = [sseResponse(), sseResponse(), sseResponse()];
    for (const client of clients) await service.open(client.res, 'station-2', undefined);
    await service.open(sseResponse().res, 'station-3', undefined); // another station's stream counts apart
    await settle();

    const last = clients[0].written[clients[0].written.length - 1];
    expect(last).toMatch(/^retry: \d+\nevent: closed\ndata: /);
    expect(JSON.parse(last.split('data: ')[1])).toEqual({ reason: 'STREAM.SUPERSEDED', maxStreamsPerStation: 2 });
    for (const client of clients.slice(1)) expect(client.written.some((w) => w.includes('event: closed'))).toBe(false);
    expect(service.stats()).toEqual({ open: 3, dropped: 0, superseded: 1 });
  });
});
