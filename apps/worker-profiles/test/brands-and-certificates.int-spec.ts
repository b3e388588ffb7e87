import { createEnvelope, LaborBrandChanged, TOPICS, type WorkerChangedData } from '@laowu/contracts';
import { createKafka, ensureTopics, EventPublisher } from '@laowu/messaging';
import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { testInfra } from '../../../test/support/infra';
import { TopicRecorder } from '../../../test/support/kafka';
import { type TestApp } from '../../../test/support/test-app';
import { type WorkerProfilesConfig } from '../src/worker-profiles.config';
import { registration, startWorkerProfiles, stationToken } from './support/worker-fixtures';

describe('worker-profiles: 劳务品牌 and certificate validity (issue 17)', () => {
  let running: TestApp<WorkerProfilesConfig>;
  let workers: TopicRecorder;
  const station = stationToken();
  const kafka = () => createKafka({ brokers: testInfra().kafkaBrokers.split(','), clientId: 'worker-profiles-test' });

  beforeAll(async () => {
    await ensureTopics(kafka());
    workers = await TopicRecorder.start([TOPICS.workers]);
    running = await startWorkerProfiles({ consume: true });
  });

  afterAll(async () => {
    await workers?.stop();
    await running?.close();
  });

  const http = () => request(running.url);
  const register = (overrides: Record<string, unknown>) => http().post('/v1/workers').set('Authorization', station).send(registration(overrides));
  const get = async (id: string) => (await http().get(`/v1/workers/${id}`).set('Authorization', station).expect(200)).body;
  const eventsOf = (id: string) =>
    workers.messages.filter((m) => m.key === id).map((m) => (JSON.parse(m.value) as { data: WorkerChangedData }).data);
  const eventOfVersion = async (id: string, version: number) => {
    await workers.waitFor(() => eventsOf(id).some((e) => e.version === version), 30000);
    return eventsOf(id).find((e) => e.version === version)!;
  };

  it('stores a brand given by name as its code: GET shows code and name, WorkerChanged the code', async () => {
    const created = await register({ laborBrand: '川妹子' }).expect(201);
    const id = created.body.id as string;
    expect(await get(id)).toMatchObject({ laborBrand: 'chuan-mei-zi', laborBrandName: '川妹子' });
    expect((await eventOfVersion(id, 1)).laborBrand).toBe('chuan-mei-zi');

    const patched = await http().patch(`/v1/workers/${id}`).set('Authorization', station).send({ laborBrand: 'liangshan-jiangong' }).expect(200);
    expect(patched.body).toMatchObject({ version: 2, laborBrand: 'liangshan-jiangong', laborBrandName: '凉山建工' });
    expect((await eventOfVersion(id, 2)).laborBrand).toBe('liangshan-jiangong');
  });

  it('refuses an unknown brand with 422 naming laborBrand, writing nothing', async () => {
    const refused = await register({ laborBrand: '不存在的品牌' }).expect(422);
    expect(refused.body).toMatchObject({ code: 'WORKER.UNKNOWN_CODE', details: [{ field: 'laborBrand' }] });

    const id = (await register({}).expect(201)).body.id as string;
    const patch = await http().patch(`/v1/workers/${id}`).set('Authorization', station).send({ laborBrand: 'no-such-brand' }).expect(422);
    expect(patch.body.details).toEqual([{ field: 'laborBrand', problem: expect.stringContaining('no-such-brand') }]);
    expect(await get(id)).toMatchObject({ version: 1 });
    expect((await get(id)).laborBrand).toBeUndefined();
  });

  it("accepts a bureau-added brand, by code or name, once its LaborBrandChanged arrived", async () => {
    const code = `test-brand-${randomUUID().slice(0, 8)}`;
    const name = `测试品牌${code.slice(-8)}`;
    await register({ laborBrand: name }).expect(422);

    const publisher = new EventPublisher(kafka());
    const changed = createEnvelope(
      LaborBrandChanged,
      { code, name, regionCode: '513400', trade: '建筑施工', keywords: [`${name}工匠`], updatedAt: new Date().toISOString() },
      { producer: 'job-collection' },
    );
    try {
      await publisher.send(TOPICS.reference, [{ key: changed.key, value: JSON.stringify(changed) }]);
    } finally {
      await publisher.close();
    }

    let status = 0;
    let id = '';
    await eventually(
      async () => {
        const res = await register({ laborBrand: name });
        status = res.status;
        if (res.status === 201) id = res.body.id as string;
        return res.status === 201;
      },
      60000,
      500,
      () => `registration with the bureau-added brand answers ${status}`,
    );
    expect(await get(id)).toMatchObject({ laborBrand: code, laborBrandName: name });
    expect((await eventOfVersion(id, 1)).laborBrand).toBe(code);
    const byKeyword = await register({ laborBrand: `${name}工匠` }).expect(201);
    expect(await get(byKeyword.body.id as string)).toMatchObject({ laborBrand: code });
  });

  it('derives validUntil from issuedOn (6 years for a special-operations certificate), keeps a given one, and carries it in WorkerChanged', async () => {
    const id = (
      await register({
        certificates: [
          { code: 'welder-cert', level: 3, issuedOn: '2024-03-01' },
          { code: 'electrician-cert', level: 2, issuedOn: '2024-05-10', validUntil: '2026-12-31' },
          { code: 'chef-cert', level: 1, issuedOn: '2020-01-01' },
        ],
      }).expect(201)
    ).body.id as string;
    expect((await get(id)).certificates).toEqual([
      { code: 'welder-cert', level: 3, issuedOn: '2024-03-01', validUntil: '2030-02-28' },
      { code: 'electrician-cert', level: 2, issuedOn: '2024-05-10', validUntil: '2026-12-31' },
      { code: 'chef-cert', level: 1, issuedOn: '2020-01-01' },
    ]);
    expect((await eventOfVersion(id, 1)).certificates).toEqual([
      { code: 'welder-cert', level: 3, validUntil: '2030-02-28' },
      { code: 'electrician-cert', level: 2, validUntil: '2026-12-31' },
      { code: 'chef-cert', level: 1 },
    ]);
  });

  it('refuses unknown certificate codes (422), a validUntil before issuedOn (422) and a malformed date (400), each naming the field', async () => {
    const unknown = await register({ certificates: [{ code: 'welding', level: 3 }] }).expect(422);
    expect(unknown.body.details).toEqual([{ field: 'certificates.0.code', problem: expect.any(String) }]);
    const backwards = await register({ certificates: [{ code: 'welder-cert', level: 3, issuedOn: '2024-03-01', validUntil: '2023-03-01' }] }).expect(422);
    expect(backwards.body.details).toEqual([{ field: 'certificates.0.validUntil', problem: 'is before issuedOn 2024-03-01' }]);
    const malformed = await register({ certificates: [{ code: 'welder-cert', level: 3, issuedOn: '2024-02-30' }] }).expect(400);
    expect(malformed.body.details.map((d: { field: string }) => d.field)).toEqual(['certificates.0.issuedOn']);
  });
});
