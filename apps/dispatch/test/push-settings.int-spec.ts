import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { ABOUT, AppModule } from '../src/app.module';
import { DispatchConfig } from '../src/dispatch.config';
import { registerStation, tokens } from './dispatch.fixtures';

describe('dispatch: push settings (GET|PUT /v1/stations/{id}/push-settings)', () => {
  let running: TestApp<DispatchConfig>;
  const defaults = { instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50 };
  const chosen = { instant: false, crossRegion: true, workerAvailable: false, minScore: 12.5, maxPerJob: 3 };

  beforeAll(async () => {
    running = await startTestApp({ configClass: DispatchConfig, about: ABOUT, module: AppModule.forRoot }, { consume: false });
  });

  afterAll(async () => {
    await running?.close();
  });


  const path = (stationId: string) => `/v1/stations/${stationId}/push-settings`;
  const get = (stationId: string, token: string) => request(running.url).get(path(stationId)).set('Authorization', token);
  const put = (stationId: string, token: string, body: unknown) => request(running.url).put(path(stationId)).set('Authorization', token).send(body as object);

  it('pushes everything by default, and a PUT is read back by GET', async () => {
    const stationId = await registerStation(running.url);
    expect((await get(stationId, tokens.station(stationId)).expect(200)).body).toEqual(defaults);

    expect((await put(stationId, tokens.station(stationId), chosen).expect(200)).body).toEqual(chosen);
    expect((await get(stationId, tokens.station(stationId)).expect(200)).body).toEqual(chosen);

    const edges = { instant: true, crossRegion: false, workerAvailable: true, minScore: 1000, maxPerJob: 500 };
    await put(stationId, tokens.station(stationId), edges).expect(200);
    expect((await get(stationId, tokens.station(stationId)).expect(200)).body).toEqual(edges);
  });

  it('lets an admin read and replace any station’s settings', async () => {
    const stationId = await registerStation(running.url);
    await put(stationId, tokens.admin(), chosen).expect(200);
    expect((await get(stationId, tokens.admin()).expect(200)).body).toEqual(chosen);
    expect((await get(stationId, tokens.station(stationId)).expect(200)).body).toEqual(chosen);
  });

  it('answers 400 naming the field for an unknown field, a missing one and out-of-range values, and keeps what was set', async () => {
    const stationId = await registerStation(running.url);
    await put(stationId, tokens.station(stationId), chosen).expect(200);
    /** The fields named (a field may fail more than one rule). */
    const refused = async (body: unknown): Promise<string[]> => {
      const res = await put(stationId, tokens.station(stationId), body).expect(400);
      return [...new Set(res.body.details.map((d: { field: string }) => d.field))] as string[];
    };
    expect(await refused({ ...defaults, pushAll: true })).toEqual(['pushAll']);
    expect(await refused({ ...defaults, minScore: 1000.5 })).toEqual(['minScore']);
    expect(await refused({ ...defaults, minScore: -0.1 })).toEqual(['minScore']);
    expect(await refused({ ...defaults, minScore: '5' })).toEqual(['minScore']);
    expect(await refused({ ...defaults, maxPerJob: 0 })).toEqual(['maxPerJob']);
    expect(await refused({ ...defaults, maxPerJob: 501 })).toEqual(['maxPerJob']);
    expect(await refused({ ...defaults, maxPerJob: 2.5 })).toEqual(['maxPerJob']);
    expect(await refused({ ...defaults, instant: 'yes' })).toEqual(['instant']);
    const { workerAvailable: _, ...withoutOne } = defaults;
    expect(await refused(withoutOne)).toEqual(['workerAvailable']);
    expect((await get(stationId, tokens.station(stationId)).expect(200)).body).toEqual(chosen);
  });

  it('answers 403 to another station, even for a bad body, and to every other role', async () => {
    const stationId = await registerStation(running.url);
    const other = tokens.station(`${stationId}-other`);
    const forbidden = [
      await get(stationId, other).expect(403),
      await put(stationId, other, chosen).expect(403),
      // Access is decided before the body: a stranger learns nothing about the rules from a 400.
      await put(stationId, other, { ...chosen, maxPerJob: 9999, unknown: 1 }).expect(403),
    ];
    for (const res of forbidden) expect(res.body).toMatchObject({ statusCode: 403, code: 'STATION.NOT_YOURS' });
    for (const res of forbidden) expect(res.body.details).toBeUndefined();
    for (const role of ['agency', 'coordinator', 'bureau'] as const) {
      const token = tokens.as({ sub: stationId, role, region: '513401' });
      await get(stationId, token).expect(403);
      await put(stationId, token, chosen).expect(403);
    }
    expect((await get(stationId, tokens.station(stationId)).expect(200)).body).toEqual(defaults);
  });

  it('answers 404 STATION.NOT_FOUND for a station that is not registered, to an admin and to that station itself', async () => {
    const unknown = `station-${randomUUID().slice(0, 8)}`;
    for (const token of [tokens.admin(), tokens.station(unknown)]) {
      expect((await get(unknown, token).expect(404)).body.code).toBe('STATION.NOT_FOUND');
      expect((await put(unknown, token, chosen).expect(404)).body.code).toBe('STATION.NOT_FOUND');
    }
  });
});
