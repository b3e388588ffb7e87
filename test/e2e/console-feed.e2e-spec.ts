/**
 * The console's live feed grouped by job (issue 19), in a real browser against the four real apps:
 * a returning worker's worker_available push lands in its job's card with its lane; an instant gig
 * job's matches make ONE card with the station's workers under it and an unread count; offer,
 * accept and recording the hire from the card, checked through the APIs (the placement, the job's
 * filled count). Screenshots in test-results/console/feed-jobs*.png.
 */
import { eventually, inDays, tokenFor } from '@laowu/testkit';
import type { Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStation, registerStationWorker, startConsoleStack, TEST_TIMEOUT, WAIT, type ConsoleStack } from '../support/console-browser';

// A county no other test uses (苍溪县, 广元, 四川): this run's workers are the only ones nearby.
const COUNTY = { code: '510824', lat: 31.7317, lon: 105.9348 };
const run = randomUUID().slice(0, 8);
const stationId = `station-${COUNTY.code}-${run}`;

const tokens = {
  admin: tokenFor({ sub: `admin-${run}`, role: 'admin', region: '100000' }),
  station: tokenFor({ sub: stationId, role: 'station', region: COUNTY.code }),
  agency: tokenFor({ sub: `agency-feed-${run}`, role: 'agency', region: '510800' }),
};
const auth = (token: string) => `Bearer ${token}`;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface StoredMatch {
  matchId: string;
  jobId: string;
  workerId: string;
  trigger: string;
  lane: string;
}

describe('console live feed by job (real apps, Kafka, OpenSearch, PostgreSQL)', () => {
  jest.setTimeout(TEST_TIMEOUT);
  let stack: ConsoleStack;
  let page: Page;
  const workerIds: Record<'returning' | 'first' | 'second', string> = { returning: '', first: '', second: '' };
  let fulltimeJobId: string;
  let gigJobId: string;

  const jobCard = (jobId: string) => page.locator(`section.job-card[data-job-id="${jobId}"]`);
  const row = (jobId: string, workerId: string) => jobCard(jobId).locator(`article.match[data-worker-id="${workerId}"]`);

  const storedMatches = async (): Promise<StoredMatch[]> =>
    (await request(stack.dispatch.url).get(`/v1/stations/${stationId}/matches`).query({ limit: 100 }).set('Authorization', auth(tokens.station)).expect(200)).body.items;
  const getJob = async (jobId: string) => (await request(stack.jobs.url).get(`/v1/jobs/${jobId}`).set('Authorization', auth(tokens.station)).expect(200)).body;
  const getWorker = async (workerId: string) => (await request(stack.workers.url).get(`/v1/workers/${workerId}`).set('Authorization', auth(tokens.station)).expect(200)).body;

  const registerWorker = (name: string, gender: 'male' | 'female', employed: boolean): Promise<string> =>
    registerStationWorker(stack, tokens.station, {
      stationId,
      county: COUNTY.code,
      location: { lat: COUNTY.lat, lon: COUNTY.lon },
      gender,
      body: {
        name,
        skills: [{ code: 'welding', level: 3 }],
        preferences: { kinds: ['gig', 'fulltime'], willingToMigrate: false, maxCommuteKm: 30 },
        employmentStatus: employed ? { status: 'employed', effectiveDate: '2026-10-01', regionCode: COUNTY.code, registeredAt: 'residence', employer: '苍溪县某建材厂' } : undefined,
      },
    });

  async function postJob(body: Record<string, unknown>): Promise<string> {
    const posted = await request(stack.jobs.url)
      .post('/v1/jobs')
      .set('Authorization', auth(tokens.agency))
      .send({
        description: '苍溪县城区',
        skills: [{ code: 'welding', minLevel: 2 }],
        location: { regionCode: COUNTY.code, lat: COUNTY.lat + 0.003, lon: COUNTY.lon + 0.003, address: '苍溪县陵江镇工业园' },
        ...body,
      })
      .expect(201);
    return posted.body.id;
  }

  /** The workers a card lists, and the ones dispatch stored for the job at the station. */
  const rowsOf = (card: Locator) => card.locator('article.match').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-worker-id')).sort());
  const storedWorkersOf = async (jobId: string) => (await storedMatches()).filter((m) => m.jobId === jobId).map((m) => m.workerId).sort();

  beforeAll(async () => {
    stack = await startConsoleStack(run);
    page = stack.page;
    await createStation(stack, tokens.admin, { id: stationId, name: `苍溪县就业服务站 ${run}`, regionCode: COUNTY.code, location: { lat: COUNTY.lat, lon: COUNTY.lon } });
    // Registered before any job of this run exists, so their own worker_available pushes find none of them.
    [workerIds.returning, workerIds.first, workerIds.second] = await Promise.all([
      registerWorker('赵德明', 'male', true),
      registerWorker('钱桂芳', 'female', false),
      registerWorker('孙志强', 'male', false),
    ]);
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await stack?.close();
  });

  it("puts a returning worker's worker_available push into the job's card, with trigger and lane", async () => {
    await stack.signInAs(tokens.station);
    await page.goto(`${stack.consoleUrl}#/feed`);
    await page.locator('#stream-state[data-state="open"]').waitFor();

    fulltimeJobId = await postJob({
      externalId: `FEED-FT-${run}`,
      title: `苍溪县建材厂焊工-${run}`,
      kind: 'fulltime',
      headcount: 3,
      wage: { min: 4800, max: 6000, unit: 'month' },
    });
    // The job is searchable (indexed) before the worker becomes available: it is among their top jobs then.
    await eventually(async () => {
      const found = await request(stack.matching.url).post('/v1/search/jobs').set('Authorization', auth(tokens.station)).send({ q: run, regionCode: COUNTY.code }).expect(200);
      expect(found.body.items.map((hit: { jobId: string }) => hit.jobId)).toContain(fulltimeJobId);
    }, WAIT, 500);
    await request(stack.workers.url)
      .post(`/v1/workers/${workerIds.returning}/employment-status`)
      .set('Authorization', auth(tokens.station))
      .send({ status: 'unemployed', effectiveDate: today(), regionCode: COUNTY.code, registeredAt: 'residence' })
      .expect(201);

    const returning = row(fulltimeJobId, workerIds.returning);
    await returning.waitFor();
    const stored = (await storedMatches()).find((m) => m.jobId === fulltimeJobId && m.workerId === workerIds.returning);
    expect(stored).toMatchObject({ trigger: 'worker_available', lane: 'standard' });
    await expect(returning.getAttribute('data-trigger')).resolves.toBe(stored?.trigger);
    const card = jobCard(fulltimeJobId);
    await expect(card.locator('.pushed-by .match-trigger').textContent()).resolves.toBe('转岗推荐');
    await expect(card.locator('.match-lane').evaluateAll((els) => els.map((e) => e.getAttribute('data-lane')))).resolves.toEqual([stored?.lane]);
    await expect(card.locator('.match-lane').textContent()).resolves.toBe('普通通道');
    await expect(card.locator('.job-title').textContent()).resolves.toContain(`苍溪县建材厂焊工-${run}`);

    // The worker as worker-profiles shows them to the station: masked name and age, never the id as the label.
    const profile = await getWorker(workerIds.returning);
    await expect(returning.locator('a.worker-link').textContent()).resolves.toBe(profile.name);
    expect(profile.name).not.toContain('德明');
    await expect(returning.locator('.worker-facts').textContent()).resolves.toContain(`${profile.ageYears} 岁`);
    // Seats as job-collection tells them.
    const job = await getJob(fulltimeJobId);
    await card.locator(`.seats[data-headcount="${job.headcount}"][data-filled="${job.filled}"]`).waitFor();
    expect(await card.locator('.reason-factor').count()).toBeGreaterThan(0);
  });

  it("groups an instant gig job's matches into one card, counts them unread, and records a hire that moves the job's filled", async () => {
    gigJobId = await postJob({
      externalId: `FEED-GIG-${run}`,
      title: `苍溪县物流园装卸-${run}`,
      kind: 'gig',
      headcount: 4,
      wage: { min: 220, max: 260, unit: 'day' },
      startAt: inDays(1),
      endAt: inDays(3),
      instant: true,
    });
    const card = jobCard(gigJobId);
    // Every match dispatch stored for the job at the station is a row of its one card.
    await eventually(async () => {
      const stored = await storedWorkersOf(gigJobId);
      expect(stored.length).toBeGreaterThanOrEqual(2);
      expect(stored).toEqual(expect.arrayContaining([workerIds.first, workerIds.second]));
      await expect(rowsOf(card)).resolves.toEqual(stored);
    }, WAIT, 500);
    const workersShown = await rowsOf(card);
    await expect(card.count()).resolves.toBe(1);
    // The workers' masked profiles are read by listing them by id, never one request per worker.
    const workerReads = stack.requestedUrls.map((url) => new URL(url)).filter((url) => url.pathname.startsWith('/v1/workers'));
    expect(workerReads.filter((url) => url.pathname !== '/v1/workers').map((url) => url.pathname)).toEqual([]);
    const named = new Set(workerReads.flatMap((url) => url.searchParams.get('workerIds')?.split(',') ?? []));
    expect(workersShown.filter((workerId) => !named.has(workerId))).toEqual([]);
    const stored = (await storedMatches()).filter((m) => m.jobId === gigJobId);
    expect(new Set(stored.map((m) => m.trigger))).toEqual(new Set(['instant_job']));
    expect(new Set(stored.map((m) => m.lane))).toEqual(new Set(['instant']));
    await expect(card.locator('.pushed-by .match-trigger').allTextContents()).resolves.toEqual(['即时快招']);
    await expect(card.locator('.match-lane[data-lane="instant"]').textContent()).resolves.toBe('即时通道');
    // Instant jobs come first.
    await expect(page.locator('section.job-card').first().getAttribute('data-job-id')).resolves.toBe(gigJobId);

    // Unread: on the card (every live match of it) and, over all cards, on the tab.
    await expect(card.getAttribute('data-unread')).resolves.toBe(String(workersShown.length));
    await expect(card.locator('.unread-count').textContent()).resolves.toBe(String(workersShown.length));
    const unreadByCard = await page.locator('section.job-card').evaluateAll((cards) => cards.map((c) => Number(c.getAttribute('data-unread'))));
    const totalUnread = unreadByCard.reduce((a, b) => a + b, 0);
    await expect(page.locator('#feed-unseen').textContent()).resolves.toBe(String(totalUnread));
    await stack.shotBothWidths('feed-jobs');

    await card.locator('.unread button').click();
    await expect(card.getAttribute('data-unread')).resolves.toBe('0');
    const stillUnread = totalUnread - workersShown.length;
    await eventually(async () => expect(await page.locator('#feed-unseen').count() ? await page.locator('#feed-unseen').textContent() : '0').toBe(String(stillUnread)), 10_000, 100);

    // The first worker by keyboard: offer, then accept (focus stays in the row).
    const first = row(gigJobId, workerIds.first);
    await first.locator('button[data-action="offer"]').focus();
    await page.keyboard.press('Enter');
    await page.locator(`section.job-card[data-job-id="${gigJobId}"] article.match[data-worker-id="${workerIds.first}"][data-status="offered"]`).waitFor();
    await eventually(async () => expect(await page.evaluate('document.activeElement?.dataset.action')).toBe('accept'), 10_000, 100);
    await page.keyboard.press('Enter');
    await page.locator(`section.job-card[data-job-id="${gigJobId}"] article.match[data-worker-id="${workerIds.first}"][data-status="accepted"]`).waitFor();

    // Record the hire from the card.
    const filledBefore = (await getJob(gigJobId)).filled;
    await first.locator('button[data-action="hire"]').click();
    const form = first.locator('form.hire-form');
    await form.waitFor();
    await eventually(async () => expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('employer'), 10_000, 100);
    await form.getByLabel('用工单位名称').fill(`苍溪县某物流公司 ${run}`);
    await expect(form.getByLabel('上岗日期').inputValue()).resolves.toBe(today());
    await stack.shotBothWidths('feed-jobs-hire-form');
    await form.locator('button[type="submit"]').click();
    await first.locator('.badge.hired').waitFor();

    const placements = (await request(stack.dispatch.url).get('/v1/placements').query({ jobId: gigJobId }).set('Authorization', auth(tokens.station)).expect(200)).body.items;
    const firstMatch = stored.find((m) => m.workerId === workerIds.first);
    expect(placements).toEqual([expect.objectContaining({ workerId: workerIds.first, jobId: gigJobId, matchId: firstMatch?.matchId, source: 'match' })]);
    await expect(first.locator('.badge.hired').getAttribute('data-placement-id')).resolves.toBe(placements[0].id);
    // filled follows the placement through events; the card re-reads the job until it moved.
    await eventually(async () => expect((await getJob(gigJobId)).filled).toBe(filledBefore + 1), WAIT, 500);
    await card.locator(`.seats[data-filled="${filledBefore + 1}"]`).waitFor();

    // The second worker declines.
    await row(gigJobId, workerIds.second).locator('button[data-action="decline"]').click();
    await page.locator(`section.job-card[data-job-id="${gigJobId}"] article.match[data-worker-id="${workerIds.second}"][data-status="declined"]`).waitFor();
    const declined = (await storedMatches()).find((m) => m.jobId === gigJobId && m.workerId === workerIds.second) as StoredMatch & { status: string };
    expect(declined.status).toBe('declined');
    await stack.shotBothWidths('feed-jobs-done');

    await page.locator('#lang-switch').click();
    await page.locator('a.tab[data-view="feed"]').getByText('Live matches').waitFor();
    await expect(card.locator('.match-lane[data-lane="instant"]').textContent()).resolves.toBe('Instant lane');
    await expect(first.locator('.badge.hired').textContent()).resolves.toBe('Hired');
    await expect(jobCard(fulltimeJobId).locator('.pushed-by .match-trigger').textContent()).resolves.toBe('Worker available');
    await stack.shotBothWidths('feed-jobs-en');
    await page.locator('#lang-switch').click();
    await page.locator('a.tab[data-view="feed"]').getByText('实时匹配').waitFor();
  });

  it('never put a token into a URL, and raised no page errors or policy violations', () => {
    for (const token of Object.values(tokens)) {
      expect(stack.requestedUrls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]))).toEqual([]);
    }
    expect(stack.pageErrors).toEqual([]);
    expect(stack.policyViolations).toEqual([]);
  });
});
