import { chinaDate, findRegion, makeCreditCode, makeResidentId } from '@laowu/domain';
import { call, eventually, expectCall, tokenFor } from '@laowu/testkit';
import { randomInt, randomUUID } from 'node:crypto';
import { type AllApps, startAllApps } from '../support/all-apps';

/**
 * Issue 17 across the four apps, through their public APIs: employers registered by their
 * 统一社会信用代码; a 共享用工 agreement that matching ranked for, which lowers both sides' open
 * headcounts and places the lent workers until the return date; a 劳务品牌 found by name and
 * filtered; a certificate a job requires keeping uncertified and expired holders out of its
 * candidates; a course suggested to the worker who lacks its skill; a wage-arrears complaint that
 * reaches the bureau of the employer's region and no other.
 */
describe('e2e: employers, employee sharing, brands, certificates, training, complaints', () => {
  const home = '513433'; // 冕宁县: the lent workers' county, no other test's
  const away = '440307'; // 龙岗区: the borrowing employer's district
  const centre = findRegion(home)!;
  const run = randomUUID().slice(0, 8);
  const body8 = () => String(randomInt(10_000_000, 99_999_999));
  const stationId = `station-e2e-sharing-${run}`;
  const lenderAgency = `agency-e2e-lender-${run}`;
  const borrowerAgency = `agency-e2e-borrower-${run}`;
  const tokens = {
    admin: tokenFor({ sub: 'admin-e2e', role: 'admin', region: '000000' }),
    station: tokenFor({ sub: stationId, role: 'station', region: home }),
    lender: tokenFor({ sub: lenderAgency, role: 'agency', region: '513400' }),
    borrower: tokenFor({ sub: borrowerAgency, role: 'agency', region: '440300' }),
    awayBureau: tokenFor({ sub: `bureau-e2e-shenzhen-${run}`, role: 'bureau', region: '440300' }),
    homeBureau: tokenFor({ sub: `bureau-e2e-liangshan-${run}`, role: 'bureau', region: '513400' }),
  };
  const inDays = (days: number) => chinaDate(new Date(Date.now() + days * 86_400_000));
  let apps: AllApps;

  beforeAll(async () => {
    apps = await startAllApps({ groupPrefix: 'e2e-sharing' });
    await expectCall([201], 'POST', `${apps.dispatch.url}/v1/stations`, tokens.admin, { id: stationId, name: '冕宁县就业服务站', regionCode: home, location: { lat: centre.lat, lon: centre.lon } });
  }, 180_000);

  afterAll(async () => {
    await apps?.close();
  });

  async function registerWorker(extra: Record<string, unknown> = {}): Promise<string> {
    const { id } = await expectCall<{ id: string }>([201], 'POST', `${apps.workers.url}/v1/workers`, tokens.station, {
      idNumber: makeResidentId({ regionCode: home, birthDate: `19${randomInt(75, 99)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, gender: 'male', sequence: randomInt(0, 500) * 2 + 1 }),
      name: '沙马',
      phone: `138${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      homeRegionCode: home,
      residenceRegionCode: home,
      location: { lat: centre.lat, lon: centre.lon },
      stationId,
      priorityGroups: ['poverty_alleviated'],
      preferences: { kinds: ['fulltime'], willingToMigrate: false, maxCommuteKm: 50 },
      ...extra,
    });
    return id;
  }

  async function postJob(body: Record<string, unknown>): Promise<string> {
    const { id } = await expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/jobs`, tokens.lender, {
      externalId: `e2e-sharing-${randomUUID()}`,
      kind: 'fulltime',
      headcount: 3,
      wage: { min: 4500, max: 6000, unit: 'month' },
      location: { regionCode: home },
      ...body,
    });
    return id;
  }

  const registerEmployer = (token: string, body: Record<string, unknown>) => call<{ id: string; existingId?: string; details?: { field: string; problem: string }[] }>('POST', `${apps.jobs.url}/v1/employers`, token, body);

  it('registers employers by a valid credit code, refuses a bad check character or organisation code, and answers a repeat with existingId', async () => {
    const code = makeCreditCode(home, body8());
    const first = await registerEmployer(tokens.lender, { name: '冕宁县某稀土公司', creditCode: code, regionCode: home });
    expect(first.status).toBe(201);
    const again = await registerEmployer(tokens.borrower, { name: '另一个名字', creditCode: code, regionCode: home });
    expect(again).toMatchObject({ status: 409, body: { existingId: first.body.id } });

    const flip = (c: string) => (c === '0' ? '1' : '0');
    const badCheck = code.slice(0, 17) + flip(code[17]);
    const badOrganisation = (() => {
      // the organisation code's own check character (the 17th) changed, the 18th recomputed so only GB 11714 fails
      const withBadOrg = makeCreditCode(home, code.slice(8, 16)).slice(0, 16) + flip(code[16]);
      for (const last of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        const candidate = withBadOrg + last;
        if (candidate !== code) return candidate;
      }
      throw new Error('unreachable');
    })();
    for (const bad of [badCheck, badOrganisation]) {
      const answer = await registerEmployer(tokens.lender, { name: '某公司', creditCode: bad, regionCode: home });
      expect(answer.status).toBe(422);
      expect(answer.body.details?.map((d) => d.field)).toContain('creditCode');
    }
  });

  it('shares staff: matching ranks the fitting offer first, an agreement lowers both headcounts and places the named workers until the return date', async () => {
    const lender = (await registerEmployer(tokens.lender, { name: '冕宁县某电子厂（停工）', creditCode: makeCreditCode(home, body8()), regionCode: home })).body.id;
    const farLender = (await registerEmployer(tokens.lender, { name: '某远方纺织厂', creditCode: makeCreditCode('650102', body8()), regionCode: '650102' })).body.id;
    const borrower = (await registerEmployer(tokens.borrower, { name: '龙岗某电子厂（缺工）', creditCode: makeCreditCode(away, body8()), regionCode: away })).body.id;
    const post = async (side: 'offers' | 'requests', token: string, body: Record<string, unknown>) =>
      (await expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/sharing/${side}`, token, body)).id;

    const offer = await post('offers', tokens.lender, { employerId: lender, headcount: 5, skills: [{ code: 'welding', level: 3 }], from: inDays(0), to: inDays(60), regionCode: home });
    const weakOffer = await post('offers', tokens.lender, { employerId: farLender, headcount: 5, skills: [{ code: 'sewing-machine', level: 3 }], from: inDays(10), to: inDays(20), regionCode: '650102' });
    const request = await post('requests', tokens.borrower, { employerId: borrower, headcount: 3, skills: [{ code: 'welding', level: 2 }], from: inDays(1), to: inDays(30), regionCode: away });

    // Offers of other tests overlap this request too: the largest limit keeps both of ours in the list.
    const ranked = await eventually(async () => {
      const answer = await expectCall<{ items: { offerId: string; score: number; reasons: { factor: string }[] }[] }>(
        [200], 'GET', `${apps.matching.url}/v1/sharing/requests/${request}/offers?limit=200`, tokens.borrower,
      );
      expect(answer.items.map((i) => i.offerId)).toEqual(expect.arrayContaining([offer, weakOffer]));
      return answer.items;
    }, 60_000, 300);
    const position = (id: string) => ranked.findIndex((i) => i.offerId === id);
    expect(position(offer)).toBeLessThan(position(weakOffer));
    expect(ranked[position(offer)].reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['skills', 'period', 'distance']));
    await expectCall([403], 'GET', `${apps.matching.url}/v1/sharing/requests/${request}/offers`, tokens.lender);

    const workers = [await registerWorker({ skills: [{ code: 'welding', level: 3 }] }), await registerWorker({ skills: [{ code: 'welding', level: 4 }] })];
    const returnDate = inDays(25);
    const agreement = await expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/sharing/agreements`, tokens.borrower, { offerId: offer, requestId: request, headcount: 2, returnDate, workerIds: workers });
    const openHeadcount = async (side: string, id: string) => (await expectCall<{ openHeadcount: number }>([200], 'GET', `${apps.jobs.url}/v1/sharing/${side}/${id}`, tokens.admin)).openHeadcount;
    expect([await openHeadcount('offers', offer), await openHeadcount('requests', request)]).toEqual([3, 1]);
    await expectCall([409], 'POST', `${apps.jobs.url}/v1/sharing/agreements`, tokens.borrower, { offerId: offer, requestId: request, headcount: 2, returnDate });

    const placements = await eventually(async () => {
      const page = await expectCall<{ items: { workerId: string; source: string; plannedEndDate?: string; agreementId?: string; employer: { name: string } }[] }>(
        [200], 'GET', `${apps.dispatch.url}/v1/placements?agreementId=${agreement.id}`, tokens.admin,
      );
      expect(page.items).toHaveLength(2);
      return page.items;
    }, 60_000, 300);
    expect(placements.map((p) => p.workerId).sort()).toEqual([...workers].sort());
    for (const placement of placements) {
      expect(placement).toMatchObject({ source: 'sharing', plannedEndDate: returnDate, agreementId: agreement.id, employer: { name: '龙岗某电子厂（缺工）' } });
    }
  });

  it('finds a labour brand’s jobs by its name and by the brand filter, and not other jobs', async () => {
    const branded = await postJob({ title: `冕宁 建筑 钢筋工 ${run}`, laborBrand: '凉山建工', skills: [{ code: 'rebar-work' }] });
    const plain = await postJob({ title: `冕宁 建筑 钢筋工 ${run}`, skills: [{ code: 'rebar-work' }] });
    const search = async (body: Record<string, unknown>) =>
      (await expectCall<{ items: { jobId: string }[] }>([200], 'POST', `${apps.matching.url}/v1/search/jobs`, tokens.station, { regionCode: home, pageSize: 100, ...body })).items.map((i) => i.jobId);
    await eventually(async () => expect(await search({ q: run })).toEqual(expect.arrayContaining([branded, plain])), 60_000, 300);
    const byName = await search({ q: '凉山建工' });
    expect(byName).toContain(branded);
    expect(byName).not.toContain(plain);
    const byFilter = await search({ laborBrand: 'liangshan-jiangong' });
    expect(byFilter).toContain(branded);
    expect(byFilter).not.toContain(plain);
  });

  it('keeps workers without a valid required certificate out of the job’s candidates', async () => {
    const welding = [{ code: 'welding', level: 3 }];
    const valid = await registerWorker({ skills: welding, certificates: [{ code: 'welder-cert', level: 3, issuedOn: inDays(-2 * 365) }] });
    const expired = await registerWorker({ skills: welding, certificates: [{ code: 'welder-cert', level: 3, issuedOn: inDays(-7 * 365) }] });
    const none = await registerWorker({ skills: welding });
    const job = await postJob({ title: `冕宁 压力容器焊工 ${run}`, skills: [{ code: 'welding', minLevel: 2 }], requiredCertificates: [{ code: 'welder-cert' }] });

    const candidates = async () =>
      (await expectCall<{ items: { workerId: string }[] }>([200], 'GET', `${apps.matching.url}/v1/jobs/${job}/candidates?limit=200`, tokens.lender)).items.map((i) => i.workerId);
    // Workers are indexed on their own schedule: wait until the certified one shows and the others have been indexed too.
    await eventually(async () => {
      expect(await candidates()).toContain(valid);
      for (const id of [expired, none]) await expectCall([200], 'GET', `${apps.matching.url}/v1/workers/${id}/matches?limit=1`, tokens.station);
    }, 60_000, 300);
    const found = await candidates();
    expect(found).not.toContain(expired);
    expect(found).not.toContain(none);
  });

  it('suggests a course to the worker who lacks the skill the nearby jobs ask for, not to one who has it', async () => {
    await postJob({ title: `冕宁 叉车司机 ${run}`, skills: [{ code: 'forklift', minLevel: 2 }] });
    const { id: course } = await expectCall<{ id: string }>([201], 'POST', `${apps.jobs.url}/v1/training/courses`, tokens.station, {
      title: `冕宁县叉车操作培训班 ${run}`, skillCode: 'forklift', regionCode: home, startDate: inDays(7), endDate: inDays(21), seats: 30, subsidized: true,
    });
    const lacks = await registerWorker({ skills: [{ code: 'order-picking', level: 2 }] });
    const has = await registerWorker({ skills: [{ code: 'forklift', level: 4 }] });
    const suggested = async (workerId: string) =>
      (await expectCall<{ items: { courseId: string; opensJobs: { title: string }[] }[] }>([200], 'GET', `${apps.matching.url}/v1/workers/${workerId}/training-suggestions?limit=50`, tokens.station)).items;
    // The job and the workers reach matching on their own schedules: wait until the course lists the job it opens,
    // and until the worker who has the skill is indexed too (a 404 before that).
    await eventually(async () => {
      const mine = (await suggested(lacks)).find((i) => i.courseId === course);
      expect(mine?.opensJobs.map((j) => j.title)).toContain(`冕宁 叉车司机 ${run}`);
      await suggested(has);
    }, 60_000, 300);
    expect((await suggested(has)).map((i) => i.courseId)).not.toContain(course);
  });

  it('routes a wage-arrears complaint to the bureau of the employer’s region, never to another, and never shows an ID number', async () => {
    const creditCode = makeCreditCode(away, body8());
    await expectCall([201], 'POST', `${apps.jobs.url}/v1/employers`, tokens.borrower, { name: '龙岗某建筑劳务公司', creditCode, regionCode: away });
    const workerId = await registerWorker();
    const idNumber = makeResidentId({ regionCode: home, birthDate: '1988-03-04', gender: 'male', sequence: 17 });
    const complaint = await eventually(async () => {
      const answer = await call<{ id: string }>('POST', `${apps.jobs.url}/v1/complaints`, tokens.station, {
        workerId, employer: { name: '龙岗某建筑劳务公司', creditCode }, kind: 'wage_arrears', amount: 12_800, description: `拖欠三个月工资，身份证 ${idNumber}`,
      });
      expect(answer.status).toBe(201); // 403 until job-collection's view knows the worker's station
      return answer.body.id;
    }, 60_000, 300);

    const seen = await expectCall<Record<string, unknown>>([200], 'GET', `${apps.jobs.url}/v1/complaints/${complaint}`, tokens.awayBureau);
    expect(seen).toMatchObject({ routedRegionCode: away, status: 'received' });
    expect(JSON.stringify(seen)).not.toContain(idNumber);
    await expectCall([403], 'GET', `${apps.jobs.url}/v1/complaints/${complaint}`, tokens.homeBureau);
    const homeList = await expectCall<{ items: { id: string }[] }>([200], 'GET', `${apps.jobs.url}/v1/complaints?regionCode=513400`, tokens.homeBureau);
    expect(homeList.items.map((c) => c.id)).not.toContain(complaint);
    await expectCall([403], 'POST', `${apps.jobs.url}/v1/complaints/${complaint}/status`, tokens.homeBureau, { status: 'accepted' });

    await expectCall([200, 201], 'POST', `${apps.jobs.url}/v1/complaints/${complaint}/status`, tokens.awayBureau, { status: 'accepted', note: '已受理，联系用人单位' });
    const forStation = await expectCall<{ status: string }>([200], 'GET', `${apps.jobs.url}/v1/complaints/${complaint}`, tokens.station);
    expect(forStation.status).toBe('accepted');
    const byEmployer = await expectCall<{ creditCode?: string; total: number }[] | { items: { creditCode?: string; total: number }[] }>(
      [200], 'GET', `${apps.jobs.url}/v1/complaints/by-employer?regionCode=${away}`, tokens.awayBureau,
    );
    const rows = Array.isArray(byEmployer) ? byEmployer : byEmployer.items;
    expect(rows.find((r) => r.creditCode === creditCode)?.total).toBe(1);
  });
});
