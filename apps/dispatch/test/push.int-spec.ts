import { createEnvelope, MatchFound, TOPICS } from '@laowu/contracts';
import { eventually } from '@laowu/testkit';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { StreamsService } from '../src/push/streams.service';
import { verifySignature } from '../src/webhooks/webhook-signature';
import { Events, FAST_WEBHOOK_RETRIES, job, match, SseClient, type SseEvent, startDispatch, tokens } from './dispatch.fixtures';

describe('dispatch: push to stations (SSE, webhooks)', () => {
  let running: TestApp<DispatchConfig>;
  const events = new Events();

  beforeAll(async () => {
    running = await startDispatch({
      SSE_HEARTBEAT_MS: '200',
      SSE_STALL_TIMEOUT_MS: '500',
      ...FAST_WEBHOOK_RETRIES,
      // The webhook receivers below listen on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
    });
  });

  afterAll(async () => {
    await events.close();
    await running?.close();
  });

  async function registerStation(webhook?: { url: string; secret: string }): Promise<string> {
    const id = `station-${randomUUID().slice(0, 8)}`;
    await request(running.url)
      .post('/v1/stations')
      .set('Authorization', tokens.admin())
      .send({ id, name: '西昌市就业服务站', regionCode: '513401', location: { lat: 27.88, lon: 102.27 }, webhook })
      .expect(201);
    return id;
  }

  const streamUrl = (stationId: string) => `${running.url}/v1/stations/${stationId}/stream`;

  async function storedMatches(stationId: string): Promise<number> {
    const res = await request(running.url).get(`/v1/stations/${stationId}/matches?limit=500`).set('Authorization', tokens.station(stationId)).expect(200);
    return res.body.items.length;
  }

  it('pushes a match event to a connected SSE client, with heartbeats in between', async () => {
    const stationId = await registerStation();
    const client = await SseClient.connect(streamUrl(stationId), tokens.station(stationId));
    expect(client.status).toBe(200);
    const found = match(stationId, job());
    await events.matches(found);
    const [event] = await client.waitForMatches(1);
    expect(event.id).toMatch(/^\d+$/);
    expect(JSON.parse(event.data)).toEqual({
      matchId: found.matchId, jobId: found.jobId, workerId: found.workerId, score: found.score,
      reasons: found.reasons, job: found.job, trigger: 'instant_job', lane: 'instant', createdAt: found.createdAt,
    });
    await eventually(async () => expect(client.comments).toBeGreaterThan(2));
    client.close();
  });

  it('a client that drops and reconnects with Last-Event-ID misses nothing and receives nothing twice', async () => {
    const stationId = await registerStation();
    const first = await SseClient.connect(streamUrl(stationId), tokens.station(stationId));
    const jobData = job();
    const all = Array.from({ length: 7 }, () => match(stationId, jobData));
    await events.matches(...all.slice(0, 3));
    await first.waitForMatches(3);
    first.close();

    // While disconnected: three new matches, a re-announcement of an old pair (same matchId, new
    // event id) and one event delivered twice by the broker (same envelope).
    const twice = createEnvelope(MatchFound, all[4], { producer: 'matching' });
    await events.matches(all[3], { ...all[1], createdAt: new Date().toISOString() });
    await events.publish(TOPICS.matches, [twice, twice]);
    await events.matches(all[5]);
    await eventually(async () => expect(await storedMatches(stationId)).toBe(6), 30000);

    const second = await SseClient.connect(streamUrl(stationId), tokens.station(stationId), first.lastId);
    await second.waitForMatches(3);
    await events.matches(all[6]);
    await second.waitForMatches(4);

    const ids = [...first.matches, ...second.matches].map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(7);
    const received = [...first.matches, ...second.matches].map((e) => JSON.parse(e.data).matchId);
    expect(received).toEqual(all.map((m) => m.matchId));
    second.close();
  });

  it('drops a client that stops reading instead of buffering for it; it catches up on reconnect', async () => {
    const stationId = await registerStation();
    const streams = running.app.get(StreamsService);
    const droppedBefore = streams.stats().dropped;
    const { port } = new URL(running.url);
    const stuck = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => stuck.once('connect', resolve));
    stuck.write(`GET /v1/stations/${stationId}/stream HTTP/1.1\r\nHost: x\r\nAuthorization: ${tokens.station(stationId)}\r\nLast-Event-ID: 0\r\n\r\n`);
    stuck.pause(); // never reads: the kernel buffers fill and the server's writes stop draining

    // ~6 MB of matches (long reasons), more than the loopback socket buffers and the app's
    // per-connection cap (1 MB) hold.
    // Ten jobs: a station is pushed at most 50 matches per job by default (push settings).
    const jobs = Array.from({ length: 10 }, () => job());
    const reasons = Array.from({ length: 60 }, (_, i) => ({ factor: `factor-${i}`, contribution: 0.01, detail: 'x'.repeat(480) }));
    const big = Array.from({ length: 200 }, (_, i) => match(stationId, jobs[Math.floor(i / 20)], { reasons }));
    for (let i = 0; i < big.length; i += 20) await events.matches(...big.slice(i, i + 20));

    await eventually(async () => expect(await storedMatches(stationId)).toBe(200), 90000);
    await eventually(async () => expect(streams.stats().dropped).toBeGreaterThan(droppedBefore), 30000);
    stuck.destroy();

    // A real client resumes from its last id whenever it is dropped; under load (this process
    // runs the server and the client on one event loop) even the catching-up client may be.
    const received = await readAllResuming(streamUrl(stationId), tokens.station(stationId), 200);
    const ids = received.map((e) => JSON.parse(e.data).matchId);
    expect({ count: ids.length, unique: new Set(ids).size, eventIdsUnique: new Set(received.map((e) => e.id)).size }).toEqual({ count: 200, unique: 200, eventIdsUnique: 200 });
    expect(ids).toEqual(big.map((m) => m.matchId)); // in the order they were found
    const eventIds = received.map((e) => BigInt(e.id!));
    expect(eventIds.every((id, i) => i === 0 || id > eventIds[i - 1])).toBe(true);
  }, 240_000);

  it('streams deliveries in numeric id order where the ids gain a digit (10¹¹ − 6 … 10¹¹ + 5)', async () => {
    // A text-ordered read sends "100000000000" before "99999999994" and, once its cursor moved
    // back to the smaller id, sends the larger ones again.
    const stationId = await registerStation();
    const jobData = job();
    const all = Array.from({ length: 12 }, () => match(stationId, jobData));
    await events.matches(...all);
    await eventually(async () => expect(await storedMatches(stationId)).toBe(12), 30000);
    const base = 10n ** 11n - 6n;
    const db = running.app.get(DataSource);
    await db.query(`DELETE FROM dispatch.deliveries WHERE id >= $1 AND id < $2`, [String(base), String(base + 12n)]); // an earlier run's
    await db.query(
      `UPDATE dispatch.deliveries d SET id = $2::bigint + r.n
       FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM dispatch.deliveries WHERE station_id = $1) r
       WHERE d.id = r.id`,
      [stationId, String(base)],
    );

    const client = await SseClient.connect(streamUrl(stationId), tokens.station(stationId), '0');
    await client.waitForMatches(12);
    await new Promise((resolve) => setTimeout(resolve, 300)); // a repeat, were there one, follows at once
    client.close();
    expect(client.matches.map((e) => e.id)).toEqual(Array.from({ length: 12 }, (_, n) => String(base + BigInt(n))));
    expect(client.matches.map((e) => JSON.parse(e.data).matchId)).toEqual(all.map((m) => m.matchId));
  });

  async function readAllResuming(url: string, token: string, count: number): Promise<SseEvent[]> {
    const received: SseEvent[] = [];
    const deadline = Date.now() + 120000;
    while (received.length < count && Date.now() < deadline) {
      const client = await SseClient.connect(url, token, received.length ? received[received.length - 1].id : '0');
      while (!client.ended && received.length + client.matches.length < count && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      client.close();
      received.push(...client.matches);
    }
    return received;
  }

  describe('webhooks', () => {
    const secret = 'station-webhook-secret-0001';
    let receiver: http.Server;
    let calls: { body: string; signature: string; deliveryId: string; answered: number }[];
    let answer: (n: number) => number;

    beforeAll(async () => {
      receiver = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => (body += chunk));
        req.on('end', () => {
          const answered = answer(calls.length + 1);
          calls.push({ body, signature: String(req.headers['x-laowu-signature']), deliveryId: String(req.headers['x-laowu-delivery']), answered });
          res.writeHead(answered).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    });

    beforeEach(() => (calls = []));
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    const receiverUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;

    it('retries a receiver that fails twice: exactly one accepted delivery, with a signature that verifies', async () => {
      answer = (n) => (n <= 2 ? 500 : 204);
      const stationId = await registerStation({ url: receiverUrl(), secret });
      const found = match(stationId, job());
      await events.matches(found);

      const delivered = await eventually(async () => {
        const res = await request(running.url).get(`/v1/stations/${stationId}/deliveries?status=delivered`).set('Authorization', tokens.station(stationId)).expect(200);
        expect(res.body.items).toHaveLength(1);
        return res.body.items[0];
      }, 30000);
      expect(delivered.attempts).toBe(3);
      expect(calls.map((c) => c.answered)).toEqual([500, 500, 204]);
      expect(new Set(calls.map((c) => c.deliveryId))).toEqual(new Set([delivered.deliveryId]));
      const accepted = calls.filter((c) => c.answered < 300);
      expect(accepted).toHaveLength(1);
      expect(verifySignature(secret, accepted[0].body, accepted[0].signature, Math.floor(Date.now() / 1000))).toBe(true);
      expect(verifySignature('another-secret-entirely', accepted[0].body, accepted[0].signature, Math.floor(Date.now() / 1000))).toBe(false);
      expect(JSON.parse(accepted[0].body)).toEqual({ id: delivered.deliveryId, event: 'match', data: expect.objectContaining({ matchId: found.matchId }) });
      const undelivered = await request(running.url).get(`/v1/stations/${stationId}/deliveries`).set('Authorization', tokens.station(stationId)).expect(200);
      expect(undelivered.body.items).toEqual([]);
    });

    it('dead-letters a delivery after the last try and lists it as undelivered', async () => {
      answer = () => 503;
      const stationId = await registerStation({ url: receiverUrl(), secret });
      const found = match(stationId, job());
      await events.matches(found);

      const dead = await eventually(async () => {
        const res = await request(running.url).get(`/v1/stations/${stationId}/deliveries?status=dead`).set('Authorization', tokens.station(stationId)).expect(200);
        expect(res.body.items).toHaveLength(1);
        return res.body.items[0];
      }, 30000);
      expect(dead).toMatchObject({ matchId: found.matchId, webhookStatus: 'dead', attempts: 3, lastError: 'HTTP 503' });
      expect(calls).toHaveLength(3);
      const undelivered = await request(running.url).get(`/v1/stations/${stationId}/deliveries?status=undelivered`).set('Authorization', tokens.station(stationId)).expect(200);
      expect(undelivered.body.items.map((d: { deliveryId: string }) => d.deliveryId)).toEqual([dead.deliveryId]);
    });

    it('never returns the webhook secret', async () => {
      const stationId = await registerStation({ url: receiverUrl(), secret });
      const res = await request(running.url).get(`/v1/stations/${stationId}`).set('Authorization', tokens.station(stationId)).expect(200);
      expect(res.body.webhook).toEqual({ url: receiverUrl(), hasSecret: true });
      expect(JSON.stringify(res.body)).not.toContain(secret);
    });
  });

  it('lets a station see only its own stream, and names a bad Last-Event-ID', async () => {
    const stationId = await registerStation();
    await request(running.url).get(`/v1/stations/${stationId}/stream`).set('Authorization', tokens.station('someone-else')).expect(403);
    const bad = await request(running.url).get(`/v1/stations/${stationId}/stream`).set('Authorization', tokens.station(stationId)).set('Last-Event-ID', 'abc').expect(400);
    expect(bad.body.details).toEqual([{ field: 'Last-Event-ID', problem: expect.any(String) }]);
    const again = await request(running.url)
      .post('/v1/stations')
      .set('Authorization', tokens.admin())
      .send({ id: stationId, name: 'x', regionCode: '513401', location: { lat: 1, lon: 1 } });
    expect(again.status).toBe(409);
    const unknownRegion = await request(running.url)
      .post('/v1/stations')
      .set('Authorization', tokens.admin())
      .send({ id: `${stationId}-2`, name: 'x', regionCode: '999999', location: { lat: 1, lon: 1 } });
    expect(unknownRegion.status).toBe(422);
    expect(unknownRegion.body.details[0].field).toBe('regionCode');
  });
});
