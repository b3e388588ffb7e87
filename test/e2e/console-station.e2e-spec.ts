/**
 * The station console's own pages in a real browser against the four real apps: importing a
 * worker list (.xlsx), registering a walk-in worker with three fields, finding workers, and the
 * worker's page (recording unemployment, logging a follow-up). Each step is checked through the
 * APIs afterwards. Screenshots at 1280 and 390 px go to test-results/console/*.png.
 *
 * Two stations in two counties no other test uses: the import's in 于田县 (653226), the walk-in's
 * in 民丰县 (653227), so that the registered worker (`registered.id`) is the only one this file puts
 * in its county.
 */
import { makeResidentId, residentIdCheckCharacter } from '@laowu/domain';
import { eventually, inDays, tokenFor } from '@laowu/testkit';
import ExcelJS from 'exceljs';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { createStation, startConsoleStack, TEST_TIMEOUT, WAIT, type ConsoleStack } from '../support/console-browser';

const IMPORT_COUNTY = { code: '653226', lat: 36.8571, lon: 81.6774 };
const WALK_IN_COUNTY = { code: '653227', lat: 37.0641, lon: 82.6959 };
const run = randomUUID().slice(0, 8);
const importStationId = `station-${IMPORT_COUNTY.code}-${run}`;
const walkInStationId = `station-${WALK_IN_COUNTY.code}-${run}`;
// The stations' own points, off their counties' centres, so that the default location is seen to be the station's.
const importStationPoint = { lat: IMPORT_COUNTY.lat + 0.01, lon: IMPORT_COUNTY.lon + 0.01 };
const walkInStationPoint = { lat: WALK_IN_COUNTY.lat - 0.02, lon: WALK_IN_COUNTY.lon + 0.02 };

const tokens = {
  admin: tokenFor({ sub: `admin-${run}`, role: 'admin', region: '100000' }),
  importStation: tokenFor({ sub: importStationId, role: 'station', region: IMPORT_COUNTY.code }),
  walkInStation: tokenFor({ sub: walkInStationId, role: 'station', region: WALK_IN_COUNTY.code }),
  agency: tokenFor({ sub: `agency-station-${run}`, role: 'agency', region: '650000' }),
};
const auth = (token: string) => `Bearer ${token}`;

/** Today in China (YYYY-MM-DD). */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const usedIds = new Set<string>();
/** A valid resident ID number of `county`, not handed out before in this run. */
function residentId(county: string): string {
  for (;;) {
    const birthDate = `19${randomInt(70, 100)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
    const id = makeResidentId({ regionCode: county, birthDate, gender: randomInt(0, 2) ? 'male' : 'female' });
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    return id;
  }
}
const usedPhones = new Set<string>();
function mobile(): string {
  for (;;) {
    const phone = `13${randomInt(0, 10)}${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
    if (usedPhones.has(phone)) continue;
    usedPhones.add(phone);
    return phone;
  }
}
/** The same number with a check character that does not match. */
function wrongCheck(id: string): string {
  const right = residentIdCheckCharacter(id.slice(0, 17));
  return id.slice(0, 17) + (right === '0' ? '1' : '0');
}

interface ListRow {
  序号: number;
  姓名: string;
  身份证号码: string;
  手机号: string;
  技能: string;
}

/**
 * 200 rows as a station keeps them, five of them bad (each in its own way). Returns the rows and
 * the spreadsheet row numbers (header = row 1) of the bad ones.
 */
function workerList(idNumbers: string[]): { rows: ListRow[]; badRowNumbers: number[]; duplicatedRow: number } {
  const rows: ListRow[] = idNumbers.map((idNumber, i) => ({
    序号: i + 1,
    姓名: `测试${run.slice(0, 4)}${i}`,
    身份证号码: idNumber,
    手机号: mobile(),
    技能: i % 3 === 0 ? '焊工:3、电工' : '',
  }));
  const bad = [17, 42, 88, 120, 163];
  rows[bad[0]].身份证号码 = wrongCheck(rows[bad[0]].身份证号码);
  rows[bad[1]].姓名 = '';
  rows[bad[2]].手机号 = '1234567';
  rows[bad[3]].身份证号码 = rows[5].身份证号码; // already in an earlier row of the file
  rows[bad[4]].技能 = '不存在的技能';
  return { rows, badRowNumbers: bad.map((i) => i + 2), duplicatedRow: 5 + 2 };
}

async function writeXlsx(rows: ListRow[], path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('劳动力名单');
  sheet.columns = (['序号', '姓名', '身份证号码', '手机号', '技能'] as const).map((key) => ({ header: key, key }));
  sheet.addRows(rows);
  await workbook.xlsx.writeFile(path);
}

describe('station console: register, find, import, the worker page (real apps, Kafka, OpenSearch, PostgreSQL)', () => {
  jest.setTimeout(TEST_TIMEOUT);
  let stack: ConsoleStack;
  let workers: ConsoleStack['workers'];
  let consoleUrl: string;
  let page: Page;
  let dir: string;
  /** The walk-in worker registered through the form (the live feed's test picks it up from here). */
  const registered = { id: '', idNumber: '', phone: mobile() };

  beforeAll(async () => {
    stack = await startConsoleStack(`station-${run}`);
    ({ workers, consoleUrl, page } = stack);
    dir = mkdtempSync(join(tmpdir(), 'laowu-console-station-'));
    for (const [id, code, location] of [
      [importStationId, IMPORT_COUNTY.code, importStationPoint],
      [walkInStationId, WALK_IN_COUNTY.code, walkInStationPoint],
    ] as const) {
      await createStation(stack, tokens.admin, { id, name: `就业服务站 ${code} ${run}`, regionCode: code, location });
    }
    [registered.idNumber] = await unregisteredIds(WALK_IN_COUNTY.code, 1);
  }, TEST_TIMEOUT);

  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await stack?.close();
  });

  /**
   * `n` ID numbers of `county` that no earlier run registered (the test database outlives runs):
   * each one looked up by the admin first.
   */
  const unregisteredIds = async (county: string, n: number): Promise<string[]> => {
    const out: string[] = [];
    while (out.length < n) {
      const candidates = Array.from({ length: n - out.length }, () => residentId(county));
      const found = await Promise.all(
        candidates.map(async (idNumber) => (await request(workers.url).post('/v1/workers/lookup').set('Authorization', auth(tokens.admin)).send({ idNumber }).expect(200)).body.items.length),
      );
      out.push(...candidates.filter((_, i) => found[i] === 0));
    }
    return out;
  };

  const ownTotal = async (token: string) =>
    (await request(workers.url).get('/v1/workers').query({ pageSize: 1 }).set('Authorization', auth(token)).expect(200)).body.total as number;

  it('checks the ID number as the browser does (GB 11643 MOD 11-2), and reads CSV and headers', async () => {
    await page.goto(`${consoleUrl}#/settings`);
    const sample = residentId(IMPORT_COUNTY.code);
    const samples = Array.from({ length: 50 }, () => Array.from({ length: 17 }, () => randomInt(0, 10)).join(''));
    // A string, so that the test's compiler leaves the browser's dynamic import() alone.
    const inBrowser = (await page.evaluate(`(async () => {
      const id = await import(new URL('resident-id.js', location.href).href);
      const file = await import(new URL('import-file.js', location.href).href);
      const samples = ${JSON.stringify(samples)};
      return {
        checks: samples.map((s) => id.checkCharacter(s)),
        problems: ['${sample}', '${wrongCheck(sample)}', '12345', '${sample.slice(0, 17)}Y'].map(id.residentIdProblem),
        csv: file.parseCsv('\\uFEFF姓名,"身份证号","备注"\\r\\n"王""五",1,"a,b\\nc"\\n'),
        columns: file.recogniseColumns(['序号', '身份证号', '姓名 *', '联系电话', '技能特长']),
      };
    })()`)) as { checks: string[]; problems: (string | undefined)[]; csv: string[][]; columns: Record<string, number> };
    expect(inBrowser.checks).toEqual(samples.map((s) => residentIdCheckCharacter(s)));
    expect(inBrowser.problems).toEqual([undefined, 'check', 'length', 'shape']);
    expect(inBrowser.csv).toEqual([
      ['\uFEFF姓名', '身份证号', '备注'],
      ['王"五', '1', 'a,b\nc'],
    ]);
    expect(inBrowser.columns).toEqual({ idNumber: 1, name: 2, phone: 3, skills: 4 });
  });

  it('imports an .xlsx list: the preview names exactly the bad rows; importing it twice registers the good rows once', async () => {
    const { rows, badRowNumbers, duplicatedRow } = workerList(await unregisteredIds(IMPORT_COUNTY.code, 200));
    const file = join(dir, `名单-${run}.xlsx`);
    await writeXlsx(rows, file);
    const good = rows.length - badRowNumbers.length;

    await stack.signInAs(tokens.importStation);
    const importOnce = async (shots: boolean) => {
      await page.goto(`${consoleUrl}#/import`);
      await page.locator('#import-file').setInputFiles(file);
      await page.locator('#import-mapping-form').waitFor();
      // The columns are recognised from their Chinese headers.
      await expect(page.locator('#map-idNumber').inputValue()).resolves.toBe('2');
      await expect(page.locator('#map-name').inputValue()).resolves.toBe('1');
      await expect(page.locator('#map-phone').inputValue()).resolves.toBe('3');
      await expect(page.locator('#map-skills').inputValue()).resolves.toBe('4');
      await page.locator('#import-preview').click();
      const preview = page.locator('#import-preview-result');
      await preview.waitFor();
      const shown = await page.locator('#import-bad-rows tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-row'))));
      expect(shown.sort((a, b) => a - b)).toEqual(badRowNumbers);
      // The duplicate names the row it repeats as the spreadsheet numbers it.
      await expect(page.locator(`#import-bad-rows tr[data-row="${badRowNumbers[3]}"]`).textContent()).resolves.toContain(`第 ${duplicatedRow} 行`);
      // The ledger's commonest mistakes in the staff's words, each said once.
      const why = (n: number) => page.locator(`#import-bad-rows tr[data-row="${badRowNumbers[n]}"] td`).textContent();
      await expect(why(0)).resolves.toBe('数据有误 — 身份证号码：校验位不对（请核对最后一位）');
      await expect(why(1)).resolves.toBe('数据有误 — 姓名：未填写');
      await expect(why(2)).resolves.toBe('数据有误 — 手机号码：须为 11 位大陆手机号（13–19 开头）');
      if (shots) await stack.shotBothWidths('station-import-preview');
      const valid = Number(await preview.getAttribute('data-valid'));
      const alreadyRegistered = Number(await preview.getAttribute('data-exists'));
      await page.locator('#import-start').click();
      const result = page.locator('#import-result');
      await result.waitFor();
      if (shots) await stack.shotBothWidths('station-import-result');
      return {
        valid,
        alreadyRegistered,
        created: Number(await result.getAttribute('data-created')),
        exists: Number(await result.getAttribute('data-exists')),
        failed: Number(await result.getAttribute('data-failed')),
      };
    };

    const first = await importOnce(true);
    expect([first.valid, first.alreadyRegistered]).toEqual([good, 0]);
    expect([first.created, first.exists, first.failed]).toEqual([good, 0, badRowNumbers.length]);
    expect(await ownTotal(tokens.importStation)).toBe(good);

    const second = await importOnce(false);
    expect([second.valid, second.alreadyRegistered]).toEqual([0, good]);
    expect([second.created, second.exists, second.failed]).toEqual([0, good, badRowNumbers.length]);
    expect(await ownTotal(tokens.importStation)).toBe(good);

    // A good row as the API has it: the station's county and point, the skills by their codes.
    const withSkills = rows[3];
    const found = await request(workers.url).post('/v1/workers/lookup').set('Authorization', auth(tokens.importStation)).send({ idNumber: withSkills.身份证号码 }).expect(200);
    expect(found.body.items).toHaveLength(1);
    expect(found.body.items[0]).toMatchObject({
      stationId: importStationId,
      homeRegionCode: IMPORT_COUNTY.code,
      residenceRegionCode: IMPORT_COUNTY.code,
      skills: expect.arrayContaining([{ code: 'welding', level: 3 }, { code: 'electrician', level: 1 }]),
    });
    expect(found.body.items[0].location.lat).toBeCloseTo(importStationPoint.lat, 2);
    expect(found.body.items[0].location.lon).toBeCloseTo(importStationPoint.lon, 2);
  });

  it('registers a walk-in worker with three fields, finds them, records unemployment and a follow-up; the feed then pushes a job, and a hire moves its filled count', async () => {
    await stack.signInAs(tokens.walkInStation);
    await page.goto(`${consoleUrl}#/register`);
    // The check digit is checked as the number is typed.
    await page.locator('#register-id').fill(wrongCheck(registered.idNumber));
    await expect(page.locator('#register-id-hint').textContent()).resolves.toContain('校验位不对');
    await page.locator('#register-id').fill(registered.idNumber);
    await expect(page.locator('#register-id-hint').textContent()).resolves.toContain('校验位正确');
    await page.locator('#register-name').fill('阿依古丽');
    await page.locator('#register-phone').fill(registered.phone);
    await stack.shotBothWidths('station-register');
    await page.locator('#register-submit').click();
    await page.waitForURL(/#\/worker\/[0-9a-f-]{36}$/);
    registered.id = decodeURIComponent(page.url().split('#/worker/')[1]);
    await page.locator('#worker-profile dd[data-field="idNumber"]').waitFor();
    await expect(page.locator('#worker-profile dd[data-field="idNumber"]').textContent()).resolves.toMatch(/^6532\*+\d{3}[\dX]$/);

    const stored = (await request(workers.url).get(`/v1/workers/${registered.id}`).set('Authorization', auth(tokens.walkInStation)).expect(200)).body;
    expect(stored).toMatchObject({ stationId: walkInStationId, homeRegionCode: WALK_IN_COUNTY.code, residenceRegionCode: WALK_IN_COUNTY.code, skills: [] });
    expect(stored.location.lat).toBeCloseTo(walkInStationPoint.lat, 2);
    expect(stored.location.lon).toBeCloseTo(walkInStationPoint.lon, 2);
    expect(stored.phone).toBe(`${registered.phone.slice(0, 3)}****${registered.phone.slice(7)}`);

    // Registering the same number again opens the worker already registered.
    await page.goto(`${consoleUrl}#/register`);
    await page.locator('#register-id').fill(registered.idNumber);
    await page.locator('#register-name').fill('另一个名字');
    await page.locator('#register-phone').fill(mobile());
    await page.locator('#register-submit').click();
    await page.waitForURL(new RegExp(`#/worker/${registered.id}$`));
    expect(await ownTotal(tokens.walkInStation)).toBe(1);

    // What registration left at its defaults is changed on the worker's page.
    // Skills are found by their Chinese name and shown by it; the home (户籍地, often not where the
    // worker now lives) is picked from the region lists.
    const welding = ((await request(stack.jobs.url).get('/v1/reference/skills').query({ q: '电焊' }).set('Authorization', auth(tokens.walkInStation)).expect(200)).body as { code: string; name: string }[])
      .find((skill) => skill.code === 'welding')!;
    const [elsewhere] = ((await request(stack.jobs.url).get('/v1/reference/regions').query({ parent: `${WALK_IN_COUNTY.code.slice(0, 4)}00` }).set('Authorization', auth(tokens.walkInStation)).expect(200)).body as { code: string; name: string }[])
      .filter((region) => region.code !== WALK_IN_COUNTY.code);
    await page.locator('#worker-edit summary').click();
    await page.locator('#edit-skill-search').fill('电焊');
    await page.locator('#edit-skill-search-hits button[data-code="welding"]').click();
    await page.locator('#edit-skills-chosen select[data-level="welding"]').selectOption('2');
    await page.locator('select[name="edit-home-county"]').selectOption(elsewhere.code);
    await stack.shotBothWidths('station-worker-edit');
    await page.locator('#worker-edit-form-submit').click();
    await page.locator('#worker-profile dd[data-field="skills"]').getByText(`${welding.name} L2`).waitFor();
    await page.locator('#worker-profile dd[data-field="home"]').getByText(`${elsewhere.name} ${elsewhere.code}`).waitFor();
    const edited = (await request(workers.url).get(`/v1/workers/${registered.id}`).set('Authorization', auth(tokens.walkInStation)).expect(200)).body;
    expect(edited.skills).toEqual([{ code: 'welding', level: 2 }]);
    expect(edited.homeRegionCode).toBe(elsewhere.code);
    expect(edited.residenceRegionCode).toBe(WALK_IN_COUNTY.code);
    expect(edited.version).toBe(stored.version + 1);

    // In the station's list, and found by the mobile number.
    await page.goto(`${consoleUrl}#/workers`);
    await page.locator(`#workers-list li.worker-row[data-worker-id="${registered.id}"]`).waitFor();
    await expect(page.locator('#workers-total').getAttribute('data-total')).resolves.toBe(String(await ownTotal(tokens.walkInStation)));
    await page.locator('#lookup-number').fill(registered.phone);
    await page.locator('#lookup-submit').click();
    await page.locator(`#lookup-results li.worker-row[data-worker-id="${registered.id}"]`).waitFor();
    await stack.shotBothWidths('station-workers');

    // A full-time local job near the station, posted now (no push of its own: neither gig nor cross-region);
    // searchable before the worker becomes unemployed, so it is among their best jobs then.
    const job = (
      await request(stack.jobs.url)
        .post('/v1/jobs')
        .set('Authorization', auth(tokens.agency))
        .send({
          title: `民丰县钢构厂焊工-${run}`,
          description: '民丰县工业园，包住',
          kind: 'fulltime',
          skills: [{ code: 'welding', minLevel: 1 }],
          headcount: 2,
          wage: { min: 4500, max: 5500, unit: 'month' },
          location: { regionCode: WALK_IN_COUNTY.code, lat: walkInStationPoint.lat + 0.003, lon: walkInStationPoint.lon + 0.003, address: '民丰县工业园' },
          startAt: inDays(3),
        })
        .expect(201)
    ).body;
    await eventually(async () => {
      const found = await request(stack.matching.url).post('/v1/search/jobs').set('Authorization', auth(tokens.walkInStation)).send({ q: run, regionCode: WALK_IN_COUNTY.code }).expect(200);
      expect(found.body.items.map((hit: { jobId: string }) => hit.jobId)).toContain(job.id);
    }, WAIT, 500);

    // Unemployment recorded on the worker's page.
    await page.locator(`#lookup-results li.worker-row[data-worker-id="${registered.id}"] a`).click();
    await page.locator('#status-form').waitFor();
    await page.locator('#status-new').selectOption('unemployed');
    await page.locator('#status-basis').selectOption('residence');
    await page.locator('#status-form-submit').click();
    await page.locator('#worker-status[data-status="unemployed"]').waitFor();
    const history = (await request(workers.url).get(`/v1/workers/${registered.id}/employment-status`).set('Authorization', auth(tokens.walkInStation)).expect(200)).body;
    expect(history.at(-1)).toMatchObject({ status: 'unemployed', effectiveDate: chinaToday(), regionCode: WALK_IN_COUNTY.code });

    // A call logged.
    await page.locator('#follow-up-kind').selectOption('call');
    await page.locator('#follow-up-outcome').selectOption('unemployed');
    await page.locator('#follow-up-note').fill('电话联系，正在找工作');
    await page.locator('#follow-up-form-submit').click();
    await page.locator('#worker-follow-ups li[data-kind="call"]').waitFor();
    const followUps = (await request(workers.url).get(`/v1/workers/${registered.id}/follow-ups`).set('Authorization', auth(tokens.walkInStation)).expect(200)).body;
    expect(followUps).toEqual([expect.objectContaining({ kind: 'call', outcome: 'unemployed', note: '电话联系，正在找工作' })]);
    await page.locator('#worker-matches .empty, #worker-matches li.worker-match, #worker-matches .error').first().waitFor();

    // A complaint the station filed for the worker (job-collection learns of the worker through Kafka first).
    const filed = await eventually(
      async () =>
        (
          await request(stack.jobs.url)
            .post('/v1/complaints')
            .set('Authorization', auth(tokens.walkInStation))
            .send({ workerId: registered.id, employer: { name: '民丰县某建筑公司', regionCode: WALK_IN_COUNTY.code }, kind: 'wage_arrears', amount: 3600, description: '拖欠两个月工资' })
            .expect(201)
        ).body,
      WAIT,
      500,
    );
    await page.reload();
    const complaint = page.locator(`#worker-complaints li[data-complaint-id="${filed.id}"]`);
    await complaint.waitFor();
    await expect(complaint.textContent()).resolves.toContain('拖欠工资');
    await expect(complaint.getAttribute('data-status')).resolves.toBe(filed.status);
    await stack.shotBothWidths('station-worker');

    // The feed: the unemployment made the worker available, and the job came to the station as a worker_available push.
    await page.goto(`${consoleUrl}#/feed`);
    const match = page.locator(`section.job-card[data-job-id="${job.id}"] article.match[data-worker-id="${registered.id}"]`);
    await match.waitFor();
    const pushed = (await request(stack.dispatch.url).get(`/v1/stations/${walkInStationId}/matches`).set('Authorization', auth(tokens.walkInStation)).expect(200)).body.items;
    expect(pushed.filter((m: { jobId: string }) => m.jobId === job.id)).toEqual([expect.objectContaining({ workerId: registered.id, trigger: 'worker_available' })]);
    await expect(match.getAttribute('data-trigger')).resolves.toBe('worker_available');

    // Offer, accept, record the hire: the job's filled count moves.
    await match.locator('button[data-action="offer"]').click();
    await match.locator('button[data-action="accept"]').click();
    await page.locator(`section.job-card[data-job-id="${job.id}"] article.match[data-worker-id="${registered.id}"][data-status="accepted"]`).waitFor();
    await match.locator('button[data-action="hire"]').click();
    const hire = match.locator('form.hire-form');
    await hire.getByLabel('用工单位名称').fill('民丰县某钢构厂');
    await hire.locator('button[type="submit"]').click();
    await match.locator('.badge.hired').waitFor();
    await eventually(async () => {
      const stored = (await request(stack.jobs.url).get(`/v1/jobs/${job.id}`).set('Authorization', auth(tokens.agency)).expect(200)).body;
      expect(stored.filled).toBe(job.filled + 1);
    }, WAIT, 500);
    await page.locator(`section.job-card[data-job-id="${job.id}"] .seats[data-filled="${job.filled + 1}"]`).waitFor();
    await stack.shotBothWidths('station-feed-hired');
  });

  it('never put a token into a URL, and raised no page errors or policy violations', () => {
    for (const token of Object.values(tokens)) {
      expect(stack.requestedUrls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]))).toEqual([]);
    }
    expect(stack.pageErrors).toEqual([]);
    expect(stack.policyViolations).toEqual([]);
  });
});
