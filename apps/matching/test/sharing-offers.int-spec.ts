import { SharingAgreed, type SharingAgreedData, SharingPostChanged, type SharingPostChangedData, TOPICS } from '@laowu/contracts';
import { eventually, inDays } from '@laowu/testkit';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { caughtUp, type MatchingUnderTest, startMatching, uniquePrefix } from './matching.fixtures';

/**
 * 共享用工 (二): offers of idle staff ranked for a request by skills, period overlap and distance,
 * with reasons — from SharingPostChanged events on the real Kafka into matching's table, read over
 * HTTP; and who may read them.
 */
describe('sharing offers ranked for a request (real Kafka, PostgreSQL)', () => {
  const prefix = uniquePrefix();
  let matching: MatchingUnderTest;
  const day = (n: number) => inDays(n).slice(0, 10);
  const agencyA = `agency-a-${prefix}`;
  const agencyB = `agency-b-${prefix}`;
  const borrower = randomUUID();

  const post = (overrides: Partial<SharingPostChangedData>): SharingPostChangedData => ({
    postId: randomUUID(),
    side: 'offer',
    version: 1,
    status: 'open',
    agencyId: agencyB,
    employerId: randomUUID(),
    employerName: '凉山某建材有限公司',
    employerCreditCode: '91513401MA62K1XQ2B',
    headcount: 10,
    openHeadcount: 10,
    skills: [],
    from: day(10),
    to: day(39),
    regionCode: '513401',
    updatedAt: new Date().toISOString(),
    ...overrides,
  });

  /** A 西昌 (凉山) employer short of 10 welders and electricians for 30 days. */
  const shortage = post({
    side: 'request',
    agencyId: agencyA,
    employerId: borrower,
    employerName: '西昌某钢结构有限公司',
    skills: [{ code: 'welding', level: 3 }, { code: 'electrician', level: 2 }],
  });
  /** In 西昌 itself, both skills at the level asked or above, the whole period and more, 10 staff. */
  const best = post({ employerName: '西昌某停产电子厂', skills: [{ code: 'welding', level: 4 }, { code: 'electrician', level: 2 }], from: day(5), to: day(60) });
  /** In 成都 (350 km, same province), welding only, from day 25: 15 of the 30 days. */
  const weaker = post({ employerName: '成都某机械厂', regionCode: '510104', skills: [{ code: 'welding', level: 3 }, { code: 'electrician', level: 1 }], from: day(25), to: day(90), openHeadcount: 5 });
  /** Starts after the request ends. */
  const later = post({ skills: [{ code: 'welding', level: 5 }, { code: 'electrician', level: 5 }], from: day(40), to: day(80) });
  const closed = post({ status: 'closed', skills: best.skills });
  const fullyAgreed = post({ openHeadcount: 0, skills: best.skills });
  /** The borrowing employer's own idle staff are not offered to it. */
  const own = post({ employerId: borrower, skills: best.skills });
  /** Published at version 2 (3 staff left) after version 1 (10): version 1 arrives late and changes nothing. */
  const bumped = post({ version: 2, openHeadcount: 3, regionCode: '513431', skills: [{ code: 'masonry', level: 2 }] });
  const offers = [best, weaker, later, closed, fullyAgreed, own, bumped];
  const ours = new Set(offers.map((o) => o.postId));

  const get = (id: string, token: string) => request(matching.running.url).get(`/v1/sharing/requests/${id}/offers?limit=200`).set('Authorization', token);
  type Item = { offerId: string; score: number; offeredHeadcount: number; employerName: string; from: string; to: string; regionCode: string; reasons: { factor: string; contribution: number; detail: string }[] };
  const rankedOffers = async (token = bearer({ sub: agencyA, role: 'agency', region: '510000' })) =>
    ((await get(shortage.postId, token).expect(200)).body.items as Item[]).filter((item) => ours.has(item.offerId));

  beforeAll(async () => {
    matching = await startMatching(prefix, 'sharing-offers');
    const agreed: SharingAgreedData = {
      agreementId: randomUUID(),
      offerId: best.postId,
      requestId: shortage.postId,
      agencyId: agencyA,
      headcount: 1,
      workerIds: [],
      lender: { employerId: best.employerId, name: best.employerName, creditCode: best.employerCreditCode, regionCode: '513401' },
      borrower: { employerId: borrower, name: shortage.employerName, creditCode: shortage.employerCreditCode, regionCode: '513401' },
      startDate: day(10),
      returnDate: day(39),
      agreedAt: new Date().toISOString(),
    };
    await matching.producer.events(TOPICS.sharing, SharingPostChanged, [...offers, shortage]);
    await matching.producer.events(TOPICS.sharing, SharingAgreed, [agreed]);
    await eventually(async () => {
      const items = await rankedOffers();
      if (items.length < 3) throw new Error(`${items.length} of our offers ranked so far`);
    }, 60_000);
    // Version 1 of an offer stored at version 2, delivered late: changes nothing.
    await matching.producer.events(TOPICS.sharing, SharingPostChanged, [{ ...bumped, version: 1, openHeadcount: 10 }]);
    await caughtUp(matching.running.config.KAFKA_GROUP_ID!, TOPICS.sharing);
  });
  afterAll(() => matching?.close());

  it('ranks the better-skilled, closer, fully-overlapping offer first, with reasons adding up to its score; leaves out the others', async () => {
    const items = await rankedOffers();
    expect(items.map((i) => i.offerId)).toEqual([best.postId, weaker.postId, bumped.postId]);

    // Both skills (3), all 30 days (2), the same county (2), 10 of 10 (1).
    expect(items[0]).toMatchObject({ score: 8, offeredHeadcount: 10, employerName: '西昌某停产电子厂', from: best.from, to: best.to, regionCode: '513401' });
    expect(items[0].reasons.map((r) => [r.factor, r.contribution])).toEqual([
      ['skills', 3],
      ['period', 2],
      ['distance', 2],
      ['headcount', 1],
    ]);
    // Welding only (1.5), days 25–39 of 10–39: 15 of 30 (1), 成都 in the same province (0.5 × 2), 5 of 10 (0.5).
    const byFactor = Object.fromEntries(items[1].reasons.map((r) => [r.factor, r]));
    expect(byFactor.skills).toMatchObject({ contribution: 1.5, detail: '技能符合 1/2' });
    expect(byFactor.period).toMatchObject({ contribution: 1, detail: '覆盖所需时段 15/30 天' });
    expect(byFactor.distance).toMatchObject({ contribution: 1 });
    expect(byFactor.distance.detail).toMatch(/^同省，距离约 35\d km$/);
    expect(byFactor.headcount.contribution).toBe(0.5);
    expect(items[1].score).toBeCloseTo(4, 10);
    for (const item of items) expect(item.score).toBeCloseTo(item.reasons.reduce((sum, r) => sum + r.contribution, 0), 4);

    // The highest version wins: 3 staff left, though version 1 (10) came later.
    expect(items[2].offeredHeadcount).toBe(3);
  });

  it('lets the bureau of the request’s region and admin read the offers; limit cuts the list', async () => {
    expect((await rankedOffers(bearer({ sub: 'bureau-513400', role: 'bureau', region: '513400' }))).map((i) => i.offerId)[0]).toBe(best.postId);
    expect((await rankedOffers(asAdmin())).map((i) => i.offerId)[0]).toBe(best.postId);
    const limited = await request(matching.running.url).get(`/v1/sharing/requests/${shortage.postId}/offers?limit=1`).set('Authorization', asAdmin()).expect(200);
    expect(limited.body.items).toHaveLength(1);
  });

  it('refuses another agency, a bureau elsewhere and a station with 403, the same body for a request that does not exist', async () => {
    const missing = randomUUID();
    for (const token of [bearer({ sub: agencyB, role: 'agency', region: '510000' }), bearer({ sub: 'bureau-440300', role: 'bureau', region: '440300' })]) {
      const foreign = await get(shortage.postId, token).expect(403);
      expect(foreign.body.code).toBe('SHARING.REQUEST_FORBIDDEN');
      const absent = await get(missing, token).expect(403);
      expect(JSON.stringify(absent.body).split(missing).join(':id')).toBe(JSON.stringify(foreign.body).split(shortage.postId).join(':id'));
    }
    await get(shortage.postId, bearer({ sub: 'station-513401-01', role: 'station', region: '513401' })).expect(403);
    // The request's own agency asking about a request matching has not seen: the same 403 (it cannot be told apart).
    expect((await get(missing, bearer({ sub: agencyA, role: 'agency', region: '510000' })).expect(403)).body.code).toBe('SHARING.REQUEST_FORBIDDEN');
  });

  it('answers admin 404 for a request not yet indexed, and 400 for a bad id or limit', async () => {
    const absent = await get(randomUUID(), asAdmin()).expect(404);
    expect(absent.body.code).toBe('SHARING.REQUEST_NOT_INDEXED');
    expect(absent.body.message).toContain('not yet indexed');
    expect((await get('not-a-uuid', asAdmin()).expect(400)).body.details).toEqual([{ field: 'id', problem: 'id must be a UUID' }]);
    const badLimit = await request(matching.running.url).get(`/v1/sharing/requests/${shortage.postId}/offers?limit=0`).set('Authorization', asAdmin()).expect(400);
    expect(badLimit.body.details.map((d: { field: string }) => d.field)).toEqual(['limit']);
  });
});
