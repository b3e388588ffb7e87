import { PRIORITY_GROUPS, type PriorityGroup } from '@laowu/contracts';
import { findRegion, makeResidentId } from '@laowu/domain';
import { randomUUID } from 'node:crypto';
import { call, eventually, expectCall, inDays, SseStream, tokenFor } from '@laowu/testkit';
import { type AllApps, startAllApps } from '../support/all-apps';
import { untilSearchable } from '../support/search';
import { workersIndex } from '../../apps/matching/src/indexing/index-definitions';

/**
 * The whole path across the four apps through their public APIs only: an agency posts a gig job;
 * the station of a matching worker receives it on its live stream; the station accepts; a
 * coordinator batches the worker, boards, departs, arrives; the job's filled count and the
 * worker's status change.
 */
describe('e2e: a gig job from posting to the worker’s arrival', () => {
  // A county no other test uses, so the instant path's top candidates are this test's own.
  const county = '654326'; // 吉木乃县
  const centre = findRegion(county)!;
  const runId = randomUUID().slice(0, 8);
  const stationId = `station-e2e-${runId}`;
  // An agency of this run only: its outcome figures are this test's worker and nobody else's.
  const agencyId = `agency-e2e-${runId}`;
  const tokens = {
    admin: tokenFor({ sub: 'admin-e2e', role: 'admin', region: '000000' }),
    station: tokenFor({ sub: stationId, role: 'station', region: county }),
    agency: tokenFor({ sub: agencyId, role: 'agency', region: '654300' }),
    coordinator: tokenFor({ sub: 'coordinator-e2e', role: 'coordinator', region: county }),
  };
  let apps: AllApps;
  let stream: SseStream;

  beforeAll(async () => {
    apps = await startAllApps({ groupPrefix: 'e2e' });
  }, 180_000);

  afterAll(async () => {
    stream?.close();
    await apps?.close();
  });

  it('reaches the station live, is accepted, dispatched, and fills the job', async () => {
    await expectCall([201], 'POST', `${apps.dispatch.url}/v1/stations`, tokens.admin, {
      id: stationId,
      name: '吉木乃县就业服务站',
      regionCode: county,
      location: { lat: centre.lat, lon: centre.lon },
    });
    stream = await SseStream.open(`${apps.dispatch.url}/v1/stations/${stationId}/stream`, tokens.station);

    const priorityGroups: PriorityGroup[] = ['poverty_alleviated'];
    const worker = await expectCall<{ id: string }>([201], 'POST', `${apps.workers.url}/v1/workers`, tokens.station, {
      idNumber: makeResidentId({ regionCode: county, birthDate: '1988-05-17', gender: 'male', sequence: Number(`${Date.now() % 499}`) * 2 + 1 }),
      name: '阿依别克',
      phone: '13912345678',
      homeRegionCode: county,
      residenceRegionCode: county,
      location: { lat: centre.lat, lon: centre.lon },
      stationId,
      skills: [{ code: 'welding', level: 3 }],
      priorityGroups,
      preferences: { kinds: ['gig', 'fulltime'], willingToMigrate: false, maxCommuteKm: 30, minWage: { amount: 150, unit: 'day' } },
    });
    await untilSearchable(workersIndex(apps.matching.config.SEARCH_INDEX_PREFIX).alias, [worker.id]);

    const now = Date.now();
    const startAt = inDays(1, now);
    const job = await expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/jobs`, tokens.agency, {
      externalId: `e2e-${randomUUID()}`,
      title: '口岸物流园 焊工日结',
      kind: 'gig',
      skills: [{ code: 'welding', minLevel: 2 }],
      headcount: 5,
      wage: { min: 220, max: 280, unit: 'day' },
      location: { regionCode: county, lat: centre.lat + 0.01, lon: centre.lon + 0.01 },
      startAt,
      endAt: inDays(3, now),
      instant: true,
    });

    const matchEvent = await eventually(async () => {
      const found = stream.events.map((e) => JSON.parse(e.data)).find((m) => m.jobId === job.id && m.workerId === worker.id);
      if (!found) throw new Error('no match on the stream yet');
      return found;
    }, 60_000, 100);
    expect(matchEvent.reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify(matchEvent)).not.toContain('13912345678');

    await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/matches/${matchEvent.matchId}/accept`, tokens.station);

    const batch = await expectCall<{ id: string }>([201], 'POST', `${apps.dispatch.url}/v1/dispatch/batches`, tokens.coordinator, {
      originRegionCode: county,
      originStationId: stationId,
      destination: { jobIds: [job.id], regionCode: county, address: '吉木乃口岸物流园' },
      departAt: startAt,
      transport: { mode: 'bus', capacity: 10 },
    });
    await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/dispatch/batches/${batch.id}/workers`, tokens.coordinator, { workerIds: [worker.id] });
    for (const step of ['board', 'depart', 'arrive']) {
      await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/dispatch/batches/${batch.id}/${step}`, tokens.coordinator, {});
    }

    await eventually(async () => {
      const { body } = await call('GET', `${apps.jobs.url}/v1/jobs/${job.id}`, tokens.agency);
      expect(body.filled).toBe(1);
    }, 60_000, 300);
    await eventually(async () => {
      const { body } = await call('GET', `${apps.workers.url}/v1/workers/${worker.id}`, tokens.station);
      expect(body.employmentStatus.status).toBe('employed');
      expect(body.available).toBe(false);
    }, 60_000, 300);
    const stats = await expectCall<any>([200], 'GET', `${apps.dispatch.url}/v1/dispatch/stats?agencyId=${agencyId}`, tokens.admin);
    const oneWorker = { total: 1, byPriorityGroup: Object.fromEntries(PRIORITY_GROUPS.map((g) => [g, priorityGroups.includes(g) ? 1 : 0])) };
    const noWorker = { total: 0, byPriorityGroup: Object.fromEntries(PRIORITY_GROUPS.map((g) => [g, 0])) };
    // The arrival is a placement (source batch): placed, not yet checked after three months.
    expect(stats.agencies).toEqual([{ agencyId, dispatched: oneWorker, arrived: oneWorker, placed: oneWorker, checked3m: noWorker, retained3m: noWorker }]);
  });
});
