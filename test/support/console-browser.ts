/**
 * The console's browser tests' stack: the four real apps in-process (over the test Kafka, OpenSearch
 * and PostgreSQL), dispatch serving the console, and Debian's chromium driven by playwright-core.
 *
 * Each app gets a consumer group of its own for the run, started at the topics' current end: a fresh
 * group would otherwise read every topic from the beginning (tens of thousands of other tests' and
 * benches' events on a shared machine) before it reached this run's events.
 */
import { makeResidentId } from '@laowu/domain';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import request from 'supertest';
import { randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ABOUT as DISPATCH_ABOUT, AppModule as DispatchModule } from '../../apps/dispatch/src/app.module';
import { DispatchConfig } from '../../apps/dispatch/src/dispatch.config';
import { ABOUT as JOBS_ABOUT, AppModule as JobsModule } from '../../apps/job-collection/src/app.module';
import { JobCollectionConfig } from '../../apps/job-collection/src/job-collection.config';
import { ABOUT as MATCHING_ABOUT, AppModule as MatchingModule } from '../../apps/matching/src/app.module';
import { workersIndex } from '../../apps/matching/src/indexing/index-definitions';
import { MatchingConfig } from '../../apps/matching/src/matching.config';
import { ABOUT as WORKERS_ABOUT, AppModule as WorkersModule } from '../../apps/worker-profiles/src/app.module';
import { WorkerProfilesConfig } from '../../apps/worker-profiles/src/worker-profiles.config';
import { TOPICS_CONSUMED } from './all-apps';
import { positionGroupsAtEnds } from './kafka';
import { searchClient, untilSearchable } from './search';
import { startTestApp, type TestApp } from './test-app';

export const CHROMIUM = '/usr/bin/chromium';
export const SHOTS = resolve(__dirname, '../../test-results/console');
// Waits for things that happen asynchronously (indexing, Kafka hops) are generous: other engineers'
// benches may be flooding the same broker. These are deadlines, never timing assertions.
export const WAIT = 240_000;
export const TEST_TIMEOUT = 600_000;

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface ConsoleStack {
  jobs: TestApp<JobCollectionConfig>;
  workers: TestApp<WorkerProfilesConfig>;
  matching: TestApp<MatchingConfig>;
  dispatch: TestApp<DispatchConfig>;
  consoleUrl: string;
  context: BrowserContext;
  page: Page;
  /** Every URL the browser requested (for the "no token in a URL" check). */
  requestedUrls: string[];
  pageErrors: string[];
  policyViolations: string[];
  /** A full-page screenshot at the current width, as test-results/console/<name>.png. */
  shot(name: string): Promise<void>;
  /** Screenshots at 1280 px and at 390 px (<name>-1280.png, <name>-390.png); the viewport is back at 1280 after. */
  shotBothWidths(name: string): Promise<void>;
  /** Signs in through the form, as staff would: paste the token, press the button. */
  signInAs(token: string): Promise<void>;
  close(): Promise<void>;
}

function subjectOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
}

/**
 * Opens the console once: one that does not load (a module that does not link, say) fails the
 * file here, at once, instead of every wait of every test running out.
 */
async function consoleLoads(page: Page, consoleUrl: string): Promise<void> {
  const failed = page.waitForEvent('pageerror', { timeout: WAIT }).then((error) => {
    throw new Error(`the console does not load: ${error.message}`);
  });
  failed.catch(() => undefined);
  await Promise.race([page.goto(consoleUrl).then(() => page.locator('#who').waitFor({ timeout: WAIT })), failed]);
}

/**
 * Starts the four apps and a browser for one test file. `run` names the consumer groups and the
 * matching index prefix, so that runs never share them.
 */
export async function startConsoleStack(run: string, options: { matchingEnv?: Record<string, string> } = {}): Promise<ConsoleStack> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-browser.sh`);
  mkdirSync(SHOTS, { recursive: true });
  const group = (app: string) => `test-console-${app}-${run}`;
  const indexPrefix = `t-console-${run}-`;
  await Promise.all(Object.keys(TOPICS_CONSUMED).map((app) => positionGroupsAtEnds([group(app)], TOPICS_CONSUMED[app])));

  const apps: TestApp<unknown>[] = [];
  let profileDir: string | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    for (const app of apps.reverse()) await app.close().catch(() => undefined);
    const search = searchClient();
    await search.deleteIndex(`${indexPrefix}*`).catch(() => undefined);
    await search.close();
  };
  try {
    const jobs = await startTestApp({ configClass: JobCollectionConfig, about: JOBS_ABOUT, module: JobsModule.forRoot }, { env: { KAFKA_GROUP_ID: group('job-collection') } });
    apps.push(jobs);
    const workers = await startTestApp(
      { configClass: WorkerProfilesConfig, about: WORKERS_ABOUT, module: WorkersModule.forRoot },
      { env: { KAFKA_GROUP_ID: group('worker-profiles') } },
    );
    apps.push(workers);
    const matching = await startTestApp(
      { configClass: MatchingConfig, about: MATCHING_ABOUT, module: MatchingModule.forRoot },
      { env: { KAFKA_GROUP_ID: group('matching'), SEARCH_INDEX_PREFIX: indexPrefix, ...options.matchingEnv } },
    );
    apps.push(matching);
    // Dispatch serves the console; its own origin is the console's dispatch URL.
    const dispatch = await startTestApp(
      { configClass: DispatchConfig, about: DISPATCH_ABOUT, module: DispatchModule.forRoot },
      { env: { KAFKA_GROUP_ID: group('dispatch'), CONSOLE_API_ORIGINS: `jobCollection=${jobs.url},workerProfiles=${workers.url},matching=${matching.url}` } },
    );
    apps.push(dispatch);

    profileDir = mkdtempSync(join(tmpdir(), 'laowu-console-chromium-'));
    // A fresh profile (--user-data-dir) per run: Playwright takes it as the persistent context's directory.
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync',
      ],
      viewport: DESKTOP,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      acceptDownloads: true,
    });
    const requestedUrls: string[] = [];
    const pageErrors: string[] = [];
    const policyViolations: string[] = [];
    context.on('request', (req) => requestedUrls.push(req.url()));
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    page.setDefaultTimeout(WAIT);
    const consoleUrl = `${dispatch.url}/console/`;

    const shot = async (name: string) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    };
    const shotBothWidths = async (name: string) => {
      await page.setViewportSize(DESKTOP);
      await shot(`${name}-1280`);
      await page.setViewportSize(PHONE);
      await shot(`${name}-390`);
      await page.setViewportSize(DESKTOP);
    };
    const signInAs = async (token: string) => {
      await page.goto(`${consoleUrl}#/settings`);
      await page.locator('#token-input').fill(token);
      await page.locator('#sign-in-submit').click();
      await page.locator('#who').getByText(subjectOf(token)).waitFor({ timeout: WAIT });
    };
    await consoleLoads(page, consoleUrl);
    return { jobs, workers, matching, dispatch, consoleUrl, context, page, requestedUrls, pageErrors, policyViolations, shot, shotBothWidths, signInAs, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A station in dispatch, created by an admin as in production. */
export async function createStation(
  stack: ConsoleStack,
  adminToken: string,
  station: { id: string; name: string; regionCode: string; location: { lat: number; lon: number } },
): Promise<void> {
  await request(stack.dispatch.url).post('/v1/stations').set('Authorization', `Bearer ${adminToken}`).send(station).expect(201);
}

/** A random birth date in 1975–1999 (day 1–28), for a fresh resident ID number. */
const birthDate = () => `19${randomInt(75, 100)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;

/**
 * A worker registered by the station through the API (201), living at `location` in `county`,
 * with a fresh resident ID number and mobile; `body` adds to or overrides the registration.
 * Returns once the worker is searchable in the stack's matching index: a candidates query (an
 * instant job's push) sees only refreshed documents, while reading the worker by id sees it at once.
 */
export async function registerStationWorker(
  stack: ConsoleStack,
  stationToken: string,
  { stationId, county, location, gender = 'male', body = {} }: {
    stationId: string; county: string; location: { lat: number; lon: number }; gender?: 'male' | 'female'; body?: Record<string, unknown>;
  },
): Promise<string> {
  const registered = await request(stack.workers.url)
    .post('/v1/workers')
    .set('Authorization', `Bearer ${stationToken}`)
    .send({
      idNumber: makeResidentId({ regionCode: county, birthDate: birthDate(), gender, sequence: randomInt(0, 500) * 2 + (gender === 'male' ? 1 : 0) }),
      phone: `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`,
      homeRegionCode: county,
      residenceRegionCode: county,
      location,
      stationId,
      ...body,
    })
    .expect(201);
  const workerId: string = registered.body.id;
  await untilSearchable(workersIndex(stack.matching.config.SEARCH_INDEX_PREFIX).alias, [workerId], WAIT);
  return workerId;
}
