/**
 * The coordinator's pages of the console (点对点劳务输出) in a real browser against the four real
 * apps: the batch list, a batch built by picking a job (found by its title) and workers from the
 * willing-to-migrate list, the check-in list (tick, board, depart, arrive) and the printable
 * manifest (one A4 page per 40 workers); then a batch seated from the workers who accepted a match
 * for its job (never one of another region); then jobs found by their posting agency, and a batch
 * planned with its escort (带队联系人), whose name and phone the manifest prints. Every step is
 * checked through the API afterwards.
 *
 * Screenshots go to test-results/console/coord-*.png.
 */
import { makeResidentId } from '@laowu/domain';
import { eventually, inDays, tokenFor } from '@laowu/testkit';
import type { Locator, Page } from 'playwright-core';
import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { workersIndex } from '../../apps/matching/src/indexing/index-definitions';
import { startConsoleStack, TEST_TIMEOUT, WAIT, type ConsoleStack } from '../support/console-browser';
import { untilSearchable } from '../support/search';

// A county no other test uses (巴塘县, 甘孜州, 四川): the willing-to-migrate list there is this file's.
const COUNTY = { code: '513335', name: '巴塘县', lat: 30.0047, lon: 99.1107 };
// Another county (乡城县, 甘孜州) whose worker's accepted match the coordinator must not see.
const OTHER_COUNTY = { code: '513336', name: '乡城县', lat: 28.9312, lon: 99.7984 };
// The cross-region job's place (南海区, 佛山, 广东).
const DESTINATION = { code: '440605', name: '南海区', lat: 23.029, lon: 113.1434 };
const run = randomUUID().slice(0, 8);
const stationId = `station-${COUNTY.code}-${run}`;
const coordinatorId = `coordinator-${COUNTY.code}-${run}`;
const WORKERS = 45;
const BIG_BATCH = 42;
const otherStationId = `station-${OTHER_COUNTY.code}-${run}`;

const tokens = {
  station: tokenFor({ sub: stationId, role: 'station', region: COUNTY.code }),
  otherStation: tokenFor({ sub: otherStationId, role: 'station', region: OTHER_COUNTY.code }),
  agency: tokenFor({ sub: `agency-coord-${run}`, role: 'agency', region: '440600' }),
  otherAgency: tokenFor({ sub: `agency-other-${run}`, role: 'agency', region: '440600' }),
  coordinator: tokenFor({ sub: coordinatorId, role: 'coordinator', region: COUNTY.code }),
};
const auth = (token: string) => `Bearer ${token}`;

interface Seat { workerId: string; status: string }

describe('coordinator pages in a browser: batch list, builder, check-in, printable manifest', () => {
  jest.setTimeout(TEST_TIMEOUT);
  let stack: ConsoleStack;
  let page: Page;
  let consoleUrl: string;
  let dispatchUrl: string;
  let workerIds: string[];
  let jobId: string;
  let bigBatchId: string;
  let batchId: string;
  const jobTitle = `南海电子厂普工-${run}`;

  const coordinatorGet = (path: string) => request(dispatchUrl).get(path).set('Authorization', auth(tokens.coordinator)).expect(200);
  const batch = async (id: string) => (await coordinatorGet(`/v1/dispatch/batches/${id}`)).body;
  const statusOf = (seats: Seat[]) => Object.fromEntries(seats.map((s) => [s.workerId, s.status]));
  /** The builder's search for a job by its title, repeated until the job's box is there (the job index refreshes on its own schedule). */
  const builderJobHit = async (title: string, id: string) => {
    await page.locator('#builder-q').fill(title);
    const hit = page.locator(`li.job-pick[data-job-id="${id}"] input[type="checkbox"]`);
    await eventually(async () => {
      await page.locator('#builder-search').click();
      await hit.waitFor({ timeout: 5_000 });
    }, WAIT, 1000);
    return hit;
  };

  /** Ticks a worker in a picker, paging through the list from its first page until the worker's row shows. */
  async function pick(scope: Locator, workerId: string): Promise<void> {
    const box = scope.locator(`li.pick[data-worker-id="${workerId}"] input[type="checkbox"]`);
    const [previous, next] = [scope.locator('.pager button').first(), scope.locator('.pager button').last()];
    const ready = () => scope.locator('.picker-rows[data-state="ready"]').waitFor();
    await ready();
    while ((await previous.count()) && (await previous.isEnabled())) {
      await previous.click();
      await ready();
    }
    for (;;) {
      if (await box.count()) return box.check();
      if (!(await next.count()) || (await next.isDisabled())) throw new Error(`worker ${workerId} is not on the list`);
      await next.click();
      await ready();
    }
  }

  beforeAll(async () => {
    stack = await startConsoleStack(run);
    ({ page, consoleUrl } = stack);
    dispatchUrl = stack.dispatch.url;

    const birthDate = `19${randomInt(75, 100)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
    const registered = await request(stack.workers.url)
      .post('/v1/workers/bulk')
      .set('Authorization', auth(tokens.station))
      .send({
        workers: Array.from({ length: WORKERS }, (_, i) => ({
          idNumber: makeResidentId({ regionCode: COUNTY.code, birthDate, gender: i % 2 ? 'male' : 'female', sequence: i * 2 + (i % 2) }),
          name: `${'扎西卓玛次仁'[i % 6]}${'布木'[i % 2]}${'珍措'[i % 2]}`,
          phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
          homeRegionCode: COUNTY.code,
          residenceRegionCode: COUNTY.code,
          location: { lat: COUNTY.lat, lon: COUNTY.lon },
          stationId,
          priorityGroups: i % 3 === 0 ? ['poverty_alleviated'] : [],
          preferences: { kinds: ['fulltime'], willingToMigrate: true, targetRegionCodes: ['440000'] },
        })),
      })
      .expect(200);
    expect(registered.body.results.map((r: { status: string }) => r.status)).toEqual(Array(WORKERS).fill('created'));
    workerIds = registered.body.results.map((r: { id: string }) => r.id);

    jobId = (
      await request(stack.jobs.url)
        .post('/v1/jobs')
        .set('Authorization', auth(tokens.agency))
        .send({
          externalId: `COORD-${run}`,
          title: jobTitle,
          description: '南海区电子厂流水线普工，包吃住，点对点接送',
          kind: 'fulltime',
          headcount: 100,
          wage: { min: 5200, max: 6500, unit: 'month' },
          location: { regionCode: DESTINATION.code, lat: DESTINATION.lat, lon: DESTINATION.lon, address: '佛山市南海区狮山镇工业园' },
          crossRegion: { sourceRegionCodes: [COUNTY.code] },
          startAt: inDays(5),
          benefits: { housing: true, meals: true, transport: true, injuryInsurance: true },
        })
        .expect(201)
    ).body.id;

    // A 42-worker batch for the printed manifest. Planning it waits until dispatch knows the job,
    // and seating everyone until it knows every worker (both come through Kafka); the first three
    // are then taken off again for the browser to pick.
    bigBatchId = (
      await eventually(
        () =>
          request(dispatchUrl)
            .post('/v1/dispatch/batches')
            .set('Authorization', auth(tokens.coordinator))
            .send({
              originRegionCode: COUNTY.code,
              destination: { jobIds: [jobId], regionCode: DESTINATION.code, address: '佛山市南海区狮山镇工业园', employer: '南海某电子厂' },
              departAt: inDays(3),
              transport: { mode: 'train', capacity: WORKERS },
            })
            .expect(201),
        WAIT,
        500,
      )
    ).body.id;
    await eventually(
      async () => {
        const seated = await request(dispatchUrl).post(`/v1/dispatch/batches/${bigBatchId}/workers`).set('Authorization', auth(tokens.coordinator)).send({ workerIds }).expect(200);
        expect(seated.body.seated.length + seated.body.alreadySeated.length).toBe(WORKERS);
      },
      WAIT,
      500,
    );
    for (const workerId of workerIds.slice(0, 3)) {
      await request(dispatchUrl).delete(`/v1/dispatch/batches/${bigBatchId}/workers/${workerId}`).set('Authorization', auth(tokens.coordinator)).expect(200);
    }
  }, TEST_TIMEOUT);

  afterAll(async () => {
    await stack?.close();
  });

  it("lists the coordinator's batches to open, as the API lists them", async () => {
    await stack.signInAs(tokens.coordinator);
    await page.goto(`${consoleUrl}#/board`);
    await page.locator('#batch-list[data-state="ready"]').waitFor();
    const listed = (await coordinatorGet('/v1/dispatch/batches')).body.items as { id: string; state: string; seatsTaken: number }[];
    expect(listed).toEqual([expect.objectContaining({ id: bigBatchId, state: 'planned', seatsTaken: BIG_BATCH })]);
    const rows = await page.locator('#batch-list tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-batch-id'), tr.getAttribute('data-state'), tr.lastElementChild?.textContent]));
    expect(rows).toEqual(listed.map((b) => [b.id, b.state, `${b.seatsTaken} / ${WORKERS}`]));
    await stack.shotBothWidths('coord-list');
    await page.locator(`#batch-list tr[data-batch-id="${bigBatchId}"] a`).click();
    await page.locator(`.batch-summary[data-batch-id="${bigBatchId}"]`).waitFor();
  });

  it('builds a batch by picking a job found by its title and workers from the willing-to-migrate list, never past its seats', async () => {
    const [first, second, third] = workerIds;
    const onBigBatch = workerIds[3];
    await page.goto(`${consoleUrl}#/board`);
    await page.locator('#batch-new').click();
    const hit = await builderJobHit(jobTitle, jobId);
    // By keyboard: focus the job's box, tick it with the space bar.
    await hit.focus();
    await page.keyboard.press('Space');
    await expect(hit.isChecked()).resolves.toBe(true);
    await expect(page.locator('#builder-destination').getAttribute('data-code')).resolves.toBe(DESTINATION.code);
    await page.locator('#builder-destination').getByText(`${DESTINATION.name} ${DESTINATION.code}`).waitFor();
    await expect(page.locator('#builder-address').inputValue()).resolves.toBe('佛山市南海区狮山镇工业园');
    await page.locator('#builder-employer').fill('南海某电子厂');

    // Three seats: three picked, every other box is disabled.
    const picker = page.locator('#batch-builder #worker-picker');
    await page.locator('#builder-capacity').fill('3');
    for (const workerId of [first, second, onBigBatch]) await pick(picker, workerId);
    const count = page.locator('#picker-count');
    await expect(count.getAttribute('data-picked')).resolves.toBe('3');
    await expect(count.getAttribute('data-capacity')).resolves.toBe('3');
    await expect(picker.locator('li.pick input:not(:checked)').count()).resolves.toBeGreaterThan(0);
    await expect(picker.locator('li.pick input:not(:checked):not(:disabled)').count()).resolves.toBe(0);
    // Fewer seats than picked: the batch cannot be created until that is fixed.
    await page.locator('#builder-capacity').fill('2');
    await expect(page.locator('#builder-submit').isDisabled()).resolves.toBe(true);
    await expect(count.getAttribute('class')).resolves.toContain('over');
    await page.locator('#builder-capacity').fill('3');
    await expect(page.locator('#builder-submit').isEnabled()).resolves.toBe(true);
    // The masked names are the list's, as worker-profiles answers the coordinator.
    const willing = (await request(stack.workers.url).get('/v1/lists/willing-to-migrate').query({ regionCode: COUNTY.code, pageSize: 1000 }).set('Authorization', auth(tokens.coordinator)).expect(200)).body.items as { id: string; name: string }[];
    const nameOf = new Map(willing.map((w) => [w.id, w.name]));
    await expect(picker.locator('.picker-chosen').textContent()).resolves.toBe(`已选：${[first, second, onBigBatch].map((id) => nameOf.get(id)).join('、')}`);
    expect(nameOf.get(first)).toMatch(/^.\*+$/);
    await stack.shotBothWidths('coord-builder');

    await page.locator('#builder-submit').click();
    await page.locator('#batch-state[data-state="planned"]').waitFor();
    batchId = decodeURIComponent(new URL(page.url()).hash.replace('#/board/', ''));
    // The API's own rule for the worker already on the other batch is shown.
    await expect(page.locator('#seat-result').textContent()).resolves.toMatch(/入座 2.*未通过 1.*another active batch/);
    const planned = await batch(batchId);
    expect(planned).toMatchObject({
      state: 'planned', originRegionCode: COUNTY.code, coordinatorId, seatsTaken: 2, seatsLeft: 1,
      destination: { jobIds: [jobId], regionCode: DESTINATION.code, address: '佛山市南海区狮山镇工业园', employer: '南海某电子厂' },
      transport: { mode: 'bus', capacity: 3 },
    });
    expect(statusOf(planned.workers)).toEqual({ [first]: 'seated', [second]: 'seated' });

    // The seat left, filled from the batch page.
    await page.locator('#batch-add summary').click();
    await pick(page.locator('#batch-add'), third);
    await page.locator('#batch-add-submit').click();
    await page.locator(`#manifest tr[data-worker-id="${third}"][data-status="seated"]`).waitFor();
    await expect(page.locator('#batch-seats').getAttribute('data-seats-left')).resolves.toBe('0');
    expect(statusOf((await batch(batchId)).workers)).toEqual({ [first]: 'seated', [second]: 'seated', [third]: 'seated' });
    await expect(page.locator(`#manifest tr[data-worker-id="${first}"]`).textContent()).resolves.toContain(nameOf.get(first));
  });

  it('checks workers in by ticking them, boards the ticked, then departs and arrives', async () => {
    const [first, second, third] = workerIds;
    const row = (workerId: string) => page.locator(`#manifest tr[data-worker-id="${workerId}"]`);
    await row(first).locator('input[type="checkbox"]').check();
    await row(second).locator('input[type="checkbox"]').focus();
    await page.keyboard.press('Space');
    await expect(page.locator('#checkin-board').textContent()).resolves.toContain('2');
    await stack.shotBothWidths('coord-checkin');
    await page.locator('#checkin-board').click();
    await page.locator(`#manifest tr[data-worker-id="${second}"][data-status="boarded"]`).waitFor();
    await page.locator('#batch-state[data-state="boarding"]').waitFor();
    const boarding = await batch(batchId);
    expect(boarding.state).toBe('boarding');
    expect(statusOf(boarding.workers)).toEqual({ [first]: 'boarded', [second]: 'boarded', [third]: 'seated' });

    // English is one click away.
    await page.locator('#lang-switch').click();
    await page.locator('.check-in h3').getByText('Check-in').waitFor();
    await page.locator('#lang-switch').click();
    await page.locator('.check-in h3').getByText('登车点名').waitFor();

    await page.locator('.batch-summary button[data-action="depart"]').click();
    await page.locator('#batch-state[data-state="departed"]').waitFor();
    const departed = await batch(batchId);
    expect(departed.state).toBe('departed');
    expect(statusOf(departed.workers)).toEqual({ [first]: 'boarded', [second]: 'boarded', [third]: 'no_show' });

    await page.locator('.batch-summary button[data-action="arrive"]').click();
    await page.locator('#batch-state[data-state="arrived"]').waitFor();
    const arrived = await batch(batchId);
    expect(arrived.state).toBe('arrived');
    expect(statusOf(arrived.workers)).toEqual({ [first]: 'arrived', [second]: 'arrived', [third]: 'no_show' });
    await stack.shotBothWidths('coord-arrived');
  });

  it('prints the manifest one A4 page per 40 workers, the header on every page', async () => {
    const big = await batch(bigBatchId);
    expect(big.workers).toHaveLength(BIG_BATCH);
    await page.goto(`${consoleUrl}#/board/${bigBatchId}/manifest`);
    await page.locator('#manifest-sheet[data-state="ready"]').waitFor();
    const pages = page.locator('.manifest-page');
    const expectedPages = Math.ceil(BIG_BATCH / 40);
    await expect(pages.count()).resolves.toBe(expectedPages);
    for (let i = 0; i < expectedPages; i++) {
      const sheet = pages.nth(i);
      await expect(sheet.locator('tbody tr').count()).resolves.toBe(Math.min(40, BIG_BATCH - i * 40));
      const head = (await sheet.locator('header.manifest-head').textContent()) ?? '';
      for (const text of [bigBatchId, COUNTY.name, DESTINATION.name, coordinatorId, `${i + 1} / ${expectedPages}`]) expect(head).toContain(text);
      await expect(sheet.locator('thead th').count()).resolves.toBe(7);
    }
    // Rows in the manifest's order, numbered on across pages.
    const printed = await page.locator('.manifest-page tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-worker-id'), tr.firstElementChild?.textContent]));
    expect(printed).toEqual(big.workers.map((w: Seat, i: number) => [w.workerId, String(i + 1)]));

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('header.top').isVisible()).resolves.toBe(false);
    await expect(page.evaluate(`getComputedStyle(document.querySelector('.manifest-page')).breakAfter`)).resolves.toBe('page');
    await stack.shotBothWidths('coord-manifest-print');
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pdfPages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pdfPages).toHaveLength(expectedPages);
    await page.emulateMedia({ media: null });
  });

  it('offers the workers who accepted a match for the picked job first, seats the ones picked there, and never shows a worker of another region', async () => {
    // Two workers of the county and one of 乡城县 (another county, whose station has its own token),
    // all willing to migrate and holding a forklift licence, and a forklift job recruiting from both
    // counties: matching pushes it to both stations. (The licence is a hard filter: the job goes to
    // these workers, not to the top 50 of every worker other runs keep in these counties.)
    const birthDate = `19${randomInt(75, 100)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
    const firstSequence = randomInt(100, 400) * 2;
    const register = async (county: typeof COUNTY, station: string, token: string, name: string, sequence: number) =>
      (
        await request(stack.workers.url)
          .post('/v1/workers')
          .set('Authorization', auth(token))
          .send({
            idNumber: makeResidentId({ regionCode: county.code, birthDate, gender: 'female', sequence }),
            name,
            phone: `137${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
            homeRegionCode: county.code,
            residenceRegionCode: county.code,
            location: { lat: county.lat, lon: county.lon },
            stationId: station,
            certificates: [{ code: 'forklift-license', level: 2, validUntil: '2031-06-30' }],
            preferences: { kinds: ['fulltime'], willingToMigrate: true, targetRegionCodes: ['440000'] },
          })
          .expect(201)
      ).body.id as string;
    const accepter = await register(COUNTY, stationId, tokens.station, '央金拉姆', firstSequence);
    const seatedElsewhere = await register(COUNTY, stationId, tokens.station, '泽仁卓玛', firstSequence + 2);
    const outsider = await register(OTHER_COUNTY, otherStationId, tokens.otherStation, '次仁曲珍', firstSequence);
    // Searchable, not only indexed: the job's candidates are searched for the moment it is announced.
    await untilSearchable(workersIndex(stack.matching.config.SEARCH_INDEX_PREFIX).alias, [accepter, seatedElsewhere, outsider], WAIT);
    const forkliftTitle = `南海电子厂叉车工-${run}`;
    const forkliftJobId = (
      await request(stack.jobs.url)
        .post('/v1/jobs')
        .set('Authorization', auth(tokens.agency))
        .send({
          externalId: `COORD-FORKLIFT-${run}`,
          title: forkliftTitle,
          description: '南海区电子厂仓库叉车工，持证上岗，包吃住，点对点接送',
          kind: 'fulltime',
          headcount: 20,
          wage: { min: 6000, max: 7200, unit: 'month' },
          location: { regionCode: DESTINATION.code, lat: DESTINATION.lat, lon: DESTINATION.lon, address: '佛山市南海区狮山镇工业园B区' },
          crossRegion: { sourceRegionCodes: [COUNTY.code, OTHER_COUNTY.code] },
          requiredCertificates: [{ code: 'forklift-license' }],
          startAt: inDays(6),
        })
        .expect(201)
    ).body.id as string;

    // Each station accepts its workers' matches, as the live feed's 接受 button does; one of the
    // county's two is then seated on the 42-worker batch (it has seats left).
    const acceptMatch = async (station: string, token: string, workerId: string) => {
      const matchId = await eventually(async () => {
        const stored = (await request(dispatchUrl).get(`/v1/stations/${station}/matches`).query({ limit: 500 }).set('Authorization', auth(token)).expect(200)).body.items;
        const found = stored.find((m: { jobId: string; workerId: string }) => m.jobId === forkliftJobId && m.workerId === workerId);
        expect(found).toBeDefined();
        return found.matchId as string;
      }, WAIT, 1000);
      await request(dispatchUrl).post(`/v1/matches/${matchId}/accept`).set('Authorization', auth(token)).expect(200);
    };
    await acceptMatch(otherStationId, tokens.otherStation, outsider);
    await acceptMatch(stationId, tokens.station, seatedElsewhere);
    await acceptMatch(stationId, tokens.station, accepter);
    const seatedThere = await request(dispatchUrl).post(`/v1/dispatch/batches/${bigBatchId}/workers`).set('Authorization', auth(tokens.coordinator)).send({ workerIds: [seatedElsewhere] }).expect(200);
    expect(seatedThere.body.seated).toEqual([seatedElsewhere]);
    const acceptedFor = async (token: string) =>
      (await request(dispatchUrl).get('/v1/dispatch/accepted-matches').query({ jobIds: forkliftJobId }).set('Authorization', auth(token)).expect(200)).body.items as { workerId: string; onActiveBatch: boolean }[];
    // dispatch lists the coordinator the county's two (newest first), an admin the other county's too
    expect((await acceptedFor(tokens.coordinator)).map((m) => [m.workerId, m.onActiveBatch])).toEqual([[accepter, false], [seatedElsewhere, true]]);
    expect((await acceptedFor(tokenFor({ sub: `admin-${run}`, role: 'admin', region: '100000' }))).map((m) => m.workerId).sort()).toEqual([accepter, outsider, seatedElsewhere].sort());

    await page.goto(`${consoleUrl}#/board/new`);
    const hit = await builderJobHit(forkliftTitle, forkliftJobId);
    await hit.check();
    const acceptedSection = page.locator('#worker-picker #accepted-picker');
    await acceptedSection.locator('.accepted-rows[data-state="ready"]').waitFor();
    await expect(acceptedSection.locator('h5').textContent()).resolves.toBe('已接受匹配的劳动者（所选岗位）');
    const listedThere = () => acceptedSection.locator('li.pick').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-worker-id')));
    await expect(listedThere()).resolves.toEqual([accepter, seatedElsewhere]);

    // Both are on the willing-to-migrate list too, and show only once: among the accepted.
    const willing = (await request(stack.workers.url).get('/v1/lists/willing-to-migrate').query({ regionCode: COUNTY.code, pageSize: 1000 }).set('Authorization', auth(tokens.coordinator)).expect(200)).body.items as { id: string; name: string }[];
    const nameOf = new Map(willing.map((w) => [w.id, w.name]));
    expect(nameOf.has(accepter) && nameOf.has(seatedElsewhere)).toBe(true);
    const willingSection = page.locator('#worker-picker .willing-picker');
    await willingSection.locator('.picker-rows[data-state="ready"]').waitFor();
    await expect(willingSection.locator(`li.pick[data-worker-id="${accepter}"], li.pick[data-worker-id="${seatedElsewhere}"]`).count()).resolves.toBe(0);
    await expect(page.locator(`#worker-picker li.pick[data-worker-id="${outsider}"]`).count()).resolves.toBe(0);

    // Masked names from the list; the job, and the seat elsewhere, said in the row.
    const accepterRow = acceptedSection.locator(`li.pick[data-worker-id="${accepter}"]`);
    await expect(accepterRow.locator('.pick-name').textContent()).resolves.toBe(nameOf.get(accepter));
    expect(nameOf.get(accepter)).toMatch(/^.\*+$/);
    await expect(accepterRow.locator('.pick-detail').textContent()).resolves.toContain(forkliftTitle);
    const seatedRow = acceptedSection.locator(`li.pick[data-worker-id="${seatedElsewhere}"]`);
    await expect(seatedRow.locator('input[type="checkbox"]').isDisabled()).resolves.toBe(true);
    await expect(seatedRow.locator('.badge.on-batch').textContent()).resolves.toBe('已在批次中');

    // Two seats: the accepter by keyboard from the accepted section, a worker from the willing list;
    // the count covers both sections and every other box is then disabled.
    await page.locator('#builder-capacity').fill('2');
    const accepterBox = accepterRow.locator('input[type="checkbox"]');
    await accepterBox.focus();
    await page.keyboard.press('Space');
    await expect(accepterBox.isChecked()).resolves.toBe(true);
    await expect(page.evaluate('document.activeElement?.value')).resolves.toBe(accepter);
    const fromWilling = workerIds[2];
    await pick(willingSection, fromWilling);
    const count = page.locator('#picker-count');
    await expect(count.getAttribute('data-picked')).resolves.toBe('2');
    await expect(page.locator('#worker-picker li.pick input:not(:checked):not(:disabled)').count()).resolves.toBe(0);
    await expect(page.locator('#worker-picker .picker-chosen').textContent()).resolves.toBe(`已选：${nameOf.get(accepter)}、${nameOf.get(fromWilling)}`);
    await stack.shotBothWidths('coord-builder-accepted');

    await page.locator('#builder-submit').click();
    await page.locator('#batch-state[data-state="planned"]').waitFor();
    const createdId = decodeURIComponent(new URL(page.url()).hash.replace('#/board/', ''));
    expect(createdId).not.toBe(batchId);
    const created = await batch(createdId);
    expect(created).toMatchObject({ state: 'planned', seatsTaken: 2, transport: { capacity: 2 }, destination: { jobIds: [forkliftJobId] } });
    const seats = (created.workers as { workerId: string; basis: string; jobId: string; status: string }[]).map(({ workerId, basis, jobId, status }) => ({ workerId, basis, jobId, status }));
    expect(seats.sort((a, b) => a.workerId.localeCompare(b.workerId))).toEqual(
      [
        { workerId: accepter, basis: 'accepted_match', jobId: forkliftJobId, status: 'seated' },
        { workerId: fromWilling, basis: 'willing_to_migrate', jobId: forkliftJobId, status: 'seated' },
      ].sort((a, b) => a.workerId.localeCompare(b.workerId)),
    );
  });

  // Issue 19: jobs by posting agency, and the escort on the manifest.
  const porterTitle = `南海仓库搬运工-${run}`;
  const [ownAgency, otherAgency] = [`agency-coord-${run}`, `agency-other-${run}`];
  const escort = { name: '格桑多吉', phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}` };
  let porterJobs: Record<string, string>;
  let escortedBatchId: string;

  const postPorterJob = async (token: string, n: number) =>
    (
      await request(stack.jobs.url)
        .post('/v1/jobs')
        .set('Authorization', auth(token))
        .send({
          externalId: `COORD-PORTER-${n}-${run}`,
          title: porterTitle,
          description: '物流园装卸搬运，日结',
          kind: 'fulltime',
          headcount: 20,
          wage: { min: 4800, max: 5600, unit: 'month' },
          location: { regionCode: DESTINATION.code, lat: DESTINATION.lat, lon: DESTINATION.lon, address: `佛山市南海区里水物流园${n}号库` },
          crossRegion: { sourceRegionCodes: [COUNTY.code] },
          startAt: inDays(6),
        })
        .expect(201)
    ).body.id as string;
  const searchIds = async (body: object) =>
    ((await request(stack.matching.url).post('/v1/search/jobs').set('Authorization', auth(tokens.coordinator)).send({ ...body, pageSize: 100 }).expect(200)).body.items as { jobId: string }[]).map((i) => i.jobId);
  const pickedJobIds = (scope: string) => page.locator(`${scope} li.job-pick`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-job-id')));

  it('searches jobs by posting agency (发布机构) and picks only that agency’s job', async () => {
    porterJobs = { [ownAgency]: await postPorterJob(tokens.agency, 1), [otherAgency]: await postPorterJob(tokens.otherAgency, 2) };
    // Both in the job index before the browser searches (it refreshes on its own schedule).
    await eventually(async () => expect((await searchIds({ q: porterTitle })).sort()).toEqual(Object.values(porterJobs).sort()), WAIT, 1000);
    await page.goto(`${consoleUrl}#/board`);
    await page.locator('#batch-new').click();
    await page.locator('#builder-q').fill(porterTitle);
    await page.locator('#builder-search').click();
    await page.locator('#builder-jobs li.job-pick').nth(1).waitFor();
    await expect(pickedJobIds('#builder-jobs').then((ids) => ids.sort())).resolves.toEqual(Object.values(porterJobs).sort());

    // By keyboard: type the agency, Enter searches.
    await page.locator('#builder-agency').fill(otherAgency);
    await page.locator('#builder-agency').press('Enter');
    // The list is cleared while the search runs: wait for its answer, not the empty list between.
    await eventually(async () => expect(await pickedJobIds('#builder-jobs')).toEqual([porterJobs[otherAgency]]), WAIT, 200);
    await expect(page.locator('#builder-jobs li.job-pick').textContent()).resolves.toContain(otherAgency);
    expect(await searchIds({ q: porterTitle, agencyId: otherAgency })).toEqual([porterJobs[otherAgency]]);
    await stack.shotBothWidths('coord-builder-agency');

    // The job search page offers the same filter.
    await page.goto(`${consoleUrl}#/search`);
    await page.locator('#search-q').fill(porterTitle);
    await page.locator('#search-agency').fill(ownAgency);
    await page.locator('#search-submit').click();
    await page.locator('#search-total').waitFor();
    const hits = await page.locator('#search-results li.job-hit').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-job-id')));
    expect(hits).toEqual(await searchIds({ q: porterTitle, agencyId: ownAgency }));
    expect(hits).toEqual([porterJobs[ownAgency]]);
    await expect(page.locator('#search-results li.job-hit').textContent()).resolves.toContain(ownAgency);
    await stack.shotBothWidths('coord-search-agency');
  });

  it('plans a batch with its escort (带队联系人): a bad phone is named beside the field, the good one printed in the manifest header', async () => {
    const batchesBefore = (await coordinatorGet('/v1/dispatch/batches?pageSize=100')).body.total as number;
    await page.goto(`${consoleUrl}#/board/new`);
    await page.locator('#builder-q').fill(porterTitle);
    await page.locator('#builder-agency').fill(otherAgency);
    await page.locator('#builder-search').click();
    await page.locator(`li.job-pick[data-job-id="${porterJobs[otherAgency]}"] input[type="checkbox"]`).check();
    await page.locator('#builder-capacity').fill('10');
    await page.locator('#builder-contact-name').fill(escort.name);
    await page.locator('#builder-contact-phone').fill('0834-12345');
    await page.locator('#builder-submit').click();
    const problem = page.locator('#builder-contact-error');
    await problem.getByText('带队联系人电话').waitFor();
    await expect(page.locator('#builder-contact-phone').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('#builder-contact-name').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.evaluate('document.activeElement?.id')).resolves.toBe('builder-contact-phone');
    // Said once, beside the field, not again under the form.
    await expect(page.locator('#builder-message').textContent()).resolves.toBe('');
    await stack.shotBothWidths('coord-builder-escort-error');
    expect((await coordinatorGet('/v1/dispatch/batches?pageSize=100')).body.total).toBe(batchesBefore);

    // Written as people write it; dispatch keeps the 11 digits.
    await page.locator('#builder-contact-phone').fill(`${escort.phone.slice(0, 3)} ${escort.phone.slice(3, 7)} ${escort.phone.slice(7)}`);
    // dispatch learns of the job through Kafka: until then it refuses the batch (422), and the form stays.
    await eventually(async () => {
      await page.locator('#builder-submit').click();
      await page.locator('#batch-state[data-state="planned"], #builder-message p.error').first().waitFor();
      if (!(await page.locator('#batch-state').count())) throw new Error((await page.locator('#builder-message').textContent()) ?? 'refused');
    }, WAIT, 1000);
    escortedBatchId = decodeURIComponent(new URL(page.url()).hash.replace('#/board/', ''));
    const planned = await batch(escortedBatchId);
    expect(planned).toMatchObject({ state: 'planned', destination: { jobIds: [porterJobs[otherAgency]] }, contact: escort, transport: { capacity: 10 } });

    await page.goto(`${consoleUrl}#/board/${escortedBatchId}/manifest`);
    await page.locator('#manifest-sheet[data-state="ready"]').waitFor();
    const head = (await page.locator('.manifest-page header.manifest-head').textContent()) ?? '';
    for (const text of ['带队联系人', escort.name, escort.phone, escortedBatchId]) expect(head).toContain(text);
    expect(head).not.toContain(coordinatorId);
    await page.emulateMedia({ media: 'print' });
    await stack.shotBothWidths('coord-manifest-escort');
    await page.emulateMedia({ media: null });
    // The manifest of a batch planned without an escort still names the coordinator.
    await page.goto(`${consoleUrl}#/board/${bigBatchId}/manifest`);
    await page.locator('#manifest-sheet[data-state="ready"]').waitFor();
    await expect(page.locator('.manifest-page header.manifest-head').first().textContent()).resolves.toContain(coordinatorId);
    await request(dispatchUrl).post(`/v1/dispatch/batches/${escortedBatchId}/cancel`).set('Authorization', auth(tokens.coordinator)).expect(200);
  });

  it('never put a token into a URL, and raised no page errors or policy violations', () => {
    for (const token of Object.values(tokens)) {
      expect(stack.requestedUrls.filter((url) => url.includes(token) || url.includes(token.split('.')[1]))).toEqual([]);
    }
    expect(stack.pageErrors).toEqual([]);
    expect(stack.policyViolations).toEqual([]);
  });
});
