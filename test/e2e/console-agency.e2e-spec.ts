/**
 * The console's agency pages (issue 19, part 4) in a real browser against the four real apps: an
 * agency (劳务机构) posts a job through the form and its reference pickers, sees the API's field
 * messages for bad input, edits the job, reads its candidates and outcome figures, and closes it.
 * Everything the UI did is checked through the APIs (supertest). Screenshots: test-results/console/.
 */
import { eventually, tokenFor } from '@laowu/testkit';
import type { Page } from 'playwright-core';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { createStation, registerStationWorker, startConsoleStack, TEST_TIMEOUT, WAIT, type ConsoleStack } from '../support/console-browser';

// A county no other test uses (麻城市, 黄冈, 湖北), so this run's worker is the one nearby.
const COUNTY = { code: '421181', city: '421100', province: '420000' };
const run = randomUUID().slice(0, 8);
const stationId = `station-${COUNTY.code}-${run}`;
const agencyId = `agency-jobs-${run}`;

const tokens = {
  admin: tokenFor({ sub: `admin-${run}`, role: 'admin', region: '100000' }),
  station: tokenFor({ sub: stationId, role: 'station', region: COUNTY.code }),
  agency: tokenFor({ sub: agencyId, role: 'agency', region: '440300' }),
};
const auth = (token: string) => `Bearer ${token}`;

const DAY_MS = 86_400_000;
/** A China wall-clock time `days` from now at `hhmm`, as a datetime-local value (the browser runs in Asia/Shanghai). */
function chinaLocal(days: number, hhmm: string): string {
  return `${new Date(Date.now() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10)}T${hhmm}`;
}
const chinaInstant = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

interface Job {
  id: string; version: number; materialVersion: number; status: string; filled: number; headcount: number; updatedAt: string;
  [field: string]: unknown;
}

describe("the console's agency pages in a browser (real apps, Kafka, OpenSearch, PostgreSQL)", () => {
  jest.setTimeout(TEST_TIMEOUT);
  let stack: ConsoleStack;
  let page: Page;
  let workerId: string;
  let jobId: string;
  const worker = { name: '周红梅', phone: `138${String(randomInt(0, 100_000_000)).padStart(8, '0')}` };
  const jobTitle = `麻城电焊工-${run}`;

  const api = (app: { url: string }, token = tokens.agency) => ({
    get: async (path: string, query: Record<string, string | number> = {}) => (await request(app.url).get(path).query(query).set('Authorization', auth(token)).expect(200)).body,
  });
  const jobOf = async (): Promise<Job> => api(stack.jobs).get(`/v1/jobs/${jobId}`);
  const field = (key: string) => page.locator(`[data-field="${key}"] .field-error`);

  beforeAll(async () => {
    stack = await startConsoleStack(run);
    page = stack.page;
    const regions: { code: string; lat: number; lon: number }[] = await api(stack.jobs).get('/v1/reference/regions', { parent: COUNTY.city });
    const centre = regions.find((r) => r.code === COUNTY.code)!;
    const location = { lat: centre.lat, lon: centre.lon };
    await createStation(stack, tokens.admin, { id: stationId, name: `麻城市就业服务站 ${run}`, regionCode: COUNTY.code, location });
    workerId = await registerStationWorker(stack, tokens.station, {
      stationId,
      county: COUNTY.code,
      location,
      gender: 'female',
      body: {
        ...worker,
        skills: [{ code: 'welding', level: 3 }],
        preferences: { kinds: ['gig', 'fulltime'], willingToMigrate: false, maxCommuteKm: 30, minWage: { amount: 150, unit: 'day' } },
      },
    });
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await stack?.close();
  });

  it('posts a job through the form and its pickers; bad input shows the API field messages beside the fields and writes nothing', async () => {
    const [county] = ((await api(stack.jobs).get('/v1/reference/regions', { parent: COUNTY.city })) as { code: string; lat: number; lon: number }[]).filter((r) => r.code === COUNTY.code);
    const [occupation] = (await api(stack.jobs).get('/v1/reference/occupations', { q: '焊工' })) as { code: string }[];
    const [brand] = (await api(stack.jobs).get('/v1/reference/labor-brands')) as { code: string; name: string }[];
    const welding = ((await api(stack.jobs).get('/v1/reference/skills', { q: '焊' })) as { code: string }[]).find((s) => s.code === 'welding');
    expect(occupation).toBeDefined();
    expect(welding).toBeDefined();

    await stack.signInAs(tokens.agency);
    await page.goto(`${stack.consoleUrl}#/`);
    await page.locator('#view-jobs #jobs-results p.empty').waitFor();
    await page.locator('#jobs-new').click();
    await page.locator('#job-form').waitFor();

    await page.locator('#job-title').fill(jobTitle);
    await page.locator('#job-description').fill('麻城市经济开发区钢结构厂电焊，日结');
    await page.locator('#job-kind').selectOption('gig');
    // The occupation by keyboard: type, ArrowDown to the first hit, Enter.
    await page.locator('#job-occupation-search').fill('焊工');
    await page.locator('#job-occupation-search-hits button.hit').first().waitFor();
    await page.locator('#job-occupation-search').press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator(`#job-occupation-chosen [data-code="${occupation.code}"]`).waitFor();
    await page.locator('#job-skill-search').pressSequentially('焊');
    await page.locator('#job-skill-search-hits button[data-code="welding"]').click();
    await page.locator('#job-skills-chosen select[data-level="welding"]').selectOption('2');
    if (brand) {
      await page.locator('#job-brand-search').fill(brand.name);
      await page.locator(`#job-brand-search-hits button[data-code="${brand.code}"]`).click();
    }
    for (const [level, code] of [['province', COUNTY.province], ['city', COUNTY.city], ['county', COUNTY.code]]) {
      await page.locator(`select[name="job-region-${level}"] option[value="${code}"]`).waitFor({ state: 'attached' });
      await page.locator(`select[name="job-region-${level}"]`).selectOption(code);
    }
    // The county's centre is filled in; the job sits a little off it.
    await expect(page.locator('#job-lat').inputValue()).resolves.toBe(String(county.lat));
    const point = { lat: Number((county.lat + 0.004).toFixed(4)), lon: Number((county.lon + 0.004).toFixed(4)) };
    await page.locator('#job-lat').fill(String(point.lat));
    await page.locator('#job-lon').fill(String(point.lon));
    await page.locator('#job-address').fill('麻城市龙池桥街道工业园');
    await page.locator('#job-headcount').fill('5');
    await page.locator('#job-wage-min').fill('300');
    await page.locator('#job-wage-max').fill('260');
    await page.locator('#job-wage-unit').selectOption('day');
    const startAt = chinaLocal(2, '08:00');
    await page.locator('#job-start-at').fill(startAt);
    await page.locator('#job-end-at').fill(chinaLocal(-1, '18:00'));
    await page.locator('#job-instant').check();
    await page.locator('#job-benefit-meals').check();
    await page.locator('#job-benefit-injuryInsurance').check();

    const refused = page.waitForResponse((r) => r.url().endsWith('/v1/jobs') && r.request().method() === 'POST');
    await page.locator('#job-submit').click();
    const answer = await refused;
    expect(answer.status()).toBe(400);
    const details: { field: string; problem: string }[] = (await answer.json()).details;
    for (const key of ['wage.max', 'endAt']) {
      const problems = details.filter((d) => d.field === key).map((d) => d.problem);
      expect(problems.length).toBeGreaterThan(0);
      await expect(field(key).textContent()).resolves.toBe(problems.join('；'));
      await expect(page.locator(`[data-field="${key}"] [aria-invalid="true"]`).count()).resolves.toBe(1);
    }
    await expect(field('title').textContent()).resolves.toBe('');
    expect((await api(stack.jobs).get('/v1/jobs')).total).toBe(0);
    await stack.shotBothWidths('agency-job-form-errors');

    await page.locator('#job-wage-min').fill('200');
    const endAt = chinaLocal(4, '18:00');
    await page.locator('#job-end-at').fill(endAt);
    await page.locator('#job-submit').click();
    await page.waitForURL(/#\/job\/[0-9a-f-]{36}$/);
    jobId = page.url().split('/').at(-1)!;

    const job = await jobOf();
    expect(job).toMatchObject({
      agencyId,
      status: 'open',
      version: 1,
      filled: 0,
      title: jobTitle,
      description: '麻城市经济开发区钢结构厂电焊，日结',
      kind: 'gig',
      occupationCode: occupation.code,
      skills: [{ code: 'welding', minLevel: 2 }],
      requiredCertificates: [],
      headcount: 5,
      wage: { min: 200, max: 260, unit: 'day' },
      location: { regionCode: COUNTY.code, ...point, address: '麻城市龙池桥街道工业园' },
      olderWorkerFriendly: false,
      startAt: chinaInstant(startAt),
      endAt: chinaInstant(endAt),
      instant: true,
      benefits: { housing: false, meals: true, transport: false, injuryInsurance: true },
    });
    expect(job.laborBrand).toBe(brand?.code);
    expect(job.externalId).toBeUndefined();
    expect(job.ageRange).toBeUndefined();
    expect(job.crossRegion).toBeUndefined();
    expect((await api(stack.jobs).get('/v1/jobs')).total).toBe(1);
  });

  it('lists the job with filters; edits its headcount through the form (PUT): version + 1, everything else as it was', async () => {
    await page.goto(`${stack.consoleUrl}#/jobs`);
    const row = page.locator(`#jobs-results tr[data-job-id="${jobId}"]`);
    await expect(row.locator('[data-field="filled"]').textContent()).resolves.toBe('0 / 5');
    await page.locator('#jobs-status').selectOption('closed');
    await page.locator('#jobs-apply').click();
    await page.locator('#jobs-results p.empty').waitFor();
    await page.locator('#jobs-status').selectOption('open');
    await page.locator('#jobs-kind').selectOption('gig');
    await page.locator('#jobs-apply').click();
    await row.waitFor();
    await expect(page.locator('#jobs-results tbody tr').count()).resolves.toBe((await api(stack.jobs).get('/v1/jobs', { status: 'open', kind: 'gig' })).total);
    await stack.shotBothWidths('agency-jobs');

    const before = await jobOf();
    await row.locator('a').click();
    await page.locator('#job-edit').click();
    await page.locator('#job-form').waitFor();
    await expect(page.locator('#job-headcount').inputValue()).resolves.toBe('5');
    await page.locator('#job-submit:not([disabled])').waitFor();
    await expect(page.locator('select[name="job-region-county"]').inputValue()).resolves.toBe(COUNTY.code);
    await page.locator('#job-headcount').fill('8');
    await stack.shotBothWidths('agency-job-form');
    await page.locator('#job-submit').click();
    await page.locator(`#job-fill[data-headcount="8"]`).waitFor();

    const after = await jobOf();
    expect(after.version).toBe(before.version + 1);
    expect(after.headcount).toBe(8);
    const rest = ({ version, materialVersion, headcount, updatedAt, ...others }: Job) => (void [version, materialVersion, headcount, updatedAt], others);
    expect(rest(after)).toEqual(rest(before));
  });

  it("shows the job's candidates as the API ranks them (masked), its fill status and outcome figures as the APIs give them", async () => {
    await page.goto(`${stack.consoleUrl}#/job/${jobId}`);
    type Candidates = { items: { workerId: string; reasons: unknown[] }[] };
    await eventually(async () => {
      const ranked: Candidates = await api(stack.matching).get(`/v1/jobs/${jobId}/candidates`, { limit: 20 });
      await page.locator('#job-refresh').click();
      await page.locator('#job-candidates h3').first().waitFor();
      const shown = await page.locator('#job-candidates li.candidate').evaluateAll((items) => items.map((li) => li.getAttribute('data-worker-id')));
      expect(ranked.items.map((c) => c.workerId)).toContain(workerId);
      expect(shown).toEqual(ranked.items.map((c) => c.workerId));
    }, WAIT, 1000);
    const ranked: Candidates = await api(stack.matching).get(`/v1/jobs/${jobId}/candidates`, { limit: 20 });
    const mine = page.locator(`#job-candidates li.candidate[data-worker-id="${workerId}"]`);
    await expect(mine.locator('li.reason').count()).resolves.toBe(ranked.items.find((c) => c.workerId === workerId)!.reasons.length);
    const text = (await page.locator('#job-candidates').textContent()) ?? '';
    expect(text).not.toContain(worker.name);
    expect(text).not.toContain(worker.phone);
    await stack.shotBothWidths('agency-job-page');

    // A placement in the job (by the agency, through the API) fills a seat; the page shows what the APIs then say.
    await eventually(
      () =>
        request(stack.dispatch.url)
          .post('/v1/placements')
          .set('Authorization', auth(tokens.agency))
          .send({ workerId, jobId, employer: { name: `麻城某钢结构厂 ${run}` }, startDate: chinaToday(), source: 'direct' })
          .expect(201),
      WAIT,
      500,
    );
    await eventually(async () => expect((await jobOf()).filled).toBe(1), WAIT, 500);
    const job = await jobOf();
    const placements = (await api(stack.dispatch).get('/v1/placements', { jobId, pageSize: 1 })).total;
    const active = (await api(stack.dispatch).get('/v1/placements', { jobId, active: 'true', pageSize: 1 })).total;
    const stats = (await api(stack.dispatch).get('/v1/dispatch/stats')).totals;
    await page.locator('#job-refresh').click();
    await page.locator(`#job-fill[data-filled="${job.filled}"][data-headcount="${job.headcount}"][data-status="${job.status}"]`).waitFor();
    await expect(page.locator('#job-fill .fill-figure').textContent()).resolves.toContain(`${job.filled} / ${job.headcount}`);
    const figure = async (table: string, id: string) => Number(await page.locator(`#${table} tr[data-figure="${id}"] td`).textContent());
    await expect(figure('job-placements', 'placements')).resolves.toBe(placements);
    await expect(figure('job-placements', 'activePlacements')).resolves.toBe(active);
    expect(placements).toBe(1);
    for (const measure of ['dispatched', 'arrived', 'placed', 'checked3m', 'retained3m']) {
      await expect(figure('job-agency-figures', measure)).resolves.toBe(stats[measure].total);
    }
    await stack.shotBothWidths('agency-job-page-placed');
  });

  it('speaks English too, and closes the job from its page in two steps', async () => {
    await page.goto(`${stack.consoleUrl}#/job/${jobId}`);
    await page.locator('#lang-switch').click();
    await page.locator('#view-job h2').getByText('Job', { exact: true }).waitFor();
    await page.locator('#job-close').getByText('Close the job').waitFor();
    await page.locator('#lang-switch').click();
    await page.locator('#view-job h2').getByText('岗位详情').waitFor();

    await page.locator('#job-close').click();
    expect((await jobOf()).status).toBe('open');
    await page.locator('#job-close-confirm').click();
    await page.locator('#job-fill[data-status="closed"]').waitFor();
    expect((await jobOf()).status).toBe('closed');
    await expect(page.locator('#job-close').count()).resolves.toBe(0);
  });

  it('never put a token into a URL, and raised no page errors or policy violations', () => {
    for (const token of Object.values(tokens)) {
      expect(stack.requestedUrls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]))).toEqual([]);
    }
    expect(stack.pageErrors).toEqual([]);
    expect(stack.policyViolations).toEqual([]);
  });
});
