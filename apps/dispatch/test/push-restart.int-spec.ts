import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { testInfra } from '../../../test/support/infra';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { Events, job, matchGroup, SseClient, type SseEvent, startDispatch, tokens } from './dispatch.fixtures';

/** Its own file: no other dispatch instance of this run may consume (and so store) these events meanwhile. */
describe('dispatch: a consumer restart mid-batch delivers every match exactly once', () => {
  const events = new Events();
  const apps: TestApp<DispatchConfig>[] = [];
  /** Outlives both instances. */
  const db = new Client({ connectionString: testInfra().databaseUrl });

  beforeAll(() => db.connect());

  afterAll(async () => {
    await events.close();
    for (const app of apps) await app.close().catch(() => undefined);
    await db.end();
  });

  const count = async (sql: string, stationId: string): Promise<number> => (await db.query(sql, [stationId])).rows[0].n;

  it('stops while storing a large backlog of both lanes, resumes on the same group, and delivers each match once', async () => {
    // 20,000 matches in 400 events: the first instance is closed as soon as it has stored some.
    const first = await startDispatch();
    apps.push(first);
    const stationId = `station-${randomUUID().slice(0, 8)}`;
    await request(first.url)
      .post('/v1/stations')
      .set('Authorization', tokens.admin())
      .send({ id: stationId, name: '会东县就业服务站', regionCode: '513426', location: { lat: 26.63, lon: 102.58 } })
      .expect(201);
    const groups = [
      ...Array.from({ length: 240 }, () => matchGroup(stationId, job({ instant: false, kind: 'fulltime' }), { trigger: 'cross_region_job', count: 50 })),
      ...Array.from({ length: 160 }, () => matchGroup(stationId, job(), { trigger: 'instant_job', count: 50 })),
    ];
    const all = groups.flatMap((g) => g.matches.map((m) => m.matchId));
    for (let i = 0; i < groups.length; i += 40) await events.matchesFound(...groups.slice(i, i + 40)); // within the broker's message size

    const deliveries = `SELECT count(*)::int AS n FROM dispatch.deliveries WHERE station_id = $1`;
    await eventually(async () => expect(await count(deliveries, stationId)).toBeGreaterThan(0), 60000, 10);
    await first.close();
    apps.pop();
    expect(await count(deliveries, stationId)).toBeLessThan(all.length); // it really stopped part-way

    const second = await startDispatch({ KAFKA_GROUP_ID: first.config.KAFKA_GROUP_ID });
    apps.push(second);
    await eventually(async () => expect(await count(deliveries, stationId)).toBe(all.length), 120000);
    const doubled = await db.query(
      `SELECT match_id, count(*)::int AS n FROM dispatch.deliveries WHERE station_id = $1 GROUP BY match_id HAVING count(*) > 1`,
      [stationId],
    );
    expect(doubled.rows).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM dispatch.matches WHERE station_id = $1`, stationId)).toBe(all.length);

    const replayed = await replayAll(`${second.url}/v1/stations/${stationId}/stream`, tokens.station(stationId), all.length);
    const ids = replayed.map((e) => JSON.parse(e.data).matchId as string);
    expect({ events: ids.length, distinct: new Set(ids).size }).toEqual({ events: all.length, distinct: all.length });
    expect([...ids].sort()).toEqual([...all].sort());
    const eventIds = replayed.map((e) => BigInt(e.id!));
    expect(eventIds.every((id, i) => i === 0 || id > eventIds[i - 1])).toBe(true);
  }, 300_000);

  /** Reads the station's whole stream from `Last-Event-ID: 0`, resuming from the last id whenever it is dropped. */
  async function replayAll(url: string, token: string, expected: number): Promise<SseEvent[]> {
    const received: SseEvent[] = [];
    const deadline = Date.now() + 120000;
    while (received.length < expected && Date.now() < deadline) {
      const client = await SseClient.connect(url, token, received.length ? received[received.length - 1].id : '0');
      while (!client.ended && received.length + client.matches.length < expected && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await new Promise((resolve) => setTimeout(resolve, 300)); // a duplicate, were there one, would follow at once
      client.close();
      received.push(...client.matches);
    }
    return received;
  }
});
