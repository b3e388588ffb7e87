/**
 * The station console (console/**) in a real browser against the four real apps.
 *
 * Debian's chromium (scripts/install-browser.sh installs it) driven by playwright-core; no browser
 * is downloaded. The apps run in-process on free ports over the test stack (Kafka, OpenSearch,
 * PostgreSQL); dispatch serves the console at /console/ and, configured with the other apps'
 * origins (CONSOLE_API_ORIGINS), tells the page their URLs (config.json) and allows requests to
 * them only (Content-Security-Policy). Service addresses in a link are ignored. Tokens are pasted
 * into the sign-in form, never put into a URL (the last test checks every request the browser made).
 *
 * Screenshots of each page, at 1280 and at 390 px, go to test-results/console/*-1280.png and *-390.png.
 */
import { makeResidentId } from '@laowu/domain';
import { eventually, inDays, tokenFor } from '@laowu/testkit';
import type { Page } from 'playwright-core';
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { createStation, registerStationWorker, startConsoleStack, TEST_TIMEOUT, WAIT, type ConsoleStack } from '../support/console-browser';

// A county no other test uses (三台县, 绵阳, 四川), so this run's worker is the one nearby.
const COUNTY = { code: '510722', city: '510700', province: '510000', lat: 31.096, lon: 105.0946 };
const run = randomUUID().slice(0, 8);
const stationId = `station-${COUNTY.code}-${run}`;
const agencyId = `agency-console-${run}`;
const coordinatorId = `coordinator-${run}`;

const tokens = {
  admin: tokenFor({ sub: `admin-${run}`, role: 'admin', region: '100000' }),
  station: tokenFor({ sub: stationId, role: 'station', region: COUNTY.code }),
  agency: tokenFor({ sub: agencyId, role: 'agency', region: '440300' }),
  coordinator: tokenFor({ sub: coordinatorId, role: 'coordinator', region: COUNTY.code }),
  bureau: tokenFor({ sub: `bureau-${run}`, role: 'bureau', region: COUNTY.code }),
  // The dashboard's bureau: the city's, so that its charts compare the city's counties.
  cityBureau: tokenFor({ sub: `bureau-city-${run}`, role: 'bureau', region: COUNTY.city }),
};

const auth = (token: string) => `Bearer ${token}`;

/**
 * A server that must never be reached: it stands for an attacker's origin that a link or a
 * careless settings change would send the token to. It answers like an app (CORS open), so only
 * the console's own rules keep requests away from it.
 */
function serveStranger(received: IncomingMessage[]): Promise<Server> {
  const server = createServer((req, res) => {
    received.push(req);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*', 'Content-Type': 'application/json' }).end('{}');
  });
  return new Promise((ready) => server.listen(0, '127.0.0.1', () => ready(server)));
}

/** A Content-Security-Policy header as directive → sources. */
function directives(header: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('station console in a browser (real apps, Kafka, OpenSearch, PostgreSQL)', () => {
  jest.setTimeout(TEST_TIMEOUT);
  let stack: ConsoleStack;
  let jobs: ConsoleStack['jobs'];
  let workers: ConsoleStack['workers'];
  let matching: ConsoleStack['matching'];
  let dispatch: ConsoleStack['dispatch'];
  let stranger: Server;
  let strangerUrl: string;
  const strangerReceived: IncomingMessage[] = [];
  let consoleUrl: string;
  let page: Page;

  let workerId: string;
  let jobId: string;
  const jobTitle = `三台县零工搬运-${run}`;

  const shot = (name: string) => stack.shotBothWidths(name);
  const signInAs = (token: string) => stack.signInAs(token);

  beforeAll(async () => {
    stack = await startConsoleStack(run);
    ({ jobs, workers, matching, dispatch, consoleUrl, page } = stack);
    stranger = await serveStranger(strangerReceived);
    strangerUrl = `http://127.0.0.1:${(stranger.address() as AddressInfo).port}`;

    // The station exists in dispatch (admin), and a worker registered at it lives in the county.
    const location = { lat: COUNTY.lat, lon: COUNTY.lon };
    await createStation(stack, tokens.admin, { id: stationId, name: `三台县就业服务站 ${run}`, regionCode: COUNTY.code, location });
    workerId = await registerStationWorker(stack, tokens.station, {
      stationId,
      county: COUNTY.code,
      location,
      body: {
        name: '李建国',
        skills: [{ code: 'welding', level: 3 }],
        priorityGroups: ['poverty_alleviated'],
        // Local work only: a worker willing to migrate is matched to every bench job in the target province.
        preferences: { kinds: ['gig', 'fulltime'], willingToMigrate: false, maxCommuteKm: 30, minWage: { amount: 150, unit: 'day' } },
      },
    });
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await new Promise((done) => (stranger ? stranger.close(() => done(undefined)) : done(undefined)));
    await stack?.close();
  });

  it('shows a gig job posted through the API in the live feed without a reload; offer and accept work', async () => {
    await signInAs(tokens.station);
    await page.goto(`${consoleUrl}#/settings`);
    await page.locator('#claims-sub').getByText(stationId).waitFor();
    await page.locator('#health-dispatch.up').waitFor();
    await shot('settings');
    await page.goto(`${consoleUrl}#/feed`);
    await page.locator('#stream-state[data-state="open"]').waitFor();
    await page.evaluate(() => ((globalThis as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const posted = await request(jobs.url)
      .post('/v1/jobs')
      .set('Authorization', auth(tokens.agency))
      .send({
        externalId: `CONSOLE-${run}`,
        title: jobTitle,
        description: '三台县城区仓库装卸搬运，日结，包午餐',
        kind: 'gig',
        skills: [{ code: 'welding', minLevel: 2 }],
        headcount: 5,
        wage: { min: 200, max: 260, unit: 'day' },
        location: { regionCode: COUNTY.code, lat: COUNTY.lat + 0.004, lon: COUNTY.lon + 0.004, address: '三台县潼川镇物流园' },
        startAt: inDays(2),
        endAt: inDays(4),
        instant: true,
        benefits: { housing: false, meals: true, transport: false, injuryInsurance: true },
      })
      .expect(201);
    jobId = posted.body.id;

    const card = page.locator(`article.match[data-job-id="${jobId}"][data-worker-id="${workerId}"]`);
    await card.waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    // One card per job, the station's matching workers as rows under it.
    await expect(page.locator(`section.job-card[data-job-id="${jobId}"] .job-title`).textContent()).resolves.toContain(jobTitle);
    expect(await card.locator('.reason').count()).toBeGreaterThan(0);
    await expect(card.locator('.reason-factor').allTextContents()).resolves.toEqual(expect.arrayContaining(['距离']));
    await shot('feed');

    // One click on a button of a card still unread is enough: the press focuses the card, which
    // takes its unread marks off in place (a redraw then would swallow the click).
    await expect(page.locator(`section.job-card[data-job-id="${jobId}"]`).getAttribute('data-unread')).resolves.not.toBe('0');
    await card.locator('button[data-action="offer"]').click();
    await page.locator(`article.match[data-job-id="${jobId}"][data-status="offered"]`).waitFor();
    await page.locator(`article.match[data-job-id="${jobId}"] button[data-action="accept"]`).click();
    const accepted = page.locator(`article.match[data-job-id="${jobId}"][data-status="accepted"]`);
    await accepted.waitFor();
    await expect(accepted.locator('.match-status').textContent()).resolves.toContain('已接受');
    await expect(accepted.locator('button[data-action="offer"], button[data-action="accept"], button[data-action="decline"]').count()).resolves.toBe(0);
    await accepted.locator('button[data-action="hire"]').waitFor();
    await shot('feed-accepted');

    const stored = await request(dispatch.url)
      .get(`/v1/stations/${stationId}/matches`)
      .query({ status: 'accepted' })
      .set('Authorization', auth(tokens.station))
      .expect(200);
    expect(stored.body.items.map((m: { jobId: string }) => m.jobId)).toContain(jobId);

    // English is one click away, and the feed is still there.
    await page.locator('#lang-switch').click();
    await page.locator('a.tab[data-view="feed"]').getByText('Live matches').waitFor();
    await expect(accepted.locator('.match-status').textContent()).resolves.toContain('Accepted');
    await shot('feed-en');
    await page.locator('#lang-switch').click();
    await page.locator('a.tab[data-view="feed"]').getByText('实时匹配').waitFor();
  });

  it('parses an event stream split anywhere, CRLF included', async () => {
    // A string, so that the test's compiler leaves the browser's dynamic import() alone.
    const events = await page.evaluate(`(async () => {
      const { createSseParser } = await import(new URL('sse.js', location.href).href);
      const text = 'retry: 2000\\r\\n: hello\\r\\n\\r\\nid: 7\\r\\nevent: match\\r\\ndata: {"a":\\r\\ndata: 1}\\r\\n\\r\\nid: 8\\ndata: x\\n\\n';
      const out = [];
      const parser = createSseParser({ onEvent: (e) => out.push(e) });
      for (const ch of text) parser.push(ch);
      return out;
    })()`);
    expect(events).toEqual([
      { id: '7', event: 'match', data: '{"a":\n1}' },
      { id: '8', event: 'message', data: 'x' },
    ]);
  });

  it('finds jobs for a walk-in worker: keywords, region, near a typed point, kinds and facet counts', async () => {
    await page.goto(`${consoleUrl}#/search`);
    await page.locator('select[name="search-region-province"] option[value="510000"]').waitFor({ state: 'attached' });
    await page.locator('#search-q').fill(`搬运 ${run}`);
    await page.locator('select[name="search-region-province"]').selectOption(COUNTY.province);
    await page.locator(`select[name="search-region-city"] option[value="${COUNTY.city}"]`).waitFor({ state: 'attached' });
    await page.locator('select[name="search-region-city"]').selectOption(COUNTY.city);
    await page.locator(`select[name="search-region-county"] option[value="${COUNTY.code}"]`).waitFor({ state: 'attached' });
    await page.locator('select[name="search-region-county"]').selectOption(COUNTY.code);
    await page.locator('#search-near').check();
    await page.locator('#search-lat').fill(String(COUNTY.lat));
    await page.locator('#search-lon').fill(String(COUNTY.lon));
    await page.locator('#search-km').fill('10');
    await page.locator('input[name="kind"][value="gig"]').check();
    const hit = page.locator(`li.job-hit[data-job-id="${jobId}"]`);
    // The job index refreshes on its own schedule: search again until the job is there.
    await eventually(async () => {
      await page.locator('#search-submit').click();
      await page.locator('#search-total').waitFor({ timeout: 10_000 });
      if (!(await hit.count())) throw new Error('not searchable yet');
    }, WAIT, 1000);
    await expect(hit.textContent()).resolves.toContain('公里');
    await expect(page.locator('#facet-kinds button[data-kind="gig"]').textContent()).resolves.toContain('零工');
    expect(Number(await page.locator('#facet-kinds li:has(button[data-kind="gig"]) .facet-count').textContent())).toBeGreaterThanOrEqual(1);
    await page.locator(`#facet-cities button[data-code="${COUNTY.city}"]`).waitFor();
    await shot('search');
  });

  it("shows a worker's profile (ID and phone masked, the full name to the registering station only), current status and matches", async () => {
    await page.goto(`${consoleUrl}#/feed`);
    await page.locator(`article.match[data-job-id="${jobId}"] a.worker-link`).click();
    await page.locator('#worker-profile dd[data-field="idNumber"]').waitFor();
    const idNumber = await page.locator('#worker-profile dd[data-field="idNumber"]').textContent();
    expect(idNumber).toMatch(/^5107\*+\d{3}[\dX]$/);
    await expect(page.locator('#worker-profile dd[data-field="phone"]').textContent()).resolves.toMatch(/^139\*{4}\d{4}$/);
    // This station registered the worker: it wrote the name and phones them.
    await expect(page.locator('#worker-profile dd[data-field="name"]').textContent()).resolves.toBe('李建国');
    await expect(page.locator('#worker-status').getAttribute('data-status')).resolves.toMatch(/^(unemployed|seeking|not_in_labor_force)$/);
    await page.locator(`#worker-matches li.worker-match[data-job-id="${jobId}"]`).waitFor();
    await shot('worker');
  });

  it('moves a batch through its states on the dispatch board', async () => {
    // A traveller on the willing-to-migrate list (what a coordinator may pick from), a poverty-alleviated worker.
    const traveller = (
      await request(workers.url)
        .post('/v1/workers')
        .set('Authorization', auth(tokens.station))
        .send({
          idNumber: makeResidentId({ regionCode: COUNTY.code, birthDate: `19${randomInt(75, 99)}-1${randomInt(0, 3)}-2${randomInt(0, 9)}`, gender: 'male', sequence: randomInt(0, 500) * 2 + 1 }),
          name: '赵德明',
          phone: `135${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
          homeRegionCode: COUNTY.code,
          residenceRegionCode: COUNTY.code,
          location: { lat: COUNTY.lat, lon: COUNTY.lon },
          stationId,
          priorityGroups: ['poverty_alleviated'],
          preferences: { kinds: ['gig'], willingToMigrate: true, targetRegionCodes: [COUNTY.code] },
        })
        .expect(201)
    ).body.id as string;

    await signInAs(tokens.coordinator);
    await page.goto(`${consoleUrl}#/board`);
    await page.locator('#batch-list[data-state="ready"]').waitFor();
    await page.locator('#batch-new').click();
    await page.locator('#builder-q').fill(jobTitle);
    await page.locator('#builder-search').click();
    await page.locator(`li.job-pick[data-job-id="${jobId}"] input[type="checkbox"]`).check();
    await expect(page.locator('#builder-destination').getAttribute('data-code')).resolves.toBe(COUNTY.code);
    await expect(page.locator('#builder-address').inputValue()).resolves.toBe('三台县潼川镇物流园');
    await page.locator('#builder-employer').fill('三台县某物流公司');
    await page.locator('#builder-mode').selectOption('bus');
    await page.locator('#builder-capacity').fill('2');
    await page.locator('#builder-submit').click();

    const state = page.locator('#batch-state');
    await page.locator('#batch-state[data-state="planned"]').waitFor();
    const batchId = decodeURIComponent(new URL(page.url()).hash.replace('#/board/', ''));
    expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.locator('#batch-seats').getAttribute('data-seats-left')).resolves.toBe('2');

    // dispatch learns of the new worker through Kafka: until then seating it is refused, so pick and add again.
    const row = page.locator(`#manifest tr[data-worker-id="${traveller}"]`);
    await page.locator('#batch-add summary').click();
    await eventually(async () => {
      await page.locator(`#batch-add li.pick[data-worker-id="${traveller}"] input[type="checkbox"]`).check({ timeout: 10_000 });
      await page.locator('#batch-add-submit').click();
      await page.locator('#seat-result, .batch-summary p.error').first().waitFor({ timeout: 10_000 });
      if (!(await row.count())) throw new Error('not seated yet');
    }, WAIT, 1000);
    await page.locator(`#manifest tr[data-worker-id="${traveller}"][data-status="seated"]`).waitFor();
    await expect(page.locator('#batch-seats').getAttribute('data-seats-left')).resolves.toBe('1');
    await expect(row.textContent()).resolves.toContain('脱贫人口');
    await expect(row.textContent()).resolves.toContain('赵**');
    await shot('board-planned');

    await row.locator('input[type="checkbox"]').check();
    await page.locator('#checkin-board').click();
    await page.locator(`#manifest tr[data-worker-id="${traveller}"][data-status="boarded"]`).waitFor();
    await page.locator('#batch-state[data-state="boarding"]').waitFor();
    await shot('board-boarding');

    await page.locator('.batch-summary button[data-action="depart"]').click();
    await page.locator('#batch-state[data-state="departed"]').waitFor();

    await row.locator('button[data-action="arrive"]').click();
    await page.locator('#batch-state[data-state="arrived"]').waitFor();
    await page.locator(`#manifest tr[data-worker-id="${traveller}"][data-status="arrived"]`).waitFor();

    await page.locator('.batch-summary button[data-action="close"]').click();
    await page.locator('#batch-state[data-state="closed"]').waitFor();
    await expect(state.textContent()).resolves.toContain('已结束');
    await expect(page.locator('ol.stepper li.done').count()).resolves.toBe(4);
    await shot('board-closed');

    const stored = await request(dispatch.url).get(`/v1/dispatch/batches/${batchId}`).set('Authorization', auth(tokens.coordinator)).expect(200);
    expect(stored.body.state).toBe('closed');
    expect(stored.body.destination).toMatchObject({ jobIds: [jobId], regionCode: COUNTY.code, employer: '三台县某物流公司' });
    expect(stored.body.workers).toEqual([expect.objectContaining({ workerId: traveller, status: 'arrived', basis: 'willing_to_migrate' })]);
  });

  it('downloads the lists and the monthly monitoring as CSV for a bureau (fetch + Blob, no token in a link)', async () => {
    await signInAs(tokens.bureau);
    await page.goto(`${consoleUrl}#/downloads`);
    await page.locator(`select[name="list-region-county"] option[value="${COUNTY.code}"]`).waitFor({ state: 'attached' });
    await shot('downloads');

    for (const [form, button, message] of [
      ['#list-form', '#list-download', '#list-message'],
      ['#monthly-form', '#monthly-download', '#monthly-message'],
    ]) {
      if (form === '#list-form') await page.locator('#list-kind').selectOption('willing-to-migrate');
      const download = page.waitForEvent('download', { timeout: WAIT }).catch((error: Error) => error);
      await page.locator(button).click();
      await page.locator(`${message} .ok, ${message} .error`).waitFor();
      const outcome = await page.locator(message).textContent();
      expect(outcome).not.toMatch(/出错了/);
      const file = await download;
      if (file instanceof Error) throw file;
      expect(file.url()).toMatch(/^blob:/);
      const csv = readFileSync((await file.path()) as string, 'utf8');
      expect(csv.split(/\r?\n/)[0]).toMatch(/,/);
    }
    await shot('downloads-done');
  });

  it("draws the bureau's dashboard with ECharts; each chart's table shows what the APIs answer for the same query", async () => {
    // A little more to count: a monitoring target with no follow-up (due this month), an unreachable
    // follow-up of the first worker that set a next date already passed, and a complaint.
    const second = await request(workers.url)
      .post('/v1/workers')
      .set('Authorization', auth(tokens.station))
      .send({
        idNumber: makeResidentId({ regionCode: COUNTY.code, birthDate: `19${randomInt(70, 99)}-1${randomInt(0, 3)}-0${randomInt(1, 10)}`, gender: 'female', sequence: randomInt(0, 500) * 2 }),
        name: '王秀英',
        phone: `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
        homeRegionCode: COUNTY.code,
        residenceRegionCode: COUNTY.code,
        location: { lat: COUNTY.lat, lon: COUNTY.lon },
        stationId,
        priorityGroups: ['monitoring_target'],
        preferences: { kinds: ['fulltime'], willingToMigrate: true, targetRegionCodes: ['440000'] },
      })
      .expect(201);
    expect(second.body.id).toBeTruthy();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    await request(workers.url)
      .post(`/v1/workers/${workerId}/follow-ups`)
      .set('Authorization', auth(tokens.station))
      .send({ kind: 'call', at: hoursAgo(2), outcome: 'unreachable', nextDueAt: hoursAgo(1) })
      .expect(201);
    // job-collection learns of the worker through Kafka: until then the complaint is refused.
    await eventually(
      () =>
        request(jobs.url)
          .post('/v1/complaints')
          .set('Authorization', auth(tokens.station))
          .send({ workerId, employer: { name: `三台县某建筑公司 ${run}`, regionCode: COUNTY.code }, kind: 'wage_arrears', amount: 3200, description: '拖欠两个月工资' })
          .expect(201),
      WAIT,
      500,
    );

    // What the APIs answer the city's bureau, computed here from their responses.
    const bureau = tokens.cityBureau;
    const get = async (app: { url: string }, path: string, query: Record<string, string | number> = {}) =>
      (await request(app.url).get(path).query(query).set('Authorization', auth(bureau)).expect(200)).body;
    const everyItem = async (app: { url: string }, path: string, query: Record<string, string>) => {
      const items: Record<string, unknown>[] = [];
      for (let page = 1; ; page++) {
        const body = await get(app, path, { ...query, page, pageSize: 1000 });
        items.push(...body.items);
        if (items.length >= body.total) return items;
      }
    };
    const counties: { code: string; name: string }[] = await get(jobs, '/v1/reference/regions', { parent: COUNTY.city });
    const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
    const months = [5, 4, 3, 2, 1, 0].map((back) => {
      const d = new Date(Date.UTC(year, month - 1 - back, 1));
      return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    });
    type Row = [string, ...number[]];
    const expected = async (): Promise<Record<string, Row[]>> => {
      const lists = await Promise.all(
        counties.map(async ({ code }): Promise<Row> => [
          code,
          ...(await Promise.all(['employed', 'unemployed', 'willing-to-migrate'].map(async (kind) => (await get(workers, `/v1/lists/${kind}`, { regionCode: code, pageSize: 1 })).total as number))),
        ]),
      );
      const monitoring = await Promise.all(
        months.map(async (m): Promise<Row> => {
          const items = (await everyItem(workers, '/v1/monitoring/monthly', { month: m, regionCode: COUNTY.city })) as {
            statusAtMonthEnd: string | null; unemployed: boolean; lastFollowUp: { outcome: string } | null;
          }[];
          return [
            m,
            items.length,
            items.filter((i) => i.statusAtMonthEnd === 'employed').length,
            items.filter((i) => i.unemployed).length,
            items.filter((i) => i.lastFollowUp?.outcome === 'unreachable').length,
          ];
        }),
      );
      const stats = await get(dispatch, '/v1/dispatch/stats');
      const measures = ['placed', 'checked3m', 'retained3m'];
      const placements = ['*', 'poverty_alleviated', 'monitoring_target', 'relocated'].map((group): Row => [
        group,
        ...measures.map((m) => (group === '*' ? stats.totals[m].total : stats.totals[m].byPriorityGroup[group])),
      ]);
      const due = (await everyItem(workers, '/v1/follow-ups/due', { regionCode: COUNTY.city })) as { homeRegionCode: string; reason: string }[];
      const dueRows = counties.map(({ code }): Row => [
        code,
        due.filter((d) => d.homeRegionCode === code && d.reason === 'none_this_month').length,
        due.filter((d) => d.homeRegionCode === code && d.reason === 'past_due').length,
      ]);
      const complaints = await Promise.all(
        ['received', 'accepted', 'resolved', 'rejected'].map(async (status): Promise<Row> => [status, (await get(jobs, '/v1/complaints', { regionCode: COUNTY.city, status, pageSize: 1 })).total]),
      );
      return { lists, monitoring, placements, due: dueRows, complaints };
    };
    // What the tables show: the first cell's code (areas), month or nothing, then the numbers.
    const shown = async (): Promise<Record<string, Row[]>> => {
      const table = async (id: string, first: (text: string, i: number) => string) =>
        (await page.locator(`#chart-${id}-table tbody tr`).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')))).map(
          ([head, ...cells], i): Row => [first(head, i), ...cells.map(Number)],
        );
      const code = (text: string) => text.split(' ').at(-1) ?? '';
      return {
        lists: await table('lists', code),
        monitoring: await table('monitoring', (text) => text),
        placements: await table('placements', (_, i) => ['*', 'poverty_alleviated', 'monitoring_target', 'relocated'][i]),
        due: await table('due', code),
        complaints: await table('complaints', (_, i) => ['received', 'accepted', 'resolved', 'rejected'][i]),
      };
    };

    await signInAs(bureau);
    await page.goto(`${consoleUrl}#/dashboard`);
    const charts = ['lists', 'monitoring', 'placements', 'due', 'complaints'];
    // Workers' statuses follow events (Kafka): compare again, reloading, until both sides agree.
    await eventually(
      async () => {
        await page.locator('#dashboard-charts[data-state="ready"]').waitFor();
        for (const id of charts) await page.locator(`#chart-${id}[data-state="ready"] #chart-${id}-chart canvas`).waitFor({ timeout: 10_000 });
        const want = await expected();
        const got = await shown();
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          await page.locator('#dashboard-refresh').click();
          expect(got).toEqual(want);
        }
      },
      WAIT,
      1000,
    );
    const want = await expected();
    expect((want.lists.find(([code]) => code === COUNTY.code)?.slice(1) as number[]).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Number(want.monitoring.at(-1)?.[4])).toBeGreaterThanOrEqual(1);
    expect(want.due.find(([code]) => code === COUNTY.code)).toEqual([COUNTY.code, expect.any(Number), expect.any(Number)]);
    expect((want.due.find(([code]) => code === COUNTY.code)?.slice(1) as number[]).every((n) => n >= 1)).toBe(true);
    expect(Number(want.complaints[0][1])).toBeGreaterThanOrEqual(1);
    await expect(page.locator('#chart-placements-table tbody tr').nth(1).locator('th').textContent()).resolves.toBe('脱贫人口');

    // The CSV is the table, as a Blob download.
    const download = page.waitForEvent('download');
    await page.locator('#chart-complaints-csv').click();
    const file = await download;
    expect(file.url()).toMatch(/^blob:/);
    const csv = readFileSync((await file.path()) as string, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
    const tableText = await page.locator('#chart-complaints-table').evaluate((t) => [...t.querySelectorAll('tr')].map((r) => [...r.children].map((c) => c.textContent).join(',')));
    expect(csv).toEqual(tableText);

    await stack.shot('dashboard-1280');
    // A phone: one column, the charts redrawn to its width.
    await page.setViewportSize({ width: 390, height: 844 });
    await eventually(async () => {
      const widths = await page.locator('.chart canvas').evaluateAll((canvases) => canvases.map((c) => c.clientWidth));
      if (widths.length !== charts.length || widths.some((w) => w > 360)) throw new Error(`charts not redrawn yet: ${widths.join(', ')}`);
    }, WAIT, 100);
    await stack.shot('dashboard-390');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('serves the console with a Content-Security-Policy: its own scripts only, requests to the four apps only, never framed', async () => {
    const origins = [jobs.url, workers.url, matching.url, dispatch.url];
    for (const path of ['/console/', '/console/app.js', '/console/views/settings.js', '/console/config.json', '/console/vendor/echarts.min.js']) {
      const response = await request(dispatch.url).get(path).expect(200);
      const policy = directives(response.headers['content-security-policy']);
      expect(policy['default-src']).toEqual(["'self'"]);
      expect(policy['script-src']).toEqual(["'self'"]);
      expect(policy['style-src']).toEqual(["'self'"]);
      expect(policy['frame-ancestors']).toEqual(["'none'"]);
      expect([...policy['connect-src']].sort()).toEqual(["'self'", ...origins].sort());
    }
    // The vendor scripts come from node_modules; nothing else is served under vendor/.
    await request(dispatch.url).head('/console/vendor/exceljs.min.js').expect(200).expect('Content-Type', /javascript/);
    await request(dispatch.url).get('/console/vendor/package.json').expect(404);
    const config = await request(dispatch.url).get('/console/config.json').expect(200);
    expect(config.body).toEqual({ apps: { jobCollection: jobs.url, workerProfiles: workers.url, matching: matching.url, dispatch: dispatch.url } });
    // Nothing inline for the policy to refuse: every script is a file, no on… attributes.
    const html = (await request(dispatch.url).get('/console/').expect(200)).text;
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="app.js">']);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  });

  it('ignores service addresses in a link (and ones an older console saved from a link): requests go to the configured apps', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    // What an older console stored after opening a crafted link.
    await page.evaluate(`localStorage.setItem('laowu.console.urls', ${JSON.stringify(JSON.stringify({ dispatch: strangerUrl, matching: strangerUrl }))})`);
    const link = new URLSearchParams({ jobCollection: strangerUrl, workerProfiles: strangerUrl, matching: strangerUrl, dispatch: strangerUrl });
    await page.goto(`${consoleUrl}?${link}#/settings`);
    await page.locator('p.warning[role="alert"]').getByText('服务地址已忽略').waitFor();
    await page.locator('#health-dispatch.up').waitFor();
    await page.locator('#health-matching.up').waitFor();
    expect(page.url()).not.toContain(encodeURIComponent(strangerUrl));
    await expect(page.locator('#url-dispatch').inputValue()).resolves.toBe(dispatch.url);
    await expect(page.locator('#url-matching').inputValue()).resolves.toBe(matching.url);
    const inPage = await page.evaluate(`(async () => {
      const api = await import(new URL('api.js', location.href).href);
      return { urls: api.currentUrls(), storage: JSON.stringify({ ...localStorage }) };
    })()`) as { urls: Record<string, string>; storage: string };
    expect(inPage.urls).toEqual({ jobCollection: jobs.url, workerProfiles: workers.url, matching: matching.url, dispatch: dispatch.url });
    expect(inPage.storage).not.toContain(strangerUrl);
    expect(stack.requestedUrls.filter((url) => url.startsWith(strangerUrl))).toEqual([]);
    expect(strangerReceived).toHaveLength(0);
    await shot('settings-link-ignored');
  });

  it('changes a service address only after a confirmation naming the new origin; the policy still keeps requests from it', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    const confirmBox = page.locator('#settings-confirm-box');
    const stored = () => page.evaluate(`localStorage.getItem('laowu.console.urls.v2')`) as Promise<string | null>;

    await page.locator('#url-dispatch').fill(`${strangerUrl}/`);
    await page.locator('#settings-save').click();
    await confirmBox.locator('code.origin').waitFor();
    await expect(confirmBox.locator('li[data-app="dispatch"] code.origin').textContent()).resolves.toBe(strangerUrl);
    await expect(confirmBox.locator('li').count()).resolves.toBe(1);
    await expect(stored()).resolves.toBeNull();
    await shot('settings-confirm');
    await page.locator('#settings-cancel').click();
    await confirmBox.waitFor({ state: 'hidden' });
    await expect(page.locator('#url-dispatch').inputValue()).resolves.toBe(dispatch.url);
    await expect(stored()).resolves.toBeNull();

    // Confirmed: saved and used, but the origin is not one the policy allows, so the browser refuses to connect.
    await page.locator('#url-dispatch').fill(strangerUrl);
    await page.locator('#settings-save').click();
    await page.locator('#settings-confirm').click();
    await confirmBox.waitFor({ state: 'hidden' });
    await expect(stored()).resolves.toBe(JSON.stringify({ dispatch: strangerUrl }));
    await page.locator('#health-dispatch.down').waitFor();
    await eventually(async () => {
      if (!stack.policyViolations.some((v) => v.includes(strangerUrl))) throw new Error('no policy violation reported yet');
    }, WAIT, 200);
    expect(strangerReceived).toHaveLength(0);

    await page.locator('#settings-reset').click();
    await page.locator('#health-dispatch.up').waitFor();
    await expect(page.locator('#url-dispatch').inputValue()).resolves.toBe(dispatch.url);
    await expect(stored()).resolves.toBeNull();
  });

  it('never put a token into a URL, and raised no page errors', () => {
    for (const token of Object.values(tokens)) {
      expect(stack.requestedUrls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]))).toEqual([]);
    }
    expect(stack.pageErrors).toEqual([]);
    // The policy refused only what the previous test pointed at a stranger on purpose.
    expect(stack.policyViolations.filter((violation) => !violation.includes(strangerUrl))).toEqual([]);
    expect(strangerReceived).toHaveLength(0);
  });
});
