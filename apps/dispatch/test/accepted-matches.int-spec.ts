import { type Principal } from '@laowu/auth';
import { type MatchesFoundData, type WorkerChangedData } from '@laowu/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type TestApp } from '../../../test/support/test-app';
import { type DispatchConfig } from '../src/dispatch.config';
import { Events, job, matchGroup, processed, startDispatch, tokens, viewsHold, worker } from './dispatch.fixtures';

interface Item {
  matchId: string;
  jobId: string;
  workerId: string;
  stationId: string;
  score: number;
  acceptedAt: string;
  onActiveBatch: boolean;
}

/**
 * Issue 19: the accepted matches a coordinator seats a batch from (GET /v1/dispatch/accepted-matches).
 * Matches in every state for two jobs and a third, of workers living in or from several regions;
 * each caller's expected list is worked out here from what the test did (which matches it accepted,
 * in which order, where each worker lives and is from), not from the service.
 */
describe('dispatch: accepted matches for the coordinator’s batch builder', () => {
  let running: TestApp<DispatchConfig>;
  const events = new Events();
  const run = randomUUID().slice(0, 8);
  const as = (role: Principal['role'], region: string, sub = `${role}-${region}-${run}`) => tokens.as({ sub, role, region });
  const xichangStation = `station-513401-${run}`;
  const shenzhenStation = `station-440306-${run}`;

  // An agency of this run: the accepts and declines below are outcomes that matching learns per
  // agency (issue 18), and a shared id would move other suites' rankings.
  const agencyId = `agency-accepted-${run}`;
  const [jobA, jobB, jobElsewhere] = [job({ headcount: 50, agencyId }), job({ headcount: 50, agencyId }), job({ headcount: 50, agencyId })];
  /** Where each worker lives (residence) and is from (home). */
  const workers = {
    local: worker({ stationId: xichangStation, homeRegionCode: '513401', residenceRegionCode: '513401' }),
    fromHere: worker({ stationId: shenzhenStation, homeRegionCode: '513401', residenceRegionCode: '440306' }),
    livesHere: worker({ stationId: xichangStation, homeRegionCode: '440306', residenceRegionCode: '513401' }),
    chengdu: worker({ stationId: xichangStation, homeRegionCode: '510104', residenceRegionCode: '510104' }),
    guangdong: worker({ stationId: shenzhenStation, homeRegionCode: '440306', residenceRegionCode: '440306' }),
    offered: worker({ stationId: xichangStation }),
    declined: worker({ stationId: xichangStation }),
    fresh: worker({ stationId: xichangStation }),
  } satisfies Record<string, WorkerChangedData>;
  type Name = keyof typeof workers | 'unknown';
  /** A worker dispatch has never heard of (no WorkerChanged): neither living nor from anywhere it knows. */
  const unknownWorkerId = randomUUID();
  const idOf = (name: Name) => (name === 'unknown' ? unknownWorkerId : workers[name].workerId);
  const regionsOf = (name: Name) => (name === 'unknown' ? [] : [workers[name].homeRegionCode, workers[name].residenceRegionCode]);
  const stationOf = (name: Name) => (name === 'fromHere' || name === 'guangdong' ? shenzhenStation : xichangStation);

  /** Every accepted match, in the order the test accepted them. */
  const accepted: { name: Name; jobId: string; matchId: string }[] = [];
  const matchIds = new Map<string, string>();
  const key = (jobId: string, name: Name) => `${jobId}:${idOf(name)}`;

  const api = () => request(running.url);
  const list = (token: string, query: Record<string, string | number | undefined>) => api().get('/v1/dispatch/accepted-matches').query(query).set('Authorization', token);
  const everyPage = async (token: string, jobIds: string[], pageSize = 100): Promise<Item[]> => {
    const items: Item[] = [];
    for (let page = 1; ; page++) {
      const body = (await list(token, { jobIds: jobIds.join(','), page, pageSize }).expect(200)).body;
      items.push(...body.items);
      if (page * pageSize >= body.total) return items;
    }
  };
  /** The accepted matches for `jobIds` of workers some of whose regions satisfy `inScope`, newest acceptance first. */
  const expected = (jobIds: string[], inScope: (regions: string[]) => boolean) =>
    accepted.filter((a) => jobIds.includes(a.jobId) && inScope(regionsOf(a.name))).reverse().map((a) => ({ matchId: a.matchId, workerId: idOf(a.name) }));
  const within = (prefix: string) => (regions: string[]) => regions.some((r) => r.startsWith(prefix));

  beforeAll(async () => {
    running = await startDispatch();
    await events.jobs(jobA, jobB, jobElsewhere);
    await events.workers(...Object.values(workers));
    await viewsHold(running, { jobs: [jobA.jobId, jobB.jobId, jobElsewhere.jobId], workers: Object.values(workers).map((w) => w.workerId) });

    const pushed: [string, (typeof jobA), Name[]][] = [
      [xichangStation, jobA, ['local', 'livesHere', 'chengdu', 'offered', 'declined', 'fresh', 'unknown']],
      [shenzhenStation, jobA, ['fromHere', 'guangdong']],
      [xichangStation, jobB, ['local', 'livesHere']],
      [shenzhenStation, jobB, ['fromHere']],
      [xichangStation, jobElsewhere, ['local', 'chengdu']],
    ];
    const groups: MatchesFoundData[] = pushed.map(([stationId, jobData, names]) => matchGroup(stationId, jobData, { workerIds: names.map(idOf) }));
    for (const [i, group] of groups.entries()) {
      for (const [k, found] of group.matches.entries()) matchIds.set(key(pushed[i][1].jobId, pushed[i][2][k]), found.matchId);
    }
    await processed(running, (await events.matchesFound(...groups)).map((e) => e.id));

    const act = async (jobId: string, name: Name, action: 'offer' | 'accept' | 'decline') => {
      const matchId = matchIds.get(key(jobId, name))!;
      const stationToken = tokens.as({ sub: stationOf(name), role: 'station', region: '513401' });
      await api().post(`/v1/matches/${matchId}/${action}`).set('Authorization', stationToken).expect(200);
      if (action === 'accept') accepted.push({ name, jobId, matchId });
    };
    // One at a time: each acceptance is stamped later than the one before.
    const acceptances: [string, Name][] = [
      [jobA.jobId, 'local'], [jobA.jobId, 'guangdong'], [jobB.jobId, 'livesHere'], [jobA.jobId, 'chengdu'], [jobElsewhere.jobId, 'local'],
      [jobA.jobId, 'fromHere'], [jobA.jobId, 'unknown'], [jobB.jobId, 'local'], [jobA.jobId, 'livesHere'], [jobElsewhere.jobId, 'chengdu'], [jobB.jobId, 'fromHere'],
    ];
    for (const [jobId, name] of acceptances) await act(jobId, name, 'accept');
    await act(jobA.jobId, 'offered', 'offer');
    await act(jobA.jobId, 'declined', 'decline');
  }, 180_000);

  afterAll(async () => {
    await events.close();
    await running?.close();
  });

  const asked = () => [jobA.jobId, jobB.jobId];
  const pairs = (items: Item[]) => items.map(({ matchId, workerId }) => ({ matchId, workerId }));

  it('lists a county coordinator the accepted matches of the given jobs for workers living in or from its county, newest first', async () => {
    const items = await everyPage(as('coordinator', '513401'), asked());
    expect(pairs(items)).toEqual(expected(asked(), within('513401')));
    // living there (livesHere), from there (fromHere), both (local); never offered, declined, new, or another job's
    expect(new Set(items.map((i) => i.workerId))).toEqual(new Set([idOf('local'), idOf('livesHere'), idOf('fromHere')]));
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['acceptedAt', 'jobId', 'matchId', 'onActiveBatch', 'score', 'stationId', 'workerId']);
      const name = accepted.find((a) => a.matchId === item.matchId)!.name;
      expect(item).toMatchObject({ jobId: accepted.find((a) => a.matchId === item.matchId)!.jobId, stationId: stationOf(name), onActiveBatch: false });
      expect(typeof item.score).toBe('number');
    }
    const times = items.map((i) => Date.parse(i.acceptedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('widens with the region: a province sees Chengdu too, Shenzhen sees its own people; an admin sees everyone, unknown workers too', async () => {
    expect(pairs(await everyPage(as('coordinator', '510000'), asked()))).toEqual(expected(asked(), within('51')));
    expect(pairs(await everyPage(as('coordinator', '440306'), asked()))).toEqual(expected(asked(), within('440306')));
    expect(pairs(await everyPage(as('coordinator', '440000'), asked()))).toEqual(expected(asked(), within('44')));
    const all = await everyPage(tokens.admin(), asked());
    expect(pairs(all)).toEqual(expected(asked(), () => true));
    expect(all.map((i) => i.workerId)).toContain(unknownWorkerId);
    // one job only
    expect(pairs(await everyPage(tokens.admin(), [jobB.jobId]))).toEqual(expected([jobB.jobId], () => true));
  });

  it('pages stably: the pages of two put together are the whole list, with its total', async () => {
    const token = tokens.admin();
    const whole = await everyPage(token, asked());
    const paged = await everyPage(token, asked(), 2);
    expect(paged).toEqual(whole);
    const first = (await list(token, { jobIds: asked().join(','), page: 1, pageSize: 2 }).expect(200)).body;
    expect(first).toMatchObject({ total: expected(asked(), () => true).length, page: 1, pageSize: 2 });
    const beyond = (await list(token, { jobIds: asked().join(','), page: 50, pageSize: 2 }).expect(200)).body;
    expect(beyond).toEqual({ items: [], total: first.total, page: 50, pageSize: 2 });
    // repeated and duplicated ids ask for the same jobs
    const repeated = await api().get(`/v1/dispatch/accepted-matches?jobIds=${jobA.jobId}&jobIds=${jobB.jobId},${jobA.jobId}`).set('Authorization', token).expect(200);
    expect(repeated.body.total).toBe(first.total);
  });

  it('shows which workers already hold a seat on a batch that is neither closed nor cancelled', async () => {
    const xichang = as('coordinator', '513401');
    const batchId = (
      await api().post('/v1/dispatch/batches').set('Authorization', xichang).send({
        originRegionCode: '513401',
        destination: { jobIds: [jobA.jobId], regionCode: '440306', address: `accepted ${run} 宝安区` },
        departAt: '2026-12-01T07:00:00+08:00',
        transport: { mode: 'bus', capacity: 10 },
      }).expect(201)
    ).body.id as string;
    expect((await api().post(`/v1/dispatch/batches/${batchId}/workers`).set('Authorization', xichang).send({ workerIds: [idOf('local')] }).expect(200)).body.seated).toEqual([idOf('local')]);
    const seatedNow = (items: Item[]) => [...new Set(items.filter((i) => i.onActiveBatch).map((i) => i.workerId))];
    expect(seatedNow(await everyPage(xichang, asked()))).toEqual([idOf('local')]);
    await api().post(`/v1/dispatch/batches/${batchId}/cancel`).set('Authorization', xichang).expect(200);
    expect(seatedNow(await everyPage(xichang, asked()))).toEqual([]);
  });

  it('refuses stations, agencies and bureaus with one answer, whether the jobs exist or not, before looking at the query', async () => {
    const missing = [randomUUID(), randomUUID()];
    for (const token of [as('station', '513401', xichangStation), as('agency', '440300'), as('bureau', '513400'), as('bureau', '100000')]) {
      const [real, none, bad] = [
        await list(token, { jobIds: asked().join(',') }),
        await list(token, { jobIds: missing.join(',') }),
        await list(token, { jobIds: 'not-a-job' }),
      ];
      expect(real.status).toBe(403);
      expect(real.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      expect({ status: none.status, body: none.body }).toEqual({ status: 403, body: real.body });
      expect({ status: bad.status, body: bad.body }).toEqual({ status: 403, body: real.body });
      expect(JSON.stringify(real.body)).not.toContain(jobA.jobId);
    }
    await api().get('/v1/dispatch/accepted-matches').query({ jobIds: jobA.jobId }).expect(401);
  });

  it('answers bad jobIds and paging with a 400 naming the field', async () => {
    const token = as('coordinator', '513401');
    const tooMany = Array.from({ length: 21 }, () => randomUUID()).join(',');
    for (const query of [{}, { jobIds: '' }, { jobIds: 'not-a-job' }, { jobIds: `${jobA.jobId},42` }, { jobIds: tooMany }]) {
      const refused = await list(token, query).expect(400);
      expect({ query, code: refused.body.code, fields: [...new Set(refused.body.details.map((d: { field: string }) => d.field))] }).toEqual({ query, code: 'REQUEST.INVALID', fields: ['jobIds'] });
    }
    expect((await list(token, { jobIds: Array.from({ length: 20 }, () => randomUUID()).join(',') }).expect(200)).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    for (const [field, value] of [['page', 0], ['pageSize', 101], ['pageSize', 'ten']] as const) {
      const refused = await list(token, { jobIds: jobA.jobId, [field]: value }).expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });
});
