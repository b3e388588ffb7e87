import { type EventEnvelope, type SharingAgreedData, type SharingPostChangedData, TOPICS } from '@laowu/contracts';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TopicRecorder } from '../../../test/support/kafka';
import { startTestApp, type TestApp } from '../../../test/support/test-app';
import { asAdmin, bearer } from '../../../test/support/tokens';
import { type JobCollectionConfig } from '../src/job-collection.config';
import { SCHEMA } from '../src/schema';
import { asAgency, chinaDay, employerBody, newAgencyId, SPEC } from './job-collection.fixtures';

const asBureau = (region: string) => bearer({ sub: `bureau-${region}`, role: 'bureau', region });

describe('job-collection: 共享用工 offers, requests and agreements', () => {
  let running: TestApp<JobCollectionConfig>;
  let dataSource: DataSource;
  let sharing: TopicRecorder;

  beforeAll(async () => {
    sharing = await TopicRecorder.start([TOPICS.sharing]);
    running = await startTestApp(SPEC, { consume: false });
    dataSource = running.app.get(DataSource);
  });

  afterAll(async () => {
    await running?.close();
    await sharing?.stop();
  });

  const post = (path: string, auth: string, body: object) => request(running.url).post(path).set('Authorization', auth).send(body);
  const get = (path: string, auth: string) => request(running.url).get(path).set('Authorization', auth);

  /** Two agencies, each with a registered employer: a lender in 东莞 (441900) and a borrower in 宝安 (440306). */
  async function twoSides() {
    const lenderAgency = newAgencyId();
    const borrowerAgency = newAgencyId();
    const lender = (await post('/v1/employers', asAgency(lenderAgency), employerBody({ name: '东莞某停工玩具厂', regionCode: '441900' })).expect(201)).body;
    const borrower = (await post('/v1/employers', asAgency(borrowerAgency), employerBody({ name: '宝安某电子厂', regionCode: '440306' })).expect(201)).body;
    return { lenderAgency, borrowerAgency, lender, borrower };
  }

  const postBody = (employerId: string, overrides: Record<string, unknown> = {}) => ({
    employerId, headcount: 5, skills: [{ code: 'welding', level: 2 }], from: chinaDay(10), to: chinaDay(100), regionCode: '440306',
    wage: { min: 5000, max: 6500, unit: 'month' }, ...overrides,
  });

  const eventsFor = (key: string) => sharing.messages.filter((m) => m.key === key).map((m) => JSON.parse(m.value) as EventEnvelope);

  describe('posts', () => {
    it('stores an offer and a request with their open headcount and publishes SharingPostChanged version 1', async () => {
      const { lenderAgency, borrowerAgency, lender, borrower } = await twoSides();
      const offer = await post('/v1/sharing/offers', asAgency(lenderAgency), postBody(lender.id, { regionCode: '441900' })).expect(201);
      expect(offer.body).toMatchObject({
        side: 'offer', agencyId: lenderAgency, employerId: lender.id, headcount: 5, openHeadcount: 5, status: 'open', version: 1, regionCode: '441900',
        employer: { employerId: lender.id, name: '东莞某停工玩具厂', creditCode: lender.creditCode, regionCode: '441900' },
      });
      const wanted = await post('/v1/sharing/requests', asAgency(borrowerAgency), postBody(borrower.id, { headcount: 3, skills: [{ code: 'welding' }] })).expect(201);
      expect(wanted.body).toMatchObject({ side: 'request', headcount: 3, openHeadcount: 3, skills: [{ code: 'welding' }] });

      await sharing.waitFor(() => eventsFor(offer.body.id).length === 1 && eventsFor(wanted.body.id).length === 1);
      const [event] = eventsFor(offer.body.id) as EventEnvelope<SharingPostChangedData>[];
      expect(event.type).toBe('sharing.post-changed');
      expect(event.data).toEqual({
        postId: offer.body.id, side: 'offer', version: 1, status: 'open', agencyId: lenderAgency, employerId: lender.id, employerName: '东莞某停工玩具厂',
        employerCreditCode: lender.creditCode, headcount: 5, openHeadcount: 5, skills: [{ code: 'welding', level: 2 }], from: chinaDay(10),
        to: chinaDay(100), regionCode: '441900', wage: { min: 5000, max: 6500, unit: 'month' }, updatedAt: offer.body.updatedAt,
      });
    });

    it('refuses unknown references and bad periods (422 naming the field) and malformed bodies (400), writing nothing', async () => {
      const { lenderAgency, lender } = await twoSides();
      const auth = asAgency(lenderAgency);
      const refused = async (body: object, status: number, code: string, fields: string[]) => {
        const res = await post('/v1/sharing/offers', auth, body).expect(status);
        expect(res.body.code).toBe(code);
        expect((res.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(fields);
      };
      await refused(postBody(randomUUID()), 422, 'SHARING.UNKNOWN_REFERENCE', ['employerId']);
      await refused(postBody(lender.id, { skills: [{ code: 'no-such-skill' }], regionCode: '449999' }), 422, 'SHARING.UNKNOWN_REFERENCE', ['regionCode', 'skills.0.code']);
      await refused(postBody(lender.id, { from: chinaDay(20), to: chinaDay(19) }), 422, 'SHARING.PERIOD_INVALID', ['to']);
      await refused(postBody(lender.id, { from: chinaDay(1), to: chinaDay(1 + 367) }), 422, 'SHARING.PERIOD_INVALID', ['to']);
      await refused(postBody(lender.id, { from: chinaDay(-30), to: chinaDay(-1) }), 422, 'SHARING.PERIOD_INVALID', ['to']);
      await refused(
        { employerId: 'x', headcount: 0, skills: [], from: '2027-02-30', to: 'soon', regionCode: '44', wage: { min: -1, max: 1, unit: 'week' }, extra: true },
        400, 'REQUEST.INVALID', ['employerId', 'extra', 'from', 'headcount', 'regionCode', 'skills', 'to', 'wage.min', 'wage.unit'],
      );
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${SCHEMA}".sharing_posts WHERE agency_id = $1`, [lenderAgency]);
      expect(count).toBe(0);
      await post('/v1/sharing/offers', bearer({ sub: 'station-1', role: 'station', region: '440306' }), postBody(lender.id)).expect(403);
    });

    it('lets its agency, a bureau of its region and an admin read it; others get one 403 whether it exists or not; lists the caller’s own', async () => {
      const { lenderAgency, lender } = await twoSides();
      const offer = (await post('/v1/sharing/offers', asAgency(lenderAgency), postBody(lender.id)).expect(201)).body;
      await get(`/v1/sharing/offers/${offer.id}`, asAgency(lenderAgency)).expect(200);
      await get(`/v1/sharing/offers/${offer.id}`, asBureau('440300')).expect(200);
      await get(`/v1/sharing/offers/${offer.id}`, asAdmin()).expect(200);
      for (const auth of [asAgency(newAgencyId()), asBureau('510000'), bearer({ sub: 'station-1', role: 'station', region: '440306' })]) {
        const existing = await get(`/v1/sharing/offers/${offer.id}`, auth).expect(403);
        expect(existing.body).toEqual((await get(`/v1/sharing/offers/${randomUUID()}`, auth).expect(403)).body);
        expect(existing.body.code).toBe('SHARING.NOT_YOURS');
      }
      // an offer is not a request
      await get(`/v1/sharing/requests/${offer.id}`, asAgency(lenderAgency)).expect(403);
      await get(`/v1/sharing/requests/${offer.id}`, asAdmin()).expect(404);

      const second = (await post('/v1/sharing/offers', asAgency(lenderAgency), postBody(lender.id)).expect(201)).body;
      await post(`/v1/sharing/offers/${second.id}/close`, asAgency(newAgencyId()), {}).expect(403);
      const closed = await post(`/v1/sharing/offers/${second.id}/close`, asAgency(lenderAgency), {}).expect(200);
      expect(closed.body).toMatchObject({ status: 'closed', version: 2 });
      expect((await post(`/v1/sharing/offers/${second.id}/close`, asAgency(lenderAgency), {}).expect(200)).body.version).toBe(2);

      const open = await get('/v1/sharing/offers?status=open', asAgency(lenderAgency)).expect(200);
      expect(open.body.items.map((p: { id: string }) => p.id)).toEqual([offer.id]);
      const all = await get('/v1/sharing/offers', asAgency(lenderAgency)).expect(200);
      expect(all.body.items.map((p: { id: string }) => p.id)).toEqual([second.id, offer.id]);
      expect((await get('/v1/sharing/requests', asAgency(lenderAgency)).expect(200)).body.total).toBe(0);
      await get('/v1/sharing/offers?status=gone', asAgency(lenderAgency)).expect(400);
    });
  });

  describe('agreements', () => {
    async function offerAndRequest(offerHeadcount: number, requestHeadcount: number, periods: { offer?: [number, number]; request?: [number, number] } = {}) {
      const sides = await twoSides();
      const [of, ot] = periods.offer ?? [10, 100];
      const [rf, rt] = periods.request ?? [20, 120];
      const offer = (await post('/v1/sharing/offers', asAgency(sides.lenderAgency), postBody(sides.lender.id, { headcount: offerHeadcount, from: chinaDay(of), to: chinaDay(ot) })).expect(201)).body;
      const wanted = (await post('/v1/sharing/requests', asAgency(sides.borrowerAgency), postBody(sides.borrower.id, { headcount: requestHeadcount, from: chinaDay(rf), to: chinaDay(rt) })).expect(201)).body;
      return { ...sides, offer, wanted };
    }

    const openHeadcounts = async (...ids: string[]) => {
      const rows: { id: string; open_headcount: number }[] = await dataSource.query(`SELECT id, open_headcount FROM "${SCHEMA}".sharing_posts WHERE id = ANY($1)`, [ids]);
      return ids.map((id) => rows.find((r) => r.id === id)!.open_headcount);
    };

    it('lowers both open headcounts, stores the agreement and publishes two SharingPostChanged and one SharingAgreed', async () => {
      const { lenderAgency, borrowerAgency, lender, borrower, offer, wanted } = await offerAndRequest(5, 3);
      const workers = [randomUUID(), randomUUID()];
      const res = await post('/v1/sharing/agreements', asAgency(borrowerAgency), {
        offerId: offer.id, requestId: wanted.id, headcount: 2, returnDate: chinaDay(90), workerIds: workers,
      }).expect(201);
      expect(res.body).toMatchObject({
        offerId: offer.id, requestId: wanted.id, agencyId: borrowerAgency, headcount: 2, workerIds: workers, startDate: chinaDay(20), returnDate: chinaDay(90),
        lender: { employerId: lender.id, creditCode: lender.creditCode, regionCode: '441900' },
        borrower: { employerId: borrower.id, creditCode: borrower.creditCode, regionCode: '440306' },
      });
      expect(await openHeadcounts(offer.id, wanted.id)).toEqual([3, 1]);
      const offerNow = (await get(`/v1/sharing/offers/${offer.id}`, asAgency(lenderAgency)).expect(200)).body;
      expect(offerNow).toMatchObject({ openHeadcount: 3, version: 2 });

      await sharing.waitFor(() => eventsFor(res.body.id).length === 1 && eventsFor(offer.id).length === 2 && eventsFor(wanted.id).length === 2);
      const offerEvents = eventsFor(offer.id).map((e) => e.data as SharingPostChangedData);
      expect(offerEvents.map((d) => [d.version, d.openHeadcount])).toEqual([[1, 5], [2, 3]]);
      expect(eventsFor(wanted.id).map((e) => (e.data as SharingPostChangedData).openHeadcount)).toEqual([3, 1]);
      const [agreed] = eventsFor(res.body.id) as EventEnvelope<SharingAgreedData>[];
      expect(agreed.type).toBe('sharing.agreed');
      expect(agreed.data).toEqual({
        agreementId: res.body.id, offerId: offer.id, requestId: wanted.id, agencyId: borrowerAgency, headcount: 2, workerIds: workers,
        lender: { employerId: lender.id, name: '东莞某停工玩具厂', creditCode: lender.creditCode, regionCode: '441900' },
        borrower: { employerId: borrower.id, name: '宝安某电子厂', creditCode: borrower.creditCode, regionCode: '440306' },
        startDate: chinaDay(20), returnDate: chinaDay(90), agreedAt: res.body.agreedAt,
      });

      // read by either side, a bureau of either region, an admin; refused to others the same whether it exists or not
      for (const auth of [asAgency(lenderAgency), asAgency(borrowerAgency), asBureau('441900'), asBureau('440000'), asAdmin()]) {
        await get(`/v1/sharing/agreements/${res.body.id}`, auth).expect(200);
      }
      for (const auth of [asAgency(newAgencyId()), asBureau('510000')]) {
        const existing = await get(`/v1/sharing/agreements/${res.body.id}`, auth).expect(403);
        expect(existing.body).toEqual((await get(`/v1/sharing/agreements/${randomUUID()}`, auth).expect(403)).body);
      }
      await get(`/v1/sharing/agreements/${randomUUID()}`, asAdmin()).expect(404);
    });

    it('refuses an agency of neither side before any rule, then breaks of the rules with 409/422 naming the field, writing nothing', async () => {
      const { lenderAgency, offer, wanted } = await offerAndRequest(5, 3, { offer: [10, 60], request: [20, 120] });
      const agree = (body: Record<string, unknown>, auth = asAgency(lenderAgency)) =>
        post('/v1/sharing/agreements', auth, { offerId: offer.id, requestId: wanted.id, headcount: 1, returnDate: chinaDay(50), ...body });

      const outsider = await agree({ headcount: 99 }, asAgency(newAgencyId())).expect(403);
      expect(outsider.body).toEqual((await agree({ offerId: randomUUID(), requestId: randomUUID() }, asAgency(newAgencyId())).expect(403)).body);

      const over = await agree({ headcount: 4 }).expect(409);
      expect(over.body).toMatchObject({ code: 'SHARING.HEADCOUNT_EXCEEDED', details: [{ field: 'headcount', problem: expect.stringMatching(/at most 3/) }] });
      const late = await agree({ returnDate: chinaDay(61) }).expect(422);
      expect(late.body).toMatchObject({ code: 'SHARING.AGREEMENT_INVALID', details: [{ field: 'returnDate', problem: expect.any(String) }] });
      await agree({ returnDate: chinaDay(19) }).expect(422);
      const crowd = await agree({ headcount: 1, workerIds: [randomUUID(), randomUUID()] }).expect(422);
      expect(crowd.body.details).toEqual([{ field: 'workerIds', problem: expect.any(String) }]);
      const twice = randomUUID();
      const duplicate = await agree({ headcount: 2, workerIds: [twice, twice] }).expect(400);
      expect(duplicate.body.details.map((d: { field: string }) => d.field)).toEqual(['workerIds']);
      const unknown = await agree({ requestId: randomUUID() }).expect(422);
      expect(unknown.body).toMatchObject({ code: 'SHARING.UNKNOWN_REFERENCE', details: [{ field: 'requestId', problem: expect.any(String) }] });
      await agree({ offerId: wanted.id, requestId: offer.id }).expect(403); // sides swapped: neither is such a post of the caller

      expect(await openHeadcounts(offer.id, wanted.id)).toEqual([5, 3]);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${SCHEMA}".sharing_agreements WHERE offer_id = $1`, [offer.id]);
      expect(count).toBe(0);

      await post(`/v1/sharing/requests/${wanted.id}/close`, asAgency(newAgencyId()), {}).expect(403);
      const { borrowerAgency } = { borrowerAgency: wanted.agencyId as string };
      await post(`/v1/sharing/requests/${wanted.id}/close`, asAgency(borrowerAgency), {}).expect(200);
      const closed = await agree({}).expect(409);
      expect(closed.body).toMatchObject({ code: 'SHARING.POST_CLOSED', details: [{ field: 'requestId', problem: expect.any(String) }] });
    });

    it('refuses periods that do not overlap', async () => {
      const { lenderAgency, offer, wanted } = await offerAndRequest(5, 3, { offer: [10, 30], request: [40, 120] });
      const res = await post('/v1/sharing/agreements', asAgency(lenderAgency), { offerId: offer.id, requestId: wanted.id, headcount: 1, returnDate: chinaDay(35) }).expect(422);
      expect(res.body.details).toEqual([{ field: 'requestId', problem: expect.stringMatching(/do not overlap/) }]);
    });

    it('never overdraws: of six concurrent agreements for one seat each on a request of three, three succeed and three get 409', async () => {
      const { lenderAgency, borrowerAgency, offer, wanted } = await offerAndRequest(10, 3);
      const results = await Promise.all(
        [0, 1, 2, 3, 4, 5].map((i) =>
          post('/v1/sharing/agreements', asAgency(i % 2 ? lenderAgency : borrowerAgency), {
            offerId: offer.id, requestId: wanted.id, headcount: 1, returnDate: chinaDay(60),
          }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 201, 201, 409, 409, 409]);
      for (const refused of results.filter((r) => r.status === 409)) expect(refused.body.code).toBe('SHARING.HEADCOUNT_EXCEEDED');
      expect(await openHeadcounts(offer.id, wanted.id)).toEqual([7, 0]);
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM "${SCHEMA}".sharing_agreements WHERE request_id = $1`, [wanted.id]);
      expect(count).toBe(3);
      await sharing.waitFor(() => eventsFor(wanted.id).length === 4);
      expect(eventsFor(wanted.id).map((e) => (e.data as SharingPostChangedData).version)).toEqual([1, 2, 3, 4]);
      expect(eventsFor(wanted.id).map((e) => (e.data as SharingPostChangedData).openHeadcount)).toEqual([3, 2, 1, 0]);
    });
  });
});
