/**
 * The push settings page (#/push-settings, issue 19 on issue 9's API) in a real browser against the
 * four real apps: a station sees what dispatch holds, turns "worker available" off and lowers the
 * most pushes per job, and a value out of range is refused with the API's own message under its
 * field; an admin opens the same station by its id. Each step is checked through
 * GET /v1/stations/{id}/push-settings. Then the setting's effect: a worker of the station registered
 * as unemployed, who fits an open job, is pushed by matching (seen on the topic) but dispatch stores
 * no worker_available match for the station; a later push to the same station on the same topic
 * partition (a cross-region job, stored) proves the earlier one was handled and not merely late.
 * Screenshots in test-results/console/push-settings*.png.
 */
import { type MatchesFoundData, TOPICS } from '@laowu/contracts';
import { eventually, tokenFor } from '@laowu/testkit';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { jobsIndex } from '../../apps/matching/src/indexing/index-definitions';
import { createStation, registerStationWorker, startConsoleStack, TEST_TIMEOUT, WAIT, type ConsoleStack } from '../support/console-browser';
import { TopicRecorder } from '../support/kafka';
import { untilSearchable } from '../support/search';

// A county no other test uses (美姑县, 凉山, 四川): the cross-region job recruits from it alone.
const COUNTY = { code: '513436', lat: 28.3286, lon: 103.1322 };
// Where the cross-region job is (罗湖区, 深圳).
const DESTINATION = { code: '440303', lat: 22.5484, lon: 114.1315 };
const run = randomUUID().slice(0, 8);
const stationId = `station-${COUNTY.code}-${run}`;
const stationName = `美姑县就业服务站 ${run}`;

const tokens = {
  admin: tokenFor({ sub: `admin-${run}`, role: 'admin', region: '100000' }),
  station: tokenFor({ sub: stationId, role: 'station', region: COUNTY.code }),
  agency: tokenFor({ sub: `agency-push-settings-${run}`, role: 'agency', region: '440300' }),
};
const auth = (token: string) => `Bearer ${token}`;
const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

interface Settings {
  instant: boolean;
  crossRegion: boolean;
  workerAvailable: boolean;
  minScore: number;
  maxPerJob: number;
}
interface StoredMatch {
  jobId: string;
  workerId: string;
  trigger: string;
}

describe('console push settings (real apps, Kafka, OpenSearch, PostgreSQL)', () => {
  jest.setTimeout(TEST_TIMEOUT);
  let stack: ConsoleStack;
  let page: Page;

  const apiSettings = async (): Promise<Settings> =>
    (await request(stack.dispatch.url).get(`/v1/stations/${stationId}/push-settings`).set('Authorization', auth(tokens.station)).expect(200)).body;
  const storedMatches = async (): Promise<StoredMatch[]> =>
    (await request(stack.dispatch.url).get(`/v1/stations/${stationId}/matches`).query({ limit: 100 }).set('Authorization', auth(tokens.station)).expect(200)).body.items;
  /** What the form shows: the checkboxes and the numbers as typed. */
  const formValues = async (): Promise<Settings> => ({
    instant: await page.locator('#push-instant').isChecked(),
    crossRegion: await page.locator('#push-crossRegion').isChecked(),
    workerAvailable: await page.locator('#push-workerAvailable').isChecked(),
    minScore: Number(await page.locator('#push-minScore').inputValue()),
    maxPerJob: Number(await page.locator('#push-maxPerJob').inputValue()),
  });
  /** What the "current settings" box shows, read from each value's data attribute. */
  const currentShown = async (): Promise<Record<string, string>> =>
    Object.fromEntries(
      await page.locator('#push-current dd').evaluateAll((dds) => dds.map((dd) => [dd.getAttribute('data-field'), dd.getAttribute('data-value')])),
    );
  const asShown = (settings: Settings) => Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)]));

  async function postJob(body: Record<string, unknown>): Promise<string> {
    const posted = await request(stack.jobs.url)
      .post('/v1/jobs')
      .set('Authorization', auth(tokens.agency))
      .send({ kind: 'fulltime', skills: [{ code: 'welding', minLevel: 2 }], headcount: 10, wage: { min: 5000, max: 6500, unit: 'month' }, ...body })
      .expect(201);
    return posted.body.id;
  }

  beforeAll(async () => {
    stack = await startConsoleStack(run);
    page = stack.page;
    await createStation(stack, tokens.admin, { id: stationId, name: stationName, regionCode: COUNTY.code, location: { lat: COUNTY.lat, lon: COUNTY.lon } });
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await stack?.close();
  });

  it("shows the station its settings as the API holds them; a save turns 'worker available' off and lowers the most per job", async () => {
    await stack.signInAs(tokens.station);
    await page.locator('a.tab[data-view="push-settings"]').click();
    await page.locator('#push-form').waitFor();
    const before = await apiSettings();
    await expect(formValues()).resolves.toEqual(before);
    await expect(currentShown()).resolves.toEqual(asShown(before));
    await expect(page.locator('#push-station-name').textContent()).resolves.toContain(stationName);
    // Each trigger has its explanation, tied to the checkbox.
    await expect(page.locator('#push-workerAvailable').getAttribute('aria-describedby')).resolves.toContain('push-workerAvailable-about');
    await expect(page.locator('#push-workerAvailable-about').textContent()).resolves.toContain('失业');
    await stack.shotBothWidths('push-settings');

    // By keyboard: space on the checkbox, the number typed, Enter saves.
    await page.locator('#push-workerAvailable').focus();
    await page.keyboard.press('Space');
    const maxPerJob = before.maxPerJob === 30 ? 31 : 30;
    await page.locator('#push-maxPerJob').fill(String(maxPerJob));
    await page.keyboard.press('Enter');
    await page.locator('#push-saved').getByText('已保存').waitFor();

    const after = await apiSettings();
    expect(after).toEqual({ ...before, workerAvailable: false, maxPerJob });
    await expect(currentShown()).resolves.toEqual(asShown(after));
    await expect(page.locator('#push-current dd[data-field="workerAvailable"]').textContent()).resolves.toBe('关');
    await stack.shotBothWidths('push-settings-saved');

    // A reload shows what was saved.
    await page.reload();
    await page.locator('#push-form').waitFor();
    await expect(formValues()).resolves.toEqual(after);
  });

  it("refuses a minimum score out of range with the API's message under that field, and changes nothing", async () => {
    const before = await apiSettings();
    const tooHigh = 5000;
    // The API's own words for the same body, asked directly.
    const refused = await request(stack.dispatch.url)
      .put(`/v1/stations/${stationId}/push-settings`)
      .set('Authorization', auth(tokens.station))
      .send({ ...before, minScore: tooHigh })
      .expect(400);
    const problems = (refused.body.details as { field: string; problem: string }[]).filter((d) => d.field === 'minScore').map((d) => d.problem);
    expect(problems.length).toBeGreaterThan(0);

    await page.locator('#push-minScore').fill(String(tooHigh));
    await page.locator('#push-save').click();
    const message = page.locator('[data-field="minScore"] #push-error-minScore');
    await message.getByText(problems[0]).waitFor();
    await expect(message.textContent()).resolves.toBe(problems.join('；'));
    await expect(page.locator('#push-minScore').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('push-minScore');
    await expect(page.locator('#push-saved').textContent()).resolves.toBe('');
    // The other fields have no message; the "current settings" box still shows what the API holds.
    await expect(page.locator('#push-error-maxPerJob').textContent()).resolves.toBe('');
    await expect(currentShown()).resolves.toEqual(asShown(before));
    await stack.shotBothWidths('push-settings-error');
    await expect(apiSettings()).resolves.toEqual(before);

    // Put right, the message goes and the save goes through.
    await page.locator('#push-minScore').fill(String(before.minScore));
    await page.locator('#push-save').click();
    await page.locator('#push-saved').getByText('已保存').waitFor();
    await expect(message.textContent()).resolves.toBe('');
    await expect(page.locator('#push-minScore').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(apiSettings()).resolves.toEqual(before);
  });

  it('has a real effect: with worker available off, a new unemployed worker who fits an open job brings the station no worker_available match', async () => {
    expect((await apiSettings()).workerAvailable).toBe(false);
    const prefix = stack.matching.config.SEARCH_INDEX_PREFIX;
    // An open job nearby that fits the worker, searchable before the worker is registered (else it is not among their best).
    const localJob = await postJob({
      externalId: `PUSH-SETTINGS-LOCAL-${run}`,
      title: `美姑县建材厂焊工-${run}`,
      location: { regionCode: COUNTY.code, lat: COUNTY.lat + 0.003, lon: COUNTY.lon + 0.003, address: '美姑县巴普镇' },
    });
    await untilSearchable(jobsIndex(prefix).alias, [localJob]);

    const recorder = await TopicRecorder.start([TOPICS.matches]);
    let workerId: string;
    try {
      workerId = await registerStationWorker(stack, tokens.station, {
        stationId,
        county: COUNTY.code,
        location: { lat: COUNTY.lat, lon: COUNTY.lon },
        body: {
          name: '阿力日哈',
          skills: [{ code: 'welding', level: 3 }],
          preferences: { kinds: ['fulltime'], willingToMigrate: true, targetRegionCodes: [], maxCommuteKm: 30 },
          employmentStatus: { status: 'unemployed', effectiveDate: chinaToday(), regionCode: COUNTY.code, registeredAt: 'residence' },
        },
      });
      // matching did push the worker's best jobs to this station: what keeps them out is the station's setting.
      await recorder.waitFor(
        (messages) =>
          messages.some((m) => {
            const data = JSON.parse(m.value).data as MatchesFoundData;
            return data.stationId === stationId && data.trigger === 'worker_available' && data.matches.some((match) => match.workerId === workerId);
          }),
        WAIT,
      );
    } finally {
      await recorder.stop();
    }

    // A later push to the same station on the same topic (keyed by station, so the same partition):
    // a cross-region job recruiting from the county. Once it is stored, the earlier one was handled.
    const crossRegionJob = await postJob({
      externalId: `PUSH-SETTINGS-CROSS-${run}`,
      title: `深圳电子厂焊工 招美姑籍-${run}`,
      location: { regionCode: DESTINATION.code, lat: DESTINATION.lat, lon: DESTINATION.lon, address: '深圳市罗湖区' },
      crossRegion: { sourceRegionCodes: [COUNTY.code] },
      benefits: { housing: true, meals: true },
    });
    await eventually(async () => {
      expect((await storedMatches()).find((m) => m.jobId === crossRegionJob && m.workerId === workerId)).toMatchObject({ trigger: 'cross_region_job' });
    }, WAIT, 500);
    const ofWorker = (await storedMatches()).filter((m) => m.workerId === workerId);
    expect(ofWorker.filter((m) => m.trigger === 'worker_available')).toEqual([]);
    expect(ofWorker.map((m) => m.jobId)).not.toContain(localJob);

    // The live feed shows the same: the cross-region job's card with the worker, none for the local job.
    await page.locator('a.tab[data-view="feed"]').click();
    await page.locator(`section.job-card[data-job-id="${crossRegionJob}"] article.match[data-worker-id="${workerId}"]`).waitFor();
    await expect(page.locator(`section.job-card[data-job-id="${localJob}"]`).count()).resolves.toBe(0);
  });

  it("lets an admin open the station's settings by its id (its name shown), and shows the API's refusal of an unknown station", async () => {
    const held = await apiSettings();
    await stack.signInAs(tokens.admin);
    await page.locator('a.tab[data-view="push-settings"]').click();
    await page.locator('#push-station-id').fill(stationId);
    await page.locator('#push-station-open').click();
    await page.locator(`section.push-settings[data-station-id="${stationId}"] #push-form`).waitFor();
    await expect(page.locator('#push-station-name').textContent()).resolves.toContain(stationName);
    await expect(formValues()).resolves.toEqual(held);
    await expect(currentShown()).resolves.toEqual(asShown(held));
    await stack.shotBothWidths('push-settings-admin');

    // English once: the same page, its labels in English.
    await page.locator('#lang-switch').click();
    await page.locator('a.tab[data-view="push-settings"]').getByText('Push settings').waitFor();
    await page.locator('label.check', { has: page.locator('#push-workerAvailable') }).getByText('Worker available').waitFor();
    await expect(page.locator('#push-current dd[data-field="workerAvailable"]').textContent()).resolves.toBe('Off');
    await stack.shotBothWidths('push-settings-en');
    await page.locator('#lang-switch').click();
    await page.locator('a.tab[data-view="push-settings"]').getByText('推送设置').waitFor();

    const unknown = `station-${COUNTY.code}-none-${run}`;
    await request(stack.dispatch.url).get(`/v1/stations/${unknown}/push-settings`).set('Authorization', auth(tokens.admin)).expect(404);
    await page.locator('#push-station-id').fill(unknown);
    await page.locator('#push-station-open').click();
    await page.locator('#push-station p.error').getByText('404').waitFor();
    await expect(page.locator('#push-form').count()).resolves.toBe(0);
  });

  it('never put a token into a URL, and raised no page errors or policy violations', () => {
    for (const token of Object.values(tokens)) {
      expect(stack.requestedUrls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]))).toEqual([]);
    }
    expect(stack.pageErrors).toEqual([]);
    expect(stack.policyViolations).toEqual([]);
  });
});
