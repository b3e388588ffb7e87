import { eventually } from '@laowu/testkit';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http, { type IncomingHttpHeaders } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { verifySignature } from '../src/webhooks/webhook-signature';
import { Events, FAST_WEBHOOK_RETRIES, job, match, startDispatch, tokens } from './dispatch.fixtures';

/**
 * Issue 14, item 8 and "a webhook test against local receivers": every receiver here is a node
 * http server on 127.0.0.1 started by the test. By default the dispatcher never connects to it;
 * with the development setting it does, and then signs, caps, limits and breaks circuits.
 */

interface Call {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

type Respond = (call: Call, res: http.ServerResponse) => void;

const answer =
  (status: number): Respond =>
  (_call, res) =>
    res.writeHead(status).end();

class Receiver {
  readonly calls: Call[] = [];
  respond: Respond = answer(204);
  active = 0;
  maxActive = 0;

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<Receiver> {
    const receiver: Receiver = new Receiver(
      http.createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
          const call = { path: req.url ?? '', headers: req.headers, body, at: Date.now() };
          receiver.calls.push(call);
          receiver.maxActive = Math.max(receiver.maxActive, ++receiver.active);
          res.on('close', () => receiver.active--);
          receiver.respond(call, res);
        });
      }),
    );
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  callsTo(path: string): Call[] {
    return this.calls.filter((c) => c.path === path);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A Standard Webhooks verifier written from the specification (standardwebhooks.com), sharing no
 * code with the dispatcher: the key is the base64 after `whsec_`; the signed content is
 * `<webhook-id>.<webhook-timestamp>.<raw body>`; `webhook-signature` lists space-separated
 * `v1,<base64 HMAC-SHA256>` entries, any of which may match; timestamps outside the tolerance fail.
 */
function verifyStandardWebhook(secret: string, headers: IncomingHttpHeaders, rawBody: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signatures = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) return false;
  if (!secret.startsWith('whsec_')) throw new Error('a Standard Webhooks secret starts with whsec_');
  const expected = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${rawBody}`).digest();
  return signatures.split(' ').some((entry) => {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') return false;
    const given = Buffer.from(entry.slice(comma + 1), 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const whsec = () => `whsec_${randomBytes(32).toString('base64')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const newStationId = () => `station-wh-${randomUUID().slice(0, 8)}`;

interface Delivery {
  deliveryId: string;
  webhookStatus: string;
  attempts: number;
  lastError?: string;
  createdAt: string;
}

describe('webhooks against local receivers', () => {
  const events = new Events();

  afterAll(() => events.close());

  async function register(app: TestApp<DispatchConfig>, webhook?: { url: string; secret: string }, id = newStationId()): Promise<request.Response> {
    return request(app.url)
      .post('/v1/stations')
      .set('Authorization', tokens.admin())
      .send({ id, name: '西昌市就业服务站', regionCode: '513401', location: { lat: 27.88, lon: 102.27 }, webhook });
  }

  async function deliveries(app: TestApp<DispatchConfig>, stationId: string, status: 'undelivered' | 'dead' | 'delivered'): Promise<Delivery[]> {
    const res = await request(app.url).get(`/v1/stations/${stationId}/deliveries?status=${status}`).set('Authorization', tokens.station(stationId)).expect(200);
    return res.body.items;
  }

  /** Waits until the station has exactly `count` deliveries with this status. */
  function settled(app: TestApp<DispatchConfig>, stationId: string, status: 'dead' | 'delivered', count = 1): Promise<Delivery[]> {
    return eventually(async () => {
      const items = await deliveries(app, stationId, status);
      expect(items).toHaveLength(count);
      return items;
    }, 60_000);
  }

  describe('by default', () => {
    let app: TestApp<DispatchConfig>;
    let receiver: Receiver;

    beforeAll(async () => {
      app = await startDispatch(FAST_WEBHOOK_RETRIES);
      receiver = await Receiver.start();
    });

    afterAll(async () => {
      await app?.close();
      await receiver?.close();
    });

    it.each([
      ['http to loopback', 'http://127.0.0.1:9/hook'],
      ['plain http to a public host', 'http://station.example.cn/hook'],
      ['loopback', 'https://127.0.0.1/hook'],
      ['loopback by name', 'https://localhost/hook'],
      ['IPv6 loopback', 'https://[::1]/hook'],
      ['IPv4-mapped loopback', 'https://[::ffff:127.0.0.1]/hook'],
      ['the metadata service', 'https://169.254.169.254/latest/meta-data/'],
      ['the metadata service, IPv4-mapped hex', 'https://[::ffff:a9fe:a9fe]/latest/meta-data/'],
      ['a private address', 'https://10.0.0.8/hook'],
      ['a private address', 'https://192.168.1.20:8443/hook'],
      ['CGNAT', 'https://100.64.0.9/hook'],
      ['unspecified', 'https://0.0.0.0/hook'],
      ['IPv6 unique-local', 'https://[fd00::5]/hook'],
      ['IPv6 link-local', 'https://[fe80::1]/hook'],
    ])('refuses registering a webhook to %s (%s) with a 400 naming webhook.url', async (_what, url) => {
      const id = newStationId();
      const res = await register(app, { url, secret: whsec() }, id);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'webhook.url' })]));
      await request(app.url).get(`/v1/stations/${id}`).set('Authorization', tokens.admin()).expect(404);
    });

    it('refuses a malformed whsec_ secret naming webhook.secret, and registers a public https webhook', async () => {
      const bad = await register(app, { url: 'https://station.example.cn/laowu/matches', secret: `whsec_${randomBytes(8).toString('base64')}` });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual([{ field: 'webhook.secret', problem: expect.any(String) }]);
      const ok = await register(app, { url: 'https://station.example.cn/laowu/matches', secret: whsec() });
      expect(ok.status).toBe(201);
      expect(ok.body.webhook).toEqual({ url: 'https://station.example.cn/laowu/matches', hasSecret: true });
    });

    it('never connects to a loopback receiver (by address or by name) of a station stored earlier: the station sees only "address not allowed"', async () => {
      // Stations registered before the check may hold such URLs; the check at connect time stops them.
      const byAddress = newStationId();
      const byName = newStationId();
      for (const id of [byAddress, byName]) expect((await register(app, { url: 'https://station.example.cn/hook', secret: whsec() }, id)).status).toBe(201);
      const port = (new URL(receiver.url('/')).port);
      const db = app.app.get(DataSource);
      await db.query(`UPDATE dispatch.stations SET webhook_url = $2 WHERE id = $1`, [byAddress, receiver.url(`/${byAddress}`)]);
      await db.query(`UPDATE dispatch.stations SET webhook_url = $2 WHERE id = $1`, [byName, `http://localhost:${port}/${byName}`]);

      await events.matches(match(byAddress, job()), match(byName, job()));
      for (const id of [byAddress, byName]) {
        const [dead] = await settled(app, id, 'dead');
        expect(dead).toMatchObject({ attempts: 3, lastError: 'address not allowed' });
      }
      expect(receiver.calls).toEqual([]);
    });
  });

  describe('with WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true (development)', () => {
    const COOLDOWN_MS = 5_000;
    let app: TestApp<DispatchConfig>;
    let receiver: Receiver;
    let db: DataSource;

    beforeAll(async () => {
      app = await startDispatch({
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true',
        ...FAST_WEBHOOK_RETRIES,
        // Long enough never to cut a held or streaming reply short: the cap and the limits must do it.
        WEBHOOK_TIMEOUT_MS: '60000',
        WEBHOOK_MAX_IN_FLIGHT_PER_STATION: '4',
        WEBHOOK_CIRCUIT_FAILURES: '3',
        WEBHOOK_CIRCUIT_COOLDOWN_MS: String(COOLDOWN_MS),
      });
      receiver = await Receiver.start();
      db = app.app.get(DataSource);
    });

    afterAll(async () => {
      await receiver?.close();
      await app?.close();
    });

    /** A station whose webhook goes to `receiver` at /<station id>. */
    async function station(secret = whsec()): Promise<{ id: string; path: string; secret: string }> {
      const id = newStationId();
      const res = await register(app, { url: receiver.url(`/${id}`), secret }, id);
      expect(res.status).toBe(201);
      return { id, path: `/${id}`, secret };
    }

    it('delivers to a loopback receiver, signed per Standard Webhooks (an independent verifier) and by the deprecated header', async () => {
      const { id, path, secret } = await station();
      const found = match(id, job());
      await events.matches(found);
      const [delivered] = await settled(app, id, 'delivered');

      const [call] = receiver.callsTo(path);
      expect(receiver.callsTo(path)).toHaveLength(1);
      expect(call.headers['webhook-id']).toBe(delivered.deliveryId);
      expect(call.headers['x-laowu-delivery']).toBe(delivered.deliveryId);
      expect(JSON.parse(call.body)).toEqual({ id: delivered.deliveryId, event: 'match', data: expect.objectContaining({ matchId: found.matchId }) });
      expect(call.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);

      const at = Number(call.headers['webhook-timestamp']);
      expect(verifyStandardWebhook(secret, call.headers, call.body, at)).toBe(true);
      expect(verifyStandardWebhook(secret, call.headers, call.body, nowSeconds())).toBe(true);
      expect(verifyStandardWebhook(whsec(), call.headers, call.body, at)).toBe(false);
      expect(verifyStandardWebhook(secret, call.headers, call.body.replace(found.matchId, randomUUID()), at)).toBe(false);
      expect(verifyStandardWebhook(secret, { ...call.headers, 'webhook-id': `${delivered.deliveryId}0` }, call.body, at)).toBe(false);
      expect(verifyStandardWebhook(secret, call.headers, call.body, at + 301)).toBe(false);
      // The deprecated header, keyed with the secret as given, still verifies for this version.
      expect(verifySignature(secret, call.body, String(call.headers['x-laowu-signature']), at)).toBe(true);
    });

    it('signs with both secrets during a rotation and with the new one alone after it is finished', async () => {
      const { id, path, secret: first } = await station();
      await request(app.url).post(`/v1/stations/${id}/webhook-secret/rotate`).set('Authorization', tokens.station(newStationId())).send({}).expect(403);

      const rotated = await request(app.url)
        .post(`/v1/stations/${id}/webhook-secret/rotate`)
        .set('Authorization', tokens.station(id))
        .send({ previousSecretValidForSeconds: 3600 })
        .expect(200);
      const second: string = rotated.body.secret;
      expect(second).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(second).not.toBe(first);
      expect(new Date(rotated.body.previousSecretValidUntil).getTime()).toBeGreaterThan(Date.now() + 3_500_000);
      const shown = await request(app.url).get(`/v1/stations/${id}`).set('Authorization', tokens.station(id)).expect(200);
      expect(shown.body.webhook).toEqual({ url: receiver.url(path), hasSecret: true, previousSecretValidUntil: rotated.body.previousSecretValidUntil });
      expect(JSON.stringify(shown.body)).not.toContain(first.slice(6));
      expect(JSON.stringify(shown.body)).not.toContain(second.slice(6));

      await events.matches(match(id, job()));
      await settled(app, id, 'delivered', 1);
      const [during] = receiver.callsTo(path);
      const at = Number(during.headers['webhook-timestamp']);
      expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(verifyStandardWebhook(second, during.headers, during.body, at)).toBe(true);
      expect(verifyStandardWebhook(first, during.headers, during.body, at)).toBe(true);
      expect(verifyStandardWebhook(whsec(), during.headers, during.body, at)).toBe(false);
      expect(verifySignature(first, during.body, String(during.headers['x-laowu-signature']), at)).toBe(true);
      expect(verifySignature(second, during.body, String(during.headers['x-laowu-signature']), at)).toBe(true);

      await request(app.url).post(`/v1/stations/${id}/webhook-secret/finish-rotation`).set('Authorization', tokens.station(id)).expect(204);
      await events.matches(match(id, job()));
      await settled(app, id, 'delivered', 2);
      const after = receiver.callsTo(path)[1];
      const afterAt = Number(after.headers['webhook-timestamp']);
      expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
      expect(verifyStandardWebhook(second, after.headers, after.body, afterAt)).toBe(true);
      expect(verifyStandardWebhook(first, after.headers, after.body, afterAt)).toBe(false);

      const withoutWebhook = newStationId();
      expect((await register(app, undefined, withoutWebhook)).status).toBe(201);
      const none = await request(app.url).post(`/v1/stations/${withoutWebhook}/webhook-secret/rotate`).set('Authorization', tokens.admin()).send({}).expect(409);
      expect(none.body.message).not.toContain('whsec_');
    });

    it('shows the same generic reason for a closed port and for a receiver that drops the connection', async () => {
      const closedPort = await new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const { port } = server.address() as AddressInfo;
          server.close(() => resolve(port));
        });
      });
      const dropper = net.createServer((socket) => socket.once('data', () => socket.destroy()));
      await new Promise<void>((resolve) => dropper.listen(0, '127.0.0.1', resolve));
      try {
        const closed = newStationId();
        const dropped = newStationId();
        expect((await register(app, { url: `http://127.0.0.1:${closedPort}/hook`, secret: whsec() }, closed)).status).toBe(201);
        expect((await register(app, { url: `http://127.0.0.1:${(dropper.address() as AddressInfo).port}/hook`, secret: whsec() }, dropped)).status).toBe(201);
        await events.matches(match(closed, job()), match(dropped, job()));
        for (const id of [closed, dropped]) {
          const [dead] = await settled(app, id, 'dead');
          expect(dead).toMatchObject({ attempts: 3, lastError: 'connection failed' });
        }
      } finally {
        await new Promise<void>((resolve) => dropper.close(() => resolve()));
      }
    });

    it('reads at most the capped reply of a receiver that streams without end, and finishes the delivery', async () => {
      const { id, path } = await station();
      const stream = { written: 0, closed: false };
      receiver.respond = (call, res) => {
        if (call.path !== path) return void res.writeHead(204).end();
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        res.on('close', () => (stream.closed = true));
        const pump = (): void => {
          while (!stream.closed) {
            stream.written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
        };
        pump();
      };
      try {
        await events.matches(match(id, job()));
        const [delivered] = await settled(app, id, 'delivered');
        expect(delivered.attempts).toBe(1);
        await eventually(async () => expect(stream.closed).toBe(true), 30_000);
        // The dispatcher closed the connection after its 64 KiB; socket buffers hold a few MB at most.
        expect(stream.written).toBeLessThan(64 * 1024 * 1024);
      } finally {
        receiver.respond = answer(204);
      }
    });

    it('has at most WEBHOOK_MAX_IN_FLIGHT_PER_STATION requests of one station in flight; the rest wait unclaimed', async () => {
      const { id, path } = await station();
      const held: http.ServerResponse[] = [];
      receiver.respond = (call, res) => (call.path === path ? held.push(res) : res.writeHead(204).end());
      const before = receiver.maxActive;
      receiver.maxActive = 0;
      try {
        const jobData = job();
        await events.matches(...Array.from({ length: 10 }, () => match(id, jobData)));
        await eventually(async () => expect(held).toHaveLength(4), 60_000);
        const [{ claimed, waiting }] = await db.query(
          `SELECT count(*) FILTER (WHERE attempts > 0)::int AS claimed, count(*) FILTER (WHERE attempts = 0)::int AS waiting
           FROM dispatch.deliveries WHERE station_id = $1 AND webhook_status = 'pending'`,
          [id],
        );
        expect({ claimed, waiting }).toEqual({ claimed: 4, waiting: 6 });
        receiver.respond = answer(204);
        for (const res of held) res.writeHead(204).end();
        const delivered = await settled(app, id, 'delivered', 10);
        expect(delivered.every((d) => d.attempts === 1)).toBe(true);
        expect(receiver.callsTo(path)).toHaveLength(10);
        expect(receiver.maxActive).toBe(4);
      } finally {
        receiver.respond = answer(204);
        receiver.maxActive = Math.max(before, receiver.maxActive);
      }
    });

    it('opens the circuit after WEBHOOK_CIRCUIT_FAILURES failures, holds the station\'s deliveries until the cooldown ends, then closes it', async () => {
      const { id, path } = await station();
      receiver.respond = (call, res) => res.writeHead(call.path === path ? 503 : 204).end();
      try {
        await events.matches(match(id, job()));
        const [dead] = await settled(app, id, 'dead');
        expect(dead).toMatchObject({ attempts: 3, lastError: 'HTTP 503' });
        const [circuit] = await db.query(`SELECT consecutive_failures, open_until, open_until > now() AS open FROM dispatch.webhook_circuits WHERE station_id = $1`, [id]);
        expect(circuit).toMatchObject({ consecutive_failures: 3, open: true });
        const openUntil = new Date(circuit.open_until).getTime();
        expect(receiver.callsTo(path)).toHaveLength(3);

        receiver.respond = answer(204);
        await events.matches(match(id, job()));
        const [delivered] = await settled(app, id, 'delivered');
        expect(delivered.attempts).toBe(1);
        const calls = receiver.callsTo(path);
        expect(calls).toHaveLength(4);
        expect(calls[3].at).toBeGreaterThanOrEqual(openUntil);
        expect(await db.query(`SELECT 1 FROM dispatch.webhook_circuits WHERE station_id = $1`, [id])).toEqual([]);
        // The dead one is not lost either: it waits for a redelivery.
        expect((await deliveries(app, id, 'dead')).map((d) => d.deliveryId)).toEqual([dead.deliveryId]);
      } finally {
        receiver.respond = answer(204);
      }
    });

    it('redelivers a dead delivery once, for that station or an admin only; a repeated call resends nothing', async () => {
      const { id, path } = await station();
      receiver.respond = (call, res) => res.writeHead(call.path === path ? 500 : 204).end();
      try {
        await events.matches(match(id, job()));
        const [dead] = await settled(app, id, 'dead');
        expect(receiver.callsTo(path)).toHaveLength(3);
        receiver.respond = answer(204);

        const url = `/v1/stations/${id}/deliveries/redeliver`;
        await request(app.url).post(url).set('Authorization', tokens.station(newStationId())).send({ deliveryIds: [dead.deliveryId] }).expect(403);
        await request(app.url).post(url).set('Authorization', tokens.coordinator()).send({}).expect(403);
        const bad = await request(app.url).post(url).set('Authorization', tokens.station(id)).send({ deliveryIds: ['abc'], since: 'yesterday' }).expect(400);
        expect([...new Set(bad.body.details.map((d: { field: string }) => d.field))].sort()).toEqual(['deliveryIds', 'since']);
        expect((await deliveries(app, id, 'dead')).map((d) => d.deliveryId)).toEqual([dead.deliveryId]);

        const first = await request(app.url).post(url).set('Authorization', tokens.station(id)).send({ deliveryIds: [dead.deliveryId] }).expect(200);
        expect(first.body).toEqual({ deliveryIds: [dead.deliveryId], more: false });
        const [delivered] = await settled(app, id, 'delivered');
        expect(delivered).toMatchObject({ deliveryId: dead.deliveryId, attempts: 1 });

        const again = await request(app.url).post(url).set('Authorization', tokens.station(id)).send({ deliveryIds: [dead.deliveryId] }).expect(200);
        expect(again.body).toEqual({ deliveryIds: [], more: false });
        const byAdmin = await request(app.url).post(url).set('Authorization', tokens.admin()).send({}).expect(200);
        expect(byAdmin.body).toEqual({ deliveryIds: [], more: false });
        expect(await deliveries(app, id, 'undelivered')).toEqual([]);

        const calls = receiver.callsTo(path);
        expect(calls).toHaveLength(4);
        expect(calls.map((c) => c.headers['webhook-id'])).toEqual(Array(4).fill(dead.deliveryId));
      } finally {
        receiver.respond = answer(204);
      }
    });
  });
});
