import { PlacementStarted, PRIORITY_GROUPS, type PriorityGroup, TOPICS } from '@laowu/contracts';
import { chinaDate, findRegion, makeResidentId } from '@laowu/domain';
import { call, eventually, expectCall, inDays, tokenFor } from '@laowu/testkit';
import { randomInt, randomUUID } from 'node:crypto';
import { type AllApps, startAllApps } from '../support/all-apps';
import { testKafka, TopicRecorder } from '../support/kafka';

/**
 * Issue 16 across the apps, through their public APIs: a placement outside any batch fills the
 * job and employs the worker exactly once (even when its event is delivered twice); a batch
 * arrival for a worker already placed in that job does not count twice; retention checks feed the
 * outcome figures; a public-welfare post's worker is flagged for exit once a year's flexible
 * income passes the region's monitoring line.
 */
describe('e2e: after the match — placements, retention, public-welfare exit', () => {
  const county = '530724'; // 宁蒗彝族自治县: a county no other test uses
  const centre = findRegion(county)!;
  const run = randomUUID().slice(0, 8);
  const stationId = `station-e2e-after-${run}`;
  const agencyId = `agency-e2e-after-${run}`;
  /** The agency of the outcome figures' test alone: its figures are that test's placements. */
  const countedAgencyId = `agency-e2e-counted-${run}`;
  const tokens = {
    admin: tokenFor({ sub: 'admin-e2e', role: 'admin', region: '000000' }),
    station: tokenFor({ sub: stationId, role: 'station', region: county }),
    agency: tokenFor({ sub: agencyId, role: 'agency', region: '530700' }),
    countedAgency: tokenFor({ sub: countedAgencyId, role: 'agency', region: '530700' }),
    coordinator: tokenFor({ sub: `coordinator-e2e-after-${run}`, role: 'coordinator', region: county }),
    bureau: tokenFor({ sub: `bureau-e2e-after-${run}`, role: 'bureau', region: county }),
  };
  let apps: AllApps;
  let recorder: TopicRecorder;

  beforeAll(async () => {
    apps = await startAllApps({ groupPrefix: 'e2e-after' });
    recorder = await TopicRecorder.start([TOPICS.dispatch]);
    await expectCall([201], 'POST', `${apps.dispatch.url}/v1/stations`, tokens.admin, {
      id: stationId,
      name: '宁蒗县就业服务站',
      regionCode: county,
      location: { lat: centre.lat, lon: centre.lon },
    });
  }, 180_000);

  afterAll(async () => {
    await recorder?.stop();
    await apps?.close();
  });

  async function registerWorker(priorityGroups: PriorityGroup[], willingToMigrate = false): Promise<string> {
    const { id } = await expectCall<{ id: string }>([201], 'POST', `${apps.workers.url}/v1/workers`, tokens.station, {
      idNumber: makeResidentId({ regionCode: county, birthDate: `19${randomInt(70, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, gender: 'female', sequence: randomInt(0, 500) * 2 }),
      name: '阿果',
      phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      homeRegionCode: county,
      residenceRegionCode: county,
      location: { lat: centre.lat, lon: centre.lon },
      stationId,
      skills: [{ code: 'welding', level: 3 }],
      priorityGroups,
      preferences: { kinds: ['fulltime', 'public_welfare'], willingToMigrate },
    });
    return id;
  }

  async function postJob(body: Record<string, unknown> = {}, token = tokens.agency): Promise<string> {
    const { id } = await expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/jobs`, token, {
      externalId: `e2e-after-${randomUUID()}`,
      title: '宁蒗 食品加工 普工',
      kind: 'fulltime',
      headcount: 2,
      wage: { min: 3500, max: 4200, unit: 'month' },
      location: { regionCode: county },
      ...body,
    });
    return id;
  }

  /**
   * dispatch learns of new jobs and workers through Kafka: a placement made at once may meet a view
   * that lags (403 for a worker it does not know yet, 422 for a job). Anything else fails at once.
   */
  async function place(body: Record<string, unknown>, token = tokens.station): Promise<string> {
    let refusal: { status: number; body: unknown } | undefined;
    const id = await eventually(async () => {
      const answer = await call<{ id: string }>('POST', `${apps.dispatch.url}/v1/placements`, token, body);
      if (answer.status === 201) return answer.body.id;
      if (answer.status !== 403 && answer.status !== 422) refusal = answer;
      if (refusal) return undefined;
      throw new Error(`POST /v1/placements: ${answer.status} ${JSON.stringify(answer.body)}`);
    }, 60_000, 300);
    if (!id) throw new Error(`POST /v1/placements: ${refusal!.status} ${JSON.stringify(refusal!.body)}`);
    return id;
  }

  const jobOf = async (jobId: string) => (await expectCall<{ filled: number; status: string }>([200], 'GET', `${apps.jobs.url}/v1/jobs/${jobId}`, tokens.agency));
  const statusOf = async (workerId: string) =>
    (await expectCall<{ employmentStatus: { status: string } }>([200], 'GET', `${apps.workers.url}/v1/workers/${workerId}`, tokens.station)).employmentStatus.status;
  const employedEntries = async (workerId: string) => {
    const history = await expectCall<{ status: string }[]>([200], 'GET', `${apps.workers.url}/v1/workers/${workerId}/employment-status`, tokens.station);
    return history.filter((e) => e.status === 'employed').length;
  };

  it('a direct placement fills the job and employs the worker once, even when its event is delivered twice', async () => {
    const jobId = await postJob();
    const workerId = await registerWorker(['poverty_alleviated']);
    const placementId = await place({ workerId, jobId, employer: { name: '宁蒗县某食品厂', creditCode: '91530724MA6K0XY01B' }, startDate: chinaDate(), source: 'direct' });

    await eventually(async () => expect((await jobOf(jobId)).filled).toBe(1), 60_000, 300);
    await eventually(async () => expect(await statusOf(workerId)).toBe('employed'), 60_000, 300);

    // The same PlacementStarted again, as a redelivery after a crash would bring it.
    await recorder.waitFor((messages) => messages.some((m) => isStartOf(m.value, placementId)));
    const original = recorder.messages.find((m) => isStartOf(m.value, placementId))!;
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({ topic: TOPICS.dispatch, messages: [{ key: original.key, value: original.value, headers: original.headers }] });
    await producer.disconnect();

    // The end (a quit) is keyed by the same worker, so both apps read it after the duplicate: once
    // it shows, the duplicate has been read too.
    await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/placements/${placementId}/end`, tokens.station, { endDate: chinaDate(), reason: 'quit' });
    await eventually(async () => expect(await statusOf(workerId)).toBe('unemployed'), 60_000, 300);
    await eventually(async () => expect(await jobOf(jobId)).toMatchObject({ filled: 0, status: 'open' }), 60_000, 300);
    expect(await employedEntries(workerId)).toBe(1);
  });

  it('a batch arrival for a worker already placed in that job does not count twice', async () => {
    const jobId = await postJob({ headcount: 5, crossRegion: { sourceRegionCodes: [county] } });
    const workerId = await registerWorker(['monitoring_target'], true);
    await place({ workerId, jobId, employer: { name: '丽江某酒店' }, startDate: chinaDate(), source: 'direct' });
    await eventually(async () => expect((await jobOf(jobId)).filled).toBe(1), 60_000, 300);

    const batch = await expectCall<{ id: string }>([201], 'POST', `${apps.dispatch.url}/v1/dispatch/batches`, tokens.coordinator, {
      originRegionCode: county,
      originStationId: stationId,
      destination: { jobIds: [jobId], regionCode: county, address: '宁蒗县城' },
      departAt: inDays(1),
      transport: { mode: 'bus', capacity: 10 },
    });
    await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/dispatch/batches/${batch.id}/workers`, tokens.coordinator, { workerIds: [workerId] });
    for (const step of ['board', 'depart', 'arrive']) {
      await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/dispatch/batches/${batch.id}/${step}`, tokens.coordinator, {});
    }
    const placements = await expectCall<{ items: { source: string; active: boolean }[] }>([200], 'GET', `${apps.dispatch.url}/v1/placements?workerId=${workerId}`, tokens.station);
    expect(placements.items.map((p) => [p.source, p.active])).toEqual([['direct', true]]);

    // A later placement of someone else in the same job shows that the consumers are past the arrival.
    const other = await registerWorker([]);
    await place({ workerId: other, jobId, employer: { name: '丽江某酒店' }, startDate: chinaDate(), source: 'direct' });
    await eventually(async () => expect((await jobOf(jobId)).filled).toBe(2), 60_000, 300);
    expect(await employedEntries(workerId)).toBe(1);
  });

  it('retention checks feed placed and retained3m per priority group', async () => {
    const jobId = await postJob({ headcount: 10 }, tokens.countedAgency);
    const fourMonthsAgo = chinaDate(new Date(Date.now() - 125 * 86_400_000));
    const stayed = await registerWorker(['poverty_alleviated']);
    const left = await registerWorker(['monitoring_target', 'relocated']);
    const unchecked = await registerWorker([]);
    for (const [workerId, stillEmployed] of [[stayed, true], [left, false], [unchecked, undefined]] as const) {
      const id = await place({ workerId, jobId, employer: { name: '宁蒗县某食品厂' }, startDate: fourMonthsAgo, source: 'direct' }, tokens.countedAgency);
      if (stillEmployed !== undefined) {
        await expectCall([201], 'POST', `${apps.dispatch.url}/v1/placements/${id}/checks`, tokens.station, { afterMonths: 3, stillEmployed });
      }
    }
    const stats = await expectCall<any>([200], 'GET', `${apps.dispatch.url}/v1/dispatch/stats?agencyId=${countedAgencyId}`, tokens.admin);
    const mine = stats.agencies.find((a: { agencyId: string }) => a.agencyId === countedAgencyId);
    const count = (groups: Record<string, number>, total: number) => ({ total, byPriorityGroup: Object.fromEntries(PRIORITY_GROUPS.map((g) => [g, groups[g] ?? 0])) });
    expect(mine.placed).toEqual(count({ poverty_alleviated: 1, monitoring_target: 1, relocated: 1 }, 3));
    expect(mine.retained3m).toEqual(count({ poverty_alleviated: 1 }, 1));
    expect(mine.checked3m).toEqual(count({ poverty_alleviated: 1, monitoring_target: 1, relocated: 1 }, 2));
  });

  it('flags a public-welfare worker for exit once flexible income over 12 months passes the line, not before', async () => {
    const jobId = await postJob({
      kind: 'public_welfare',
      title: '村级护林员',
      headcount: 3,
      wage: { min: 800, max: 800, unit: 'month' },
      startAt: inDays(-30),
      endAt: inDays(300),
      benefits: { injuryInsurance: true },
    });
    const workerId = await registerWorker(['poverty_alleviated']);
    await place({ workerId, jobId, employer: { name: '宁蒗县林草局' }, startDate: chinaDate(new Date(Date.now() - 20 * 86_400_000)), source: 'direct' });
    await expectCall([200, 201], 'PUT', `${apps.workers.url}/v1/reference/monitoring-lines/${county}`, tokens.bureau, { annualIncome: 10_000 });

    const month = chinaDate().slice(0, 7);
    const monitored = async () => {
      const page = await expectCall<{ items: { id: string; exitRequired: boolean }[] }>(
        [200], 'GET', `${apps.workers.url}/v1/monitoring/monthly?month=${month}&regionCode=${county}&pageSize=500`, tokens.bureau,
      );
      return page.items.find((item) => item.id === workerId);
    };
    const income = (monthsAgo: number, flexibleIncome: number) => {
      const at = new Date();
      at.setUTCDate(15);
      at.setUTCMonth(at.getUTCMonth() - monthsAgo);
      return expectCall([200, 201], 'POST', `${apps.workers.url}/v1/workers/${workerId}/income`, tokens.station, { month: at.toISOString().slice(0, 7), flexibleIncome });
    };

    await income(1, 4000);
    await income(2, 6000); // 10,000: at the line, not over it
    await income(13, 9000); // outside the 12 months
    await eventually(async () => expect(await monitored()).toMatchObject({ exitRequired: false }), 60_000, 300);
    await income(3, 0.5);
    expect(await monitored()).toMatchObject({ exitRequired: true });
  });
});

function isStartOf(value: string, placementId: string): boolean {
  const event = JSON.parse(value) as { type: string; data: { placementId?: string } };
  return event.type === PlacementStarted.type && event.data.placementId === placementId;
}
