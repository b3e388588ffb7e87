// Employers, 共享用工, labour brands and rights (issue 17): a 西昌 plant stopped for maintenance lends
// welders to a 宝安 electronics plant short of staff (二) — matching ranks the offer for the request,
// the agencies agree, and the lent workers are placed until the return date; a 凉山建工 (四) job is found
// by its brand; a lent worker's station files a wage-arrears complaint, which reaches the bureau of
// the borrowing plant's region (十一).
import { chinaDate, makeCreditCode } from '@laowu/domain';
import { APP_URLS, call, expectCall, sleep, tokenFor } from '@laowu/testkit';
import { stationIdOf } from './scenario';

const { say } = require('../lib.js');

const HOME = '513401';
const AWAY = '440306';
const DAY_MS = 86_400_000;
const lenderAgency = tokenFor({ sub: `agency-${HOME}-hr`, role: 'agency', region: HOME });
const borrowerAgency = tokenFor({ sub: `agency-${AWAY}-hr`, role: 'agency', region: '440300' });
const station = tokenFor({ sub: stationIdOf(HOME), role: 'station', region: HOME });
const liangshanBureau = tokenFor({ sub: 'bureau-liangshan', role: 'bureau', region: '513400' });
const shenzhenBureau = tokenFor({ sub: 'bureau-shenzhen', role: 'bureau', region: '440300' });

/** The demo's two plants: the same 统一社会信用代码 on every run (a re-run meets them registered: 409 with existingId). */
const LENDER = { name: '西昌某钒钛制品厂（停产检修）', creditCode: makeCreditCode(HOME, '58201734'), regionCode: HOME };
const BORROWER = { name: '宝安某电子厂（缺工）', creditCode: makeCreditCode(AWAY, '66319025'), regionCode: AWAY };

export interface SharingAndRights {
  employers: number;
  offerRank?: { position: number; of: number; score: number; reasons: string };
  agreed: number;
  openHeadcounts: { offer: number; request: number };
  sharingPlacements: number;
  returnDate: string;
  brand: { foundByName: number; stats?: { openJobs: number; totalJobs: number; placementsStarted: number } };
  complaint?: { routedRegionCode: string; seenByShenzhen: boolean; refusedToLiangshan: boolean };
}

const inDays = (days: number) => chinaDate(new Date(Date.now() + days * DAY_MS));

async function registerEmployer(token: string, body: typeof LENDER): Promise<string> {
  const { status, body: answer } = await call<{ id?: string; existingId?: string }>('POST', `${APP_URLS.jobs}/v1/employers`, token, body);
  if (status === 201 && answer.id) return answer.id;
  if (status === 409 && answer.existingId) return answer.existingId;
  throw new Error(`POST /v1/employers ${body.name}: ${status} ${JSON.stringify(answer)}`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 60): Promise<T | undefined> {
  for (let waited = 0; waited < seconds * 2; waited++) {
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(500);
  }
  say(`  (${what}: not seen within ${seconds} s)`);
  return undefined;
}

async function shareStaff(workers: string[], result: SharingAndRights): Promise<void> {
  const lender = await registerEmployer(lenderAgency, LENDER);
  const borrower = await registerEmployer(borrowerAgency, BORROWER);
  result.employers = 2;
  const post = async (side: 'offers' | 'requests', token: string, body: Record<string, unknown>) =>
    (await expectCall<{ id: string }>([201], 'POST', `${APP_URLS.jobs}/v1/sharing/${side}`, token, body)).id;
  const offer = await post('offers', lenderAgency, { employerId: lender, headcount: 10, skills: [{ code: 'welding', level: 3 }], from: inDays(1), to: inDays(90), regionCode: HOME, wage: { min: 6000, max: 7500, unit: 'month' } });
  const request = await post('requests', borrowerAgency, { employerId: borrower, headcount: 6, skills: [{ code: 'welding', level: 2 }], from: inDays(3), to: inDays(60), regionCode: AWAY });
  say(`  西昌 offers 10 welders from ${inDays(1)} to ${inDays(90)}; 宝安 asks for 6 from ${inDays(3)} to ${inDays(60)}`);

  result.offerRank = await until('the offer ranked for the request', async () => {
    const { status, body } = await call<{ items: { offerId: string; score: number; reasons: { factor: string; contribution: number }[] }[] }>(
      'GET', `${APP_URLS.matching}/v1/sharing/requests/${request}/offers?limit=200`, borrowerAgency,
    );
    const position = status === 200 ? body.items.findIndex((item) => item.offerId === offer) : -1;
    if (position < 0) return undefined;
    const mine = body.items[position];
    return { position: position + 1, of: body.items.length, score: mine.score, reasons: mine.reasons.map((r) => `${r.factor} ${r.contribution}`).join(', ') };
  });

  result.returnDate = inDays(45);
  const lent = workers.slice(0, 3);
  const agreement = await expectCall<{ id: string }>([201], 'POST', `${APP_URLS.jobs}/v1/sharing/agreements`, borrowerAgency, { offerId: offer, requestId: request, headcount: lent.length, returnDate: result.returnDate, workerIds: lent });
  result.agreed = lent.length;
  const openOf = async (side: string, id: string, token: string) => (await expectCall<{ openHeadcount: number }>([200], 'GET', `${APP_URLS.jobs}/v1/sharing/${side}/${id}`, token)).openHeadcount;
  result.openHeadcounts = { offer: await openOf('offers', offer, lenderAgency), request: await openOf('requests', request, borrowerAgency) };
  result.sharingPlacements =
    (await until('the lent workers placed by dispatch', async () => {
      const page = await expectCall<{ total: number }>([200], 'GET', `${APP_URLS.dispatch}/v1/placements?agreementId=${agreement.id}`, station);
      return page.total >= lent.length ? page.total : undefined;
    })) ?? 0;
}

async function brand(result: SharingAndRights): Promise<void> {
  const externalId = `demo-brand-${chinaDate()}`;
  const posted = await call('POST', `${APP_URLS.jobs}/v1/jobs`, lenderAgency, {
    externalId,
    title: '凉山建工 钢筋工（西昌城区安置房项目）',
    kind: 'fulltime',
    skills: [{ code: 'rebar-work', minLevel: 2 }],
    headcount: 20,
    wage: { min: 280, max: 350, unit: 'day' },
    location: { regionCode: HOME, address: '西昌市' },
    laborBrand: '凉山建工',
  });
  if (posted.status !== 201 && posted.status !== 200) say(`  the brand job answered ${posted.status}`);
  result.brand.foundByName =
    (await until('the brand job searchable by name', async () => {
      const found = await expectCall<{ total: number }>([200], 'POST', `${APP_URLS.matching}/v1/search/jobs`, station, { q: '凉山建工', regionCode: '513400', pageSize: 1 });
      return found.total > 0 ? found.total : undefined;
    })) ?? 0;
  const { brands } = await expectCall<{ brands: { code: string; openJobs: number; totalJobs: number; placementsStarted: number }[] }>(
    [200], 'GET', `${APP_URLS.jobs}/v1/labor-brands/stats?regionCode=513400`, liangshanBureau,
  );
  const liangshan = brands.find((row) => row.code === 'liangshan-jiangong');
  if (liangshan) result.brand.stats = { openJobs: liangshan.openJobs, totalJobs: liangshan.totalJobs, placementsStarted: liangshan.placementsStarted };
}

async function complain(workerId: string, result: SharingAndRights): Promise<void> {
  const filed = await until('the complaint filed (job-collection learning the worker)', async () => {
    const { status, body } = await call<{ id: string; routedRegionCode: string }>('POST', `${APP_URLS.jobs}/v1/complaints`, station, {
      workerId,
      employer: { name: BORROWER.name, creditCode: BORROWER.creditCode },
      kind: 'wage_arrears',
      amount: 6800,
      description: '借调期间第一个月工资未发',
    });
    return status === 201 ? body : undefined;
  });
  if (!filed) return;
  const seen = await call('GET', `${APP_URLS.jobs}/v1/complaints/${filed.id}`, shenzhenBureau);
  const refused = await call('GET', `${APP_URLS.jobs}/v1/complaints/${filed.id}`, liangshanBureau);
  if (seen.status === 200) await expectCall([200, 201], 'POST', `${APP_URLS.jobs}/v1/complaints/${filed.id}/status`, shenzhenBureau, { status: 'accepted', note: '已受理，约谈用人单位' });
  result.complaint = { routedRegionCode: filed.routedRegionCode, seenByShenzhen: seen.status === 200, refusedToLiangshan: refused.status === 403 };
}

/** Runs the scene with workers of the 西昌 station (the demo's own). */
export async function sharingAndRights(workers: string[]): Promise<SharingAndRights> {
  const result: SharingAndRights = { employers: 0, agreed: 0, openHeadcounts: { offer: 0, request: 0 }, sharingPlacements: 0, returnDate: '', brand: { foundByName: 0 } };
  if (workers.length < 3) {
    say('  fewer than 3 西昌 workers: the sharing scene is skipped');
    return result;
  }
  await shareStaff(workers, result);
  await brand(result);
  await complain(workers[0], result);
  return result;
}
