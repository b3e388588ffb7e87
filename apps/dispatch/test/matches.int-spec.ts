import { eventually } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { Events, job, match, startDispatch, tokens, viewsHold } from './dispatch.fixtures';

describe('dispatch: match lifecycle (new → offered → accepted | declined | expired)', () => {
  let running: TestApp<DispatchConfig>;
  const events = new Events();
  const stationId = `station-${randomUUID().slice(0, 8)}`;
  // An agency of this suite: accepts and declines are outcomes matching learns per agency (issue 18).
  const agencyId = `agency-lifecycle-${randomUUID().slice(0, 8)}`;
  const asStation = () => tokens.station(stationId);

  beforeAll(async () => {
    running = await startDispatch();
    await request(running.url)
      .post('/v1/stations')
      .set('Authorization', tokens.admin())
      .send({ id: stationId, name: '会理市就业服务站', regionCode: '513401', location: { lat: 26.65, lon: 102.25 } })
      .expect(201);
  });

  afterAll(async () => {
    await events.close();
    await running?.close();
  });

  const post = (path: string, token = asStation()) => request(running.url).post(path).set('Authorization', token);

  async function listed(status?: string): Promise<{ matchId: string; status: string }[]> {
    const res = await request(running.url).get(`/v1/stations/${stationId}/matches${status ? `?status=${status}` : ''}`).set('Authorization', asStation()).expect(200);
    return res.body.items;
  }

  it('offers, accepts while headcount is left, declines, and refuses every invalid move with 409 naming the status', async () => {
    const jobData = job({ headcount: 1, agencyId });
    const [a, b] = [match(stationId, jobData), match(stationId, jobData)];
    await events.jobs(jobData);
    await viewsHold(running, { jobs: [jobData.jobId] });
    await events.matches(a, b);
    await eventually(async () => expect((await listed('new')).map((m) => m.matchId)).toEqual(expect.arrayContaining([a.matchId, b.matchId])), 60000);

    expect((await post(`/v1/matches/${a.matchId}/offer`).expect(200)).body.status).toBe('offered');
    const reOffer = await post(`/v1/matches/${a.matchId}/offer`).expect(409);
    expect(reOffer.body).toMatchObject({ code: 'MATCH.INVALID_TRANSITION', currentStatus: 'offered' });

    expect((await post(`/v1/matches/${a.matchId}/accept`).expect(200)).body.status).toBe('accepted');
    const full = await post(`/v1/matches/${b.matchId}/accept`).expect(409);
    expect(full.body.code).toBe('MATCH.NO_HEADCOUNT_LEFT');

    expect((await post(`/v1/matches/${b.matchId}/decline`).expect(200)).body.status).toBe('declined');
    for (const action of ['offer', 'accept', 'decline']) {
      expect((await post(`/v1/matches/${a.matchId}/${action}`).expect(409)).body.currentStatus).toBe('accepted');
      expect((await post(`/v1/matches/${b.matchId}/${action}`).expect(409)).body.currentStatus).toBe('declined');
    }
    expect((await listed('accepted')).map((m) => m.matchId)).toContain(a.matchId);
  });

  it('expires open matches when their job closes', async () => {
    const jobData = job({ agencyId });
    const [c, d] = [match(stationId, jobData), match(stationId, jobData)];
    await events.jobs(jobData);
    await events.matches(c, d);
    await eventually(async () => expect((await listed('new')).map((m) => m.matchId)).toEqual(expect.arrayContaining([c.matchId, d.matchId])), 60000);
    await post(`/v1/matches/${c.matchId}/offer`).expect(200);

    await events.jobs({ ...jobData, version: 2, change: 'closed', status: 'closed' });
    await eventually(async () => {
      const expired = (await listed('expired')).map((m) => m.matchId);
      expect(expired).toEqual(expect.arrayContaining([c.matchId, d.matchId]));
    }, 60000);
    expect((await post(`/v1/matches/${d.matchId}/accept`).expect(409)).body.currentStatus).toBe('expired');
  });

  it('lets a station act only on its own matches and names a malformed id', async () => {
    const jobData = job({ agencyId });
    const e = match(stationId, jobData);
    await events.matches(e);
    await eventually(async () => expect((await listed('new')).map((m) => m.matchId)).toContain(e.matchId), 60000);
    await post(`/v1/matches/${e.matchId}/accept`, tokens.station('another-station')).expect(403);
    await request(running.url).get(`/v1/stations/${stationId}/matches`).set('Authorization', tokens.station('another-station')).expect(403);
    const bad = await post('/v1/matches/not-a-uuid/accept').expect(400);
    expect(bad.body.details).toEqual([{ field: 'id', problem: 'id must be a UUID' }]);
    await post(`/v1/matches/${randomUUID()}/accept`).expect(404);
    const badStatus = await request(running.url).get(`/v1/stations/${stationId}/matches?status=maybe`).set('Authorization', asStation()).expect(400);
    expect(badStatus.body.details[0].field).toBe('status');
  });
});
