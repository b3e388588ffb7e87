import { type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { findRegion, makeResidentId } from '@laowu/domain';
import { randomInt, randomUUID } from 'node:crypto';
import { eventually, expectCall, SseStream, tokenFor } from '@laowu/testkit';
import { type AllApps, startAllApps } from '../support/all-apps';
import { TopicRecorder } from '../support/kafka';
import { untilSearchable } from '../support/search';
import { jobsIndex, workersIndex } from '../../apps/matching/src/indexing/index-definitions';

/** Resident ID numbers unique across runs on the same database: a random birth date and sequence. */
const randomBirthDate = () => `${randomInt(1970, 2000)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;

interface Pushed {
  matchId: string;
  jobId: string;
  workerId: string;
  trigger: string;
  lane: string;
}

/**
 * The push engine (v1.1) through the public APIs, four apps over the real stack: which trigger
 * reaches which station in which lane, per-station settings, declined pairs, and the instant lane
 * overtaking a standard-lane backlog. Counties no other test or the demo uses, so the candidates
 * from these home regions are this suite's own workers.
 */
describe('e2e: the push engine — instant, cross-region and worker-available pushes', () => {
  const home = '522732'; // 三都水族自治县 (黔南), the targeted origin county
  const elsewhere = '532932'; // 鹤庆县 (大理), an origin county no job here targets
  const destination = '441302'; // 惠城区 (惠州)
  const run = randomUUID().slice(0, 8);
  const stationHome = `station-push-${run}-a`;
  const stationElsewhere = `station-push-${run}-b`;
  const tokens = {
    admin: tokenFor({ sub: 'admin-e2e', role: 'admin', region: '000000' }),
    home: tokenFor({ sub: stationHome, role: 'station', region: home }),
    elsewhere: tokenFor({ sub: stationElsewhere, role: 'station', region: elsewhere }),
    agency: tokenFor({ sub: `agency-push-${run}`, role: 'agency', region: '441300' }),
  };
  let apps: AllApps;
  const streams: SseStream[] = [];

  const pushedOn = (stream: SseStream): Pushed[] => stream.events.filter((e) => e.event === 'match').map((e) => JSON.parse(e.data) as Pushed);
  const openStream = async (stationId: string, token: string) => {
    const stream = await SseStream.open(`${apps.dispatch.url}/v1/stations/${stationId}/stream`, token);
    streams.push(stream);
    return stream;
  };
  const registerStation = (id: string, county: string) => {
    const centre = findRegion(county)!;
    return expectCall([201], 'POST', `${apps.dispatch.url}/v1/stations`, tokens.admin, { id, name: `${centre.name}就业服务站`, regionCode: county, location: { lat: centre.lat, lon: centre.lon } });
  };
  const registerWorker = async (stationId: string, token: string, county: string, preferences: object, extra: object = {}) => {
    const centre = findRegion(county)!;
    const { id } = await expectCall<{ id: string }>([201], 'POST', `${apps.workers.url}/v1/workers`, token, {
      idNumber: makeResidentId({ regionCode: county, birthDate: randomBirthDate(), gender: 'female', sequence: randomInt(0, 500) * 2 }),
      name: '吴春花',
      phone: '13700000000',
      homeRegionCode: county,
      residenceRegionCode: county,
      location: { lat: centre.lat, lon: centre.lon },
      stationId,
      skills: [{ code: 'welding', level: 3 }],
      ...extra,
      preferences: { kinds: ['fulltime', 'gig'], maxCommuteKm: 30, ...preferences },
    });
    return id;
  };
  const crossRegionJob = (title: string, overrides: object = {}) => {
    const centre = findRegion(destination)!;
    return {
      externalId: `push-${run}-${randomUUID()}`,
      title,
      kind: 'fulltime',
      skills: [{ code: 'welding', minLevel: 2 }],
      headcount: 20,
      wage: { min: 5000, max: 6500, unit: 'month' },
      location: { regionCode: destination, lat: centre.lat, lon: centre.lon },
      crossRegion: { sourceRegionCodes: ['522700'] },
      benefits: { housing: true, meals: true },
      ...overrides,
    };
  };
  const postJob = (body: object) => expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/jobs`, tokens.agency, body);
  const waitFor = <T>(what: string, find: () => T | undefined) => eventually(() => find() ?? false, 120_000, 100, what);

  let homeStream: SseStream;
  let elsewhereStream: SseStream;
  let migrant: string;
  let stayer: string;
  let otherMigrant: string;
  let fromElsewhere: string;

  beforeAll(async () => {
    apps = await startAllApps({ groupPrefix: 'e2e-push' });
    await registerStation(stationHome, home);
    await registerStation(stationElsewhere, elsewhere);
    homeStream = await openStream(stationHome, tokens.home);
    elsewhereStream = await openStream(stationElsewhere, tokens.elsewhere);
    // A minimum wage, so a better-paid job outranks the many alike (see the declined-pair test).
    migrant = await registerWorker(stationHome, tokens.home, home, { willingToMigrate: true, targetRegionCodes: [], minWage: { amount: 250, unit: 'day' } });
    otherMigrant = await registerWorker(stationHome, tokens.home, home, { willingToMigrate: true, targetRegionCodes: ['440000'] });
    stayer = await registerWorker(stationHome, tokens.home, home, { willingToMigrate: false });
    fromElsewhere = await registerWorker(stationElsewhere, tokens.elsewhere, elsewhere, { willingToMigrate: true, targetRegionCodes: [] });
    await untilSearchable(workersIndex(apps.matching.config.SEARCH_INDEX_PREFIX).alias, [migrant, otherMigrant, stayer, fromElsewhere]);
  }, 240_000);

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await apps?.close();
  });

  it('pushes a cross-region job to the stations of the targeted home region only, to the workers who would go (五)', async () => {
    const job = await postJob(crossRegionJob('惠州电子厂 焊工 招三都籍'));
    const forJob = (worker: string) => () => pushedOn(homeStream).find((m) => m.jobId === job.id && m.workerId === worker);
    const pushed = await waitFor('the migrant’s cross-region push', forJob(migrant));
    expect(pushed).toMatchObject({ trigger: 'cross_region_job', lane: 'standard' });
    await waitFor('the migrant targeting Guangdong', forJob(otherMigrant));
    // Both came in one MatchesFound for this station; the unwilling worker and the other county's were never candidates.
    expect(forJob(stayer)()).toBeUndefined();
    const listed = await expectCall<{ items: { jobId: string }[] }>([200], 'GET', `${apps.dispatch.url}/v1/stations/${stationElsewhere}/matches`, tokens.elsewhere);
    expect(listed.items.filter((m) => m.jobId === job.id)).toEqual([]);
    expect(pushedOn(elsewhereStream).filter((m) => m.jobId === job.id)).toEqual([]);
  });

  it('pushes their best open jobs when a worker is registered, or becomes unemployed (十四)', async () => {
    // An open job for them that is searchable: a job posted within the index's refresh second of
    // the registration is not among the worker's best yet (docs/PUSH-ENGINE.md), and on a fresh
    // stack this suite's jobs may be the only open ones.
    const open = await postJob(crossRegionJob('惠州包装厂 普工 招三都籍'));
    await untilSearchable(jobsIndex(apps.matching.config.SEARCH_INDEX_PREFIX).alias, [open.id]);
    const registered = await registerWorker(stationHome, tokens.home, home, { willingToMigrate: true, targetRegionCodes: [] });
    const first = await waitFor('a worker_available push for the new worker', () => pushedOn(homeStream).find((m) => m.workerId === registered));
    expect(first).toMatchObject({ trigger: 'worker_available', lane: 'standard' });
    const pushes = pushedOn(homeStream).filter((m) => m.workerId === registered && m.trigger === 'worker_available');
    expect(pushes.length).toBeLessThanOrEqual(5);

    const employed = await registerWorker(stationHome, tokens.home, home, { willingToMigrate: true, targetRegionCodes: [] }, {
      employmentStatus: { status: 'employed', effectiveDate: '2026-11-01', regionCode: home, registeredAt: 'residence' },
    });
    await expectCall([201], 'POST', `${apps.workers.url}/v1/workers/${employed}/employment-status`, tokens.home, {
      status: 'unemployed', effectiveDate: new Date().toISOString().slice(0, 10), regionCode: home, registeredAt: 'residence',
    });
    const becameUnemployed = await waitFor('a push for the worker who became unemployed', () => pushedOn(homeStream).find((m) => m.workerId === employed));
    expect(becameUnemployed).toMatchObject({ trigger: 'worker_available', lane: 'standard' });
  }, 240_000); // two pushes waited for one after the other, each up to 120 s on a loaded machine

  it('honours a station’s push settings: a trigger turned off pushes nothing of that kind', async () => {
    const recorder = await TopicRecorder.start([TOPICS.matches]);
    try {
      await expectCall([200], 'PUT', `${apps.dispatch.url}/v1/stations/${stationHome}/push-settings`, tokens.home, {
        instant: true, crossRegion: true, workerAvailable: false, minScore: 0, maxPerJob: 50,
      });
      const quiet = await registerWorker(stationHome, tokens.home, home, { willingToMigrate: true, targetRegionCodes: [] });
      await untilSearchable(workersIndex(apps.matching.config.SEARCH_INDEX_PREFIX).alias, [quiet]);
      // matching did push it: the setting is the station's, applied where deliveries are made.
      await recorder.waitFor((messages) =>
        messages.some((m) => {
          const data = JSON.parse(m.value).data as MatchesFoundData;
          return data.trigger === 'worker_available' && data.matches.some((match) => match.workerId === quiet);
        }), 60_000);
      // A later event for the same station on the same topic (one partition per station): once it is delivered, the earlier one was handled.
      const job = await postJob(crossRegionJob('惠州注塑厂 普工 招三都籍'));
      await waitFor('the later cross-region push', () => pushedOn(homeStream).find((m) => m.jobId === job.id && m.workerId === quiet));
      expect(pushedOn(homeStream).filter((m) => m.workerId === quiet && m.trigger === 'worker_available')).toEqual([]);
    } finally {
      await recorder.stop();
      await expectCall([200], 'PUT', `${apps.dispatch.url}/v1/stations/${stationHome}/push-settings`, tokens.home, {
        instant: true, crossRegion: true, workerAvailable: true, minScore: 0, maxPerJob: 50,
      });
    }
  });

  it('never pushes or lists a declined pair again, even for a new version of the job', async () => {
    // Paid well above the migrant's minimum: among the best of their matches, whatever else is open.
    const body = crossRegionJob('惠州五金厂 焊工 招三都籍', { wage: { min: 9000, max: 12000, unit: 'month' } });
    const job = await postJob(body);
    const pushed = await waitFor('the cross-region push', () => pushedOn(homeStream).find((m) => m.jobId === job.id && m.workerId === migrant));
    const listedJobs = async () =>
      (await expectCall<{ items: { jobId: string }[] }>([200], 'GET', `${apps.matching.url}/v1/workers/${migrant}/matches?limit=50`, tokens.home)).items.map((i) => i.jobId);
    await eventually(async () => expect(await listedJobs()).toContain(job.id), 30_000, 300);

    await expectCall([200, 201], 'POST', `${apps.dispatch.url}/v1/matches/${pushed.matchId}/decline`, tokens.home);
    await eventually(async () => expect(await listedJobs()).not.toContain(job.id), 30_000, 300);

    // A material change: every other candidate is pushed again for version 2; the declined pair is not.
    await expectCall([200], 'PUT', `${apps.jobs.url}/v1/jobs/${job.id}`, tokens.agency, { ...body, wage: { min: 9500, max: 12500, unit: 'month' } });
    const otherMigrantPushes = () => pushedOn(homeStream).filter((m) => m.jobId === job.id && m.workerId === otherMigrant);
    await waitFor('the version-2 push to the other migrant', () => (otherMigrantPushes().length === 2 ? true : undefined));
    expect(pushedOn(homeStream).filter((m) => m.jobId === job.id && m.workerId === migrant)).toHaveLength(1);
    expect(await listedJobs()).not.toContain(job.id);
  });

  it('delivers a gig job posted behind a large standard-lane backlog before that backlog drains', async () => {
    const backlog = Array.from({ length: 1000 }, (_, i) => crossRegionJob(`惠州 招工 ${i}`));
    const backlogIds: string[] = [];
    for (let i = 0; i < backlog.length; i += 500) {
      const { results } = await expectCall<{ results: { status: number; id?: string }[] }>([200], 'POST', `${apps.jobs.url}/v1/jobs/bulk`, tokens.agency, { jobs: backlog.slice(i, i + 500) });
      expect(results.every((r) => r.status === 201)).toBe(true);
      backlogIds.push(...results.map((r) => r.id!));
    }
    const centre = findRegion(home)!;
    const startAt = new Date(Date.now() + 3 * 3600_000);
    const gig = await postJob({
      externalId: `push-${run}-gig`,
      title: '三都 县城物流园 装卸 日结',
      kind: 'gig',
      headcount: 3,
      wage: { min: 200, max: 260, unit: 'day' },
      location: { regionCode: home, lat: centre.lat + 0.01, lon: centre.lon },
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 8 * 3600_000).toISOString(),
    });
    const gigPush = await waitFor('the gig job on the stream', () => pushedOn(homeStream).find((m) => m.jobId === gig.id));
    expect(gigPush).toMatchObject({ trigger: 'instant_job', lane: 'instant' });
    const inBacklog = new Set(backlogIds);
    const backlogPushed = () => new Set(pushedOn(homeStream).filter((m) => m.trigger === 'cross_region_job' && inBacklog.has(m.jobId)).map((m) => m.jobId));
    const pushedBeforeGig = backlogPushed().size;
    // Order, not time: when the gig job arrived, most of the backlog had not reached the station yet…
    expect(pushedBeforeGig).toBeLessThan(backlog.length / 2);
    // …and all of it does afterwards (nothing is left queued for a later run of this suite either).
    await eventually(async () => expect(backlogPushed().size).toBe(backlog.length), 360_000, 2000);
  }, 600_000);
});
