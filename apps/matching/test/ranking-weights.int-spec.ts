import { type EventEnvelope, type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { ensureDatabase } from '@laowu/persistence';
import { eventually, inDays, jobData, workerData } from '@laowu/testkit';
import { Client } from 'pg';
import request from 'supertest';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { ABOUT, AppModule } from '../src/app.module';
import { MatchingConfig } from '../src/matching.config';
import { SCHEMA } from '../src/schema';
import { type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

/** Every factor at 0 but distance: the ranking is nearest first, whatever else the jobs offer. */
const DISTANCE_ONLY = {
  skills: 0, distance: 1, crossRegion: 0, eastWest: 0, targetRegion: 0, age: 0, olderFriendly: 0, priority: 0,
  assistance: 0, publicWelfare: 0, relocation: 0, laborBrand: 0, wage: 0, freshness: 0, startSoon: 0,
  agencyOutcomes: 0, jobOutcomes: 0, acceptedHistory: 0,
};

/**
 * Runtime ranking weights (issue 18): an admin's change reorders results in every running
 * instance without a restart, results name the weights version, a province's override applies
 * there only, every change is in the audit trail, and a bad or failed change leaves the weights
 * as they were. The suite has a database of its own: its weight changes must not reach the other
 * suites' rankings (the weights are global to a database).
 */
describe('runtime ranking weights (real PostgreSQL, Kafka, OpenSearch; two instances)', () => {
  const prefix = uniquePrefix();
  const databaseUrl = ownDatabase(testInfra().databaseUrl);
  let matching: MatchingUnderTest;
  let second: TestApp<MatchingConfig>;

  // A worker in Shenzhen (广东) and one in Chengdu (四川), each with a near job (2 km) needing a skill they
  // lack and paying below their minimum, and a far job (20 km, inside their 30 km commute) needing no
  // skill and paying well. By default the far job fits better; by distance alone the near one is first.
  const shenzhen = { lat: 22.55, lon: 113.88 };
  const chengdu = { lat: 30.66, lon: 104.06 };
  const worker = (regionCode: string, at: { lat: number; lon: number }) =>
    workerData({ homeRegionCode: regionCode, residenceRegionCode: regionCode, location: at, skills: [] }, { minWage: { amount: 200, unit: 'day' }, maxCommuteKm: 30 });
  const nearJob = (regionCode: string, at: { lat: number; lon: number }) =>
    jobData({ title: '焊工', location: { regionCode, lat: at.lat + 0.018, lon: at.lon }, skills: [{ code: 'welding', minLevel: 1 }], wage: { min: 90, max: 100, unit: 'day' } });
  const farJob = (regionCode: string, at: { lat: number; lon: number }) =>
    jobData({ title: '普工', location: { regionCode, lat: at.lat + 0.18, lon: at.lon }, skills: [], wage: { min: 280, max: 300, unit: 'day' } });
  const gd = { worker: worker('440306', shenzhen), near: nearJob('440306', shenzhen), far: farJob('440306', shenzhen) };
  const sc = { worker: worker('510104', chengdu), near: nearJob('510104', chengdu), far: farJob('510104', chengdu) };

  const admin = () => request(matching.running.url);
  /** The worker's two jobs in ranking order, and the weights version the answer names. */
  async function pairOrder(url: string, pair: typeof gd): Promise<{ order: string[]; weightsVersion: number }> {
    const { body } = await request(url).get(`/v1/workers/${pair.worker.workerId}/matches?limit=50`).set('Authorization', asAdmin()).expect(200);
    const names = new Map([[pair.near.jobId, 'near'], [pair.far.jobId, 'far']]);
    return { order: (body.items as { jobId: string }[]).filter((i) => names.has(i.jobId)).map((i) => names.get(i.jobId)!), weightsVersion: body.weightsVersion };
  }
  const candidatesVersion = async (jobId: string) =>
    (await request(matching.running.url).get(`/v1/jobs/${jobId}/candidates`).set('Authorization', asAdmin()).expect(200)).body.weightsVersion as number;
  const current = async () => (await admin().get('/v1/admin/ranking-weights').set('Authorization', asAdmin()).expect(200)).body;

  beforeAll(async () => {
    await recreate(databaseUrl);
    matching = await startMatching(prefix, 'ranking-weights', { DATABASE_URL: databaseUrl });
    // Serves HTTP only, re-reading on its own only hourly: a change reaches it by NOTIFY.
    second = await startTestApp(
      { configClass: MatchingConfig, about: ABOUT, module: AppModule.forRoot },
      { env: { SEARCH_INDEX_PREFIX: prefix, DATABASE_URL: databaseUrl, RANKING_WEIGHTS_REFRESH_SECONDS: '3600' }, consume: false },
    );
    await matching.publish([gd.near, gd.far, sc.near, sc.far], [gd.worker, sc.worker]);
  });
  afterAll(async () => {
    await second?.close();
    await matching?.close();
    await drop(databaseUrl);
  });

  let globalVersion: number;
  let guangdongVersion: number;

  it('ranks with the code defaults (version 0) until an admin changes them', async () => {
    expect(await pairOrder(matching.running.url, gd)).toEqual({ order: ['far', 'near'], weightsVersion: 0 });
    expect(await current()).toMatchObject({ global: { version: 0, weights: { skills: 3, distance: 4, laborBrand: 1 } }, provinces: [] });
  });

  it('reorders a worker’s jobs on a PUT, without a restart, in this instance and in a second one on the same database', async () => {
    const { body } = await admin()
      .put('/v1/admin/ranking-weights')
      .set('Authorization', asAdmin())
      .send({ weights: DISTANCE_ONLY, reason: '测试：仅按距离排序', expectedVersion: 0 })
      .expect(200);
    globalVersion = body.version;
    expect(globalVersion).toBeGreaterThan(0);
    expect(body).toMatchObject({ scope: 'global', weights: DISTANCE_ONLY, changedBy: { sub: 'admin-test', role: 'admin' }, reason: '测试：仅按距离排序' });
    for (const url of [matching.running.url, second.url]) {
      await eventually(async () => expect(await pairOrder(url, gd)).toEqual({ order: ['near', 'far'], weightsVersion: globalVersion }), 15_000, 100);
    }
    const { body: ranked } = await request(second.url).get(`/v1/workers/${gd.worker.workerId}/matches`).set('Authorization', asAdmin()).expect(200);
    expect(new Set(ranked.items.flatMap((i: { reasons: { factor: string }[] }) => i.reasons.map((r) => r.factor)))).toEqual(new Set(['distance']));
  });

  it('applies a province’s override in that province only: the worker’s residence province, the job’s province for candidates', async () => {
    const { body } = await admin()
      .put('/v1/admin/ranking-weights/provinces/440000')
      .set('Authorization', asAdmin())
      .send({ weights: { skills: 3, wage: 1.5 }, reason: '广东：技能和工资优先' })
      .expect(200);
    guangdongVersion = body.version;
    // Partial: merged over the weights in effect there (the global ones), stored as a full set.
    expect(body).toMatchObject({ scope: '440000', weights: { ...DISTANCE_ONLY, skills: 3, wage: 1.5 } });
    await eventually(async () => expect(await pairOrder(matching.running.url, gd)).toEqual({ order: ['far', 'near'], weightsVersion: guangdongVersion }), 15_000, 100);
    expect(await pairOrder(matching.running.url, sc)).toEqual({ order: ['near', 'far'], weightsVersion: globalVersion });
    expect(await candidatesVersion(gd.far.jobId)).toBe(guangdongVersion);
    expect(await candidatesVersion(sc.far.jobId)).toBe(globalVersion);
    expect(await current()).toMatchObject({ global: { version: globalVersion }, provinces: [{ scope: '440000', version: guangdongVersion }] });
  });

  it('records the weights version in pushed matches: the worker’s province for worker-available, the job’s for an instant job', async () => {
    const recorder = await TopicRecorder.start([TOPICS.matches, TOPICS.matchesInstant]);
    try {
      const newInGuangdong = worker('440306', shenzhen); // registered and seeking: their best jobs are pushed
      const gigInSichuan = jobData({ kind: 'gig', title: '搬运零工', location: { regionCode: '510104', lat: chengdu.lat + 0.01, lon: chengdu.lon }, startAt: inDays(1) });
      await matching.producer.workers(newInGuangdong);
      await matching.producer.jobs(gigInSichuan);
      const pushed = (trigger: string, match: (data: MatchesFoundData) => boolean) => async () => {
        const events = (await recorder.waitFor((messages) => messages.some((m) => isPush(m.value, trigger, match)), 60_000)).filter((m) => isPush(m.value, trigger, match));
        return events.map((m) => (JSON.parse(m.value) as EventEnvelope<MatchesFoundData>).data.weightsVersion);
      };
      const versions = await pushed('worker_available', (data) => data.matches.some((m) => m.workerId === newInGuangdong.workerId))();
      expect(new Set(versions)).toEqual(new Set([guangdongVersion]));
      const instant = await pushed('instant_job', (data) => data.jobId === gigInSichuan.jobId)();
      expect(new Set(instant)).toEqual(new Set([globalVersion]));
    } finally {
      await recorder.stop();
    }
  });

  it('refuses non-admins on every endpoint (403), before looking at the body', async () => {
    const station = bearer({ sub: 'station-440306-01', role: 'station', region: '440306' });
    const agency = bearer({ sub: 'agency-001', role: 'agency', region: '440300' });
    for (const token of [station, agency]) {
      await admin().get('/v1/admin/ranking-weights').set('Authorization', token).expect(403);
      await admin().get('/v1/admin/ranking-weights/history').set('Authorization', token).expect(403);
      await admin().put('/v1/admin/ranking-weights').set('Authorization', token).send({ weights: { distance: 9 }, reason: 'x' }).expect(403);
      await admin().put('/v1/admin/ranking-weights/provinces/440000').set('Authorization', token).send({ speed: 'bad' }).expect(403);
      await admin().delete('/v1/admin/ranking-weights/provinces/440000').set('Authorization', token).send({ reason: 'x' }).expect(403);
    }
    expect(await current()).toMatchObject({ global: { version: globalVersion }, provinces: [{ version: guangdongVersion }] });
  });

  it('answers a bad change with a 4xx naming the field, and writes nothing', async () => {
    const put = (path: string, body: object) => admin().put(path).set('Authorization', asAdmin()).send(body);
    const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);
    const cases: [string, object, number, string, string][] = [
      ['/v1/admin/ranking-weights', { weights: { speed: 1 }, reason: 'r' }, 400, 'RANKING.WEIGHT_INVALID', 'weights.speed'],
      ['/v1/admin/ranking-weights', { weights: { distance: -1 }, reason: 'r' }, 400, 'RANKING.WEIGHT_INVALID', 'weights.distance'],
      ['/v1/admin/ranking-weights', { weights: { distance: '2' }, reason: 'r' }, 400, 'RANKING.WEIGHT_INVALID', 'weights.distance'],
      ['/v1/admin/ranking-weights', { weights: { distance: 1e6 }, reason: 'r' }, 400, 'RANKING.WEIGHT_INVALID', 'weights.distance'],
      // Merged over distance-only, this leaves every weight at 0.
      ['/v1/admin/ranking-weights', { weights: { distance: 0 }, reason: 'r' }, 400, 'RANKING.WEIGHT_INVALID', 'weights'],
      ['/v1/admin/ranking-weights', { weights: {}, reason: 'r' }, 400, 'RANKING.WEIGHT_INVALID', 'weights'],
      ['/v1/admin/ranking-weights', { weights: [1, 2], reason: 'r' }, 400, 'REQUEST.INVALID', 'weights'],
      ['/v1/admin/ranking-weights', { weights: { distance: 2 } }, 400, 'REQUEST.INVALID', 'reason'],
      ['/v1/admin/ranking-weights', { weights: { distance: 2 }, reason: '   ' }, 400, 'REQUEST.INVALID', 'reason'],
      ['/v1/admin/ranking-weights', { weights: { distance: 2 }, reason: 'r', expectedVersion: 'latest' }, 400, 'REQUEST.INVALID', 'expectedVersion'],
      ['/v1/admin/ranking-weights/provinces/990000', { weights: { distance: 2 }, reason: 'r' }, 422, 'RANKING.UNKNOWN_PROVINCE', 'provinceCode'],
      ['/v1/admin/ranking-weights/provinces/440300', { weights: { distance: 2 }, reason: 'r' }, 422, 'RANKING.UNKNOWN_PROVINCE', 'provinceCode'],
    ];
    for (const [path, body, status, code, field] of cases) {
      const response = await put(path, body);
      expect([path, JSON.stringify(body), response.status, response.body.code, fields(response.body)]).toEqual([path, JSON.stringify(body), status, code, expect.arrayContaining([field])]);
    }
    const stale = await put('/v1/admin/ranking-weights', { weights: { distance: 2 }, reason: 'r', expectedVersion: globalVersion - 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'RANKING.VERSION_CONFLICT', currentVersion: globalVersion });
    const history = await admin().get('/v1/admin/ranking-weights/history?scope=44').set('Authorization', asAdmin()).expect(422);
    expect(fields(history.body)).toEqual(['scope']);
    await admin().delete('/v1/admin/ranking-weights/provinces/510000').set('Authorization', asAdmin()).send({ reason: '四川没有单独设置' }).expect(404);
    expect(await current()).toMatchObject({ global: { version: globalVersion, weights: DISTANCE_ONLY }, provinces: [{ version: guangdongVersion }] });
  });

  it('keeps the previous version in effect when a change fails halfway (its insert fails)', async () => {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query(`CREATE FUNCTION "${SCHEMA}".fail_weights() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$`);
      await db.query(`CREATE TRIGGER fail_weights BEFORE INSERT ON "${SCHEMA}".ranking_weight_versions FOR EACH ROW EXECUTE FUNCTION "${SCHEMA}".fail_weights()`);
      const response = await admin().put('/v1/admin/ranking-weights').set('Authorization', asAdmin()).send({ weights: { skills: 3 }, reason: '失败的修改' });
      expect(response.status).toBeGreaterThanOrEqual(500);
    } finally {
      await db.query(`DROP TRIGGER IF EXISTS fail_weights ON "${SCHEMA}".ranking_weight_versions`);
      await db.query(`DROP FUNCTION IF EXISTS "${SCHEMA}".fail_weights()`);
      await db.end();
    }
    expect(await current()).toMatchObject({ global: { version: globalVersion, weights: DISTANCE_ONLY } });
    // A reload now (as a NOTIFY or the periodic re-read would) finds the same weights: nothing was written.
    expect(await pairOrder(matching.running.url, sc)).toEqual({ order: ['near', 'far'], weightsVersion: globalVersion });
    const { body } = await admin().get('/v1/admin/ranking-weights/history').set('Authorization', asAdmin()).expect(200);
    expect(body.items.map((i: { reason: string }) => i.reason)).not.toContain('失败的修改');
  });

  it('records the removal of an override as a version; the global weights apply there again', async () => {
    const { body } = await admin()
      .delete('/v1/admin/ranking-weights/provinces/440000')
      .set('Authorization', asAdmin())
      .send({ reason: '广东恢复全国权重', expectedVersion: guangdongVersion })
      .expect(200);
    expect(body).toMatchObject({ scope: '440000', weights: null, reason: '广东恢复全国权重' });
    expect(body.version).toBeGreaterThan(guangdongVersion);
    await eventually(async () => expect(await pairOrder(matching.running.url, gd)).toEqual({ order: ['near', 'far'], weightsVersion: globalVersion }), 15_000, 100);
    await eventually(async () => expect(await pairOrder(second.url, gd)).toEqual({ order: ['near', 'far'], weightsVersion: globalVersion }), 15_000, 100);
  });

  it('never loses one of several concurrent changes: each merged over the one before, numbered by the database', async () => {
    const changes = ['age', 'freshness', 'startSoon', 'relocation', 'priority'].map((factor) =>
      admin().put('/v1/admin/ranking-weights').set('Authorization', asAdmin()).send({ weights: { [factor]: 0.7 }, reason: `并发修改 ${factor}` }),
    );
    const versions = (await Promise.all(changes)).map((response) => {
      expect(response.status).toBe(200);
      return response.body.version as number;
    });
    expect(new Set(versions).size).toBe(5);
    expect(await current()).toMatchObject({
      global: { version: Math.max(...versions), weights: { ...DISTANCE_ONLY, age: 0.7, freshness: 0.7, startSoon: 0.7, relocation: 0.7, priority: 0.7 } },
    });
  });

  it('lists every change in the audit trail, newest first, with who and why; by scope too', async () => {
    const { body } = await admin().get('/v1/admin/ranking-weights/history?limit=100').set('Authorization', asAdmin()).expect(200);
    const items = body.items as { version: number; scope: string; reason: string; changedBy: { sub: string; role: string }; changedAt: string }[];
    expect(items).toHaveLength(8); // 1 global, an override set and removed, 5 concurrent; not the failed one
    expect(items.map((i) => i.version)).toEqual([...items.map((i) => i.version)].sort((a, b) => b - a));
    expect(items.slice(-3).map((i) => [i.scope, i.reason])).toEqual([
      ['440000', '广东恢复全国权重'],
      ['440000', '广东：技能和工资优先'],
      ['global', '测试：仅按距离排序'],
    ]);
    for (const item of items) {
      expect(item.changedBy).toEqual({ sub: 'admin-test', role: 'admin' });
      expect(Number.isNaN(Date.parse(item.changedAt))).toBe(false);
    }
    const { body: guangdong } = await admin().get('/v1/admin/ranking-weights/history?scope=440000&limit=1').set('Authorization', asAdmin()).expect(200);
    expect(guangdong.items.map((i: { reason: string; weights: unknown }) => [i.reason, i.weights])).toEqual([['广东恢复全国权重', null]]);
  });
});

function isPush(value: string, trigger: string, match: (data: MatchesFoundData) => boolean): boolean {
  const { data } = JSON.parse(value) as EventEnvelope<MatchesFoundData>;
  return data.trigger === trigger && match(data);
}

/** The suite's own database beside the test database (its name still ends in _test). */
function ownDatabase(url: string): string {
  const own = new URL(url);
  own.pathname = `/${decodeURIComponent(own.pathname.slice(1)).replace(/_test$/, '')}_rankweights_test`;
  return own.toString();
}

async function recreate(url: string): Promise<void> {
  await drop(url);
  await ensureDatabase(url);
}

async function drop(url: string): Promise<void> {
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
