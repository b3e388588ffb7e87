import { TOPICS } from '@laowu/contracts';
import { findRegion, makeResidentId } from '@laowu/domain';
import { type SearchClient } from '@laowu/search';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { eventually, expectCall, inDays, sleep, SseStream, tokenFor } from '@laowu/testkit';
import { testInfra } from './infra';
import { positionGroupsAtEnds } from './kafka';
import { untilSearchable } from './search';
import { testEnv } from './test-app';

/**
 * Helpers of the fault tests (issue 7): stack faults, consumer groups positioned at the topic
 * ends, per-test search indices, the "every job in PostgreSQL is in the index at its latest
 * version" check, the matching app as a child process that can be SIGKILLed, and a station's SSE
 * stream that reconnects with Last-Event-ID.
 */

const ROOT = join(__dirname, '../..');
const STACK = join(ROOT, 'deploy/local/stack.sh');

/** Every topic an app consumes: a group positioned at all their ends reads only what follows. */
const ALL_TOPICS = Object.values(TOPICS);

export const log = (message: string) => process.stdout.write(`[faults ${new Date().toISOString().slice(11, 23)}] ${message}\n`);

/**
 * Runs a fault helper of the local stack (kill-kafka, start-es, …) without blocking this
 * process's event loop: the apps under test run in it and must keep working meanwhile.
 */
export function stack(command: 'kill-kafka' | 'start-kafka' | 'kill-es' | 'start-es' | 'status'): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [STACK, command], { timeout: 600_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`stack.sh ${command} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(`${stdout}${stderr}`.trim());
    });
  });
}

/**
 * The broker and search-engine faults act on the local stack (deploy/local/stack.sh); with
 * LAOWU_TEST_INFRA=containers there is nothing of ours to kill.
 */
export const describeWithLocalStack = process.env.LAOWU_TEST_INFRA === 'containers' ? describe.skip : describe;

/** Brings Kafka and the search engine back whatever happened to the test (each start is idempotent). */
export async function restoreStack(): Promise<void> {
  if (process.env.LAOWU_TEST_INFRA === 'containers') return;
  for (const command of ['start-kafka', 'start-es'] as const) {
    try {
      await stack(command);
    } catch (error) {
      log(`restoring the stack: ${(error as Error).message}`);
    }
  }
}

/** A fault test's own names: indices (`prefix`), consumer groups, and an agency and station unique to the run. */
export function faultScenario(name: string) {
  const run = unique();
  const group = (app: string) => `faults-${name}-${app}`;
  return {
    run,
    prefix: `faults-${name}-`,
    groups: { jobs: group('job-collection'), workers: group('worker-profiles'), matching: group('matching'), dispatch: group('dispatch') },
    agencyId: `agency-faults-${name}-${run}`,
    stationId: `station-faults-${name}-${run}`,
  };
}

/**
 * Before a fault test starts its apps: the stack whole again, the test's indices gone, its groups
 * at the topic ends. Returns a client of the test database.
 */
export async function prepareScenario(search: SearchClient, scenario: { prefix: string; groups: Record<string, string> }): Promise<Client> {
  await restoreStack();
  const db = await database();
  await deleteIndices(search, scenario.prefix);
  await positionGroupsAtEnds(Object.values(scenario.groups), ALL_TOPICS);
  return db;
}

/** Drops the concrete indices behind a test's own prefix (aliases go with them). */
export async function deleteIndices(client: SearchClient, prefix: string): Promise<void> {
  await client.deleteIndex(`${prefix}*`).catch(() => undefined);
}

export async function database(): Promise<Client> {
  const client = new Client({ connectionString: testInfra().databaseUrl });
  await client.connect();
  return client;
}

/** id → version of an agency's jobs in job_collection.jobs, the source of truth. */
export async function jobVersionsInDb(db: Client, agencyId: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: string; version: number }>(`SELECT id, version FROM job_collection.jobs WHERE agency_id = $1`, [agencyId]);
  return new Map(rows.map((r) => [r.id, r.version]));
}

/** id → version of the given documents in the index behind `alias` (absent ids are left out). */
export async function versionsInIndex(client: SearchClient, alias: string, ids: string[]): Promise<Map<string, { version: number; sourceVersion: number }>> {
  const found = new Map<string, { version: number; sourceVersion: number }>();
  for (let i = 0; i < ids.length; i += 1000) {
    const docs = await client.mget<{ version: number }>(alias, ids.slice(i, i + 1000), { sourceIncludes: ['version'] });
    for (const doc of docs) {
      if (doc) found.set(doc.id, { version: doc.version, sourceVersion: doc.source.version });
    }
  }
  return found;
}

export interface IndexComparison {
  inDb: number;
  missing: string[];
  stale: { id: string; db: number; index: number }[];
  /** Documents of the agency in the index (a count query), to catch any doubling. */
  inIndexForAgency: number;
}

/** Every job of the agency in PostgreSQL against the index: missing ones, and ones behind the DB. */
export async function compareIndexWithDb(db: Client, client: SearchClient, alias: string, agencyId: string): Promise<IndexComparison> {
  const expected = await jobVersionsInDb(db, agencyId);
  const indexed = await versionsInIndex(client, alias, [...expected.keys()]);
  const missing: string[] = [];
  const stale: IndexComparison['stale'] = [];
  for (const [id, version] of expected) {
    const doc = indexed.get(id);
    if (!doc) missing.push(id);
    else if (doc.version !== version || doc.sourceVersion !== version) stale.push({ id, db: version, index: doc.version });
  }
  await client.refresh(alias);
  return { inDb: expected.size, missing, stale, inIndexForAgency: await countForAgency(client, alias, agencyId) };
}

export const describeComparison = (c: IndexComparison) =>
  `${c.inDb} jobs in PostgreSQL, ${c.missing.length} missing from the index, ${c.stale.length} behind their latest version` +
  (c.stale.length ? ` (e.g. ${JSON.stringify(c.stale.slice(0, 3))})` : '') +
  `, ${c.inIndexForAgency} documents of the agency in the index`;

/** Waits until the index holds every job at its latest version; returns the last comparison either way. */
export async function waitUntilIndexMatchesDb(
  db: Client,
  client: SearchClient,
  alias: string,
  agencyId: string,
  timeoutMs: number,
): Promise<IndexComparison> {
  const deadline = Date.now() + timeoutMs;
  let last: IndexComparison | undefined;
  for (;;) {
    try {
      last = await compareIndexWithDb(db, client, alias, agencyId);
      if (!last.missing.length && !last.stale.length) return last;
    } catch (error) {
      log(`comparison failed (search engine still recovering?): ${(error as Error).message}`);
    }
    if (Date.now() > deadline) {
      if (last) return last;
      throw new Error(`the index could not be compared with PostgreSQL within ${timeoutMs} ms`);
    }
    await sleep(1000);
  }
}

/** Documents of an agency the index holds now (near real time: up to a refresh interval behind). */
export async function countForAgency(client: SearchClient, alias: string, agencyId: string): Promise<number> {
  return client.count(alias, { term: { agencyId } });
}

// ---------------------------------------------------------------- jobs through the public API

/** A valid job in `county` (near its centre), `kind` and `n` making it unique within a run. */
export function jobBody(run: string, n: number, county: string, kind: 'fulltime' | 'gig', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const centre = findRegion(county)!;
  const now = Date.now();
  const jitter = (seed: number) => ((seed % 97) / 97 - 0.5) * 0.06; // within ±3 km or so
  return {
    externalId: `faults-${run}-${n}`,
    title: kind === 'gig' ? `牧区道路养护 零工 ${n}` : `光伏电站运维员 ${n}`,
    description: '包吃住，工具由单位提供',
    kind,
    skills: [],
    headcount: 5,
    wage: kind === 'gig' ? { min: 200, max: 260, unit: 'day' } : { min: 5000, max: 6500, unit: 'month' },
    location: { regionCode: county, lat: centre.lat + jitter(n), lon: centre.lon + jitter(n * 7 + 3) },
    startAt: inDays(2, now),
    endAt: inDays(2 + (kind === 'gig' ? 3 : 300), now),
    instant: kind === 'gig',
    ...overrides,
  };
}

/** Posts `bodies` through the bulk API (1,000 a call) and insists that every item was created. */
export async function bulkPost(jobsUrl: string, token: string, bodies: Record<string, unknown>[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < bodies.length; i += 1000) {
    const { results } = await expectCall<{ results: { index: number; id?: string; status: number; error?: unknown }[] }>(
      [200], 'POST', `${jobsUrl}/v1/jobs/bulk`, token, { jobs: bodies.slice(i, i + 1000) },
    );
    const failed = results.filter((r) => r.status !== 201);
    if (failed.length) throw new Error(`bulk: ${failed.length} item(s) not created, e.g. ${JSON.stringify(failed.slice(0, 2))}`);
    ids.push(...results.map((r) => r.id!));
  }
  return ids;
}

/** Runs `task` for each item with `concurrency` in flight. */
export async function eachInPool<T>(items: T[], concurrency: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await task(items[index], index);
      }
    }),
  );
}

/** PUTs a changed version of each job (version + 1) and closes every third of them (version + 1 again). */
export async function updateAndClose(jobsUrl: string, token: string, jobs: { id: string; body: Record<string, unknown> }[]): Promise<void> {
  await eachInPool(jobs, 8, async ({ id, body }, i) => {
    const { externalId: _externalId, ...rest } = body;
    await expectCall([200], 'PUT', `${jobsUrl}/v1/jobs/${id}`, token, { ...rest, headcount: 7, title: `${rest.title} (更新)` });
    if (i % 3 === 0) await expectCall([200], 'POST', `${jobsUrl}/v1/jobs/${id}/close`, token);
  });
}

// ---------------------------------------------------------------- matching as a child process

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The matching app as its own process, started the way `main.ts` runs in production, so a test
 * can SIGKILL it (a crash: no shutdown hook, no offset commit, no outbox flush) and start it again
 * with the same consumer group.
 */
export class MatchingProcess {
  private child?: ChildProcess;
  private readonly output: string[] = [];
  readonly url: string;

  constructor(private readonly port: number, private readonly env: Record<string, string>) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(timeoutMs = 180_000): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, ...testEnv(), ...this.env, PORT: String(this.port), LOG_LEVEL: 'warn' };
    delete env.JEST_WORKER_ID;
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/matching/src/main.ts'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.output.length > 300) this.output.splice(0, this.output.length - 300);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const ready = () => fetch(`${this.url}/health/ready`).then((r) => r.ok, () => false);
    const outcome = await eventually(async () => (this.running ? (await ready()) && 'ready' : 'exited'), timeoutMs, 500, () => `matching ready:\n${this.tail()}`);
    if (outcome === 'exited') throw new Error(`matching exited while starting (${child.exitCode ?? child.signalCode}):\n${this.tail()}`);
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** SIGKILL: the process dies wherever it is. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM, then SIGKILL if it does not go within 15 s (cleanup). */
  async stop(): Promise<void> {
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    await this.signal('SIGTERM');
    clearTimeout(timer);
  }

  tail(lines = 40): string {
    return this.output.slice(-lines).join('\n');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}

// ---------------------------------------------------------------- a station's live stream

export interface ReceivedMatch {
  /** Which connection of the feed carried it (1 = the first). */
  connection: number;
  deliveryId: string;
  matchId: string;
  jobId: string;
  workerId: string;
}

/**
 * A station's SSE stream as a station's client keeps it: from the first delivery (Last-Event-ID 0),
 * reconnecting with the last id it saw whenever the connection drops. Every event received is kept,
 * duplicates included: the test is about whether any arrive.
 */
export class StationFeed {
  readonly received: ReceivedMatch[] = [];
  private stream?: SseStream;
  private stopped = false;
  private lastId = '0';
  private loop?: Promise<void>;
  private connections = 0;
  reconnects = 0;

  constructor(private readonly url: string, private readonly token: string) {}

  async open(): Promise<void> {
    await this.connect();
    this.loop = this.keepOpen();
  }

  close(): Promise<void> | undefined {
    this.stopped = true;
    this.stream?.close();
    return this.loop;
  }

  private async connect(): Promise<void> {
    const stream = await SseStream.open(this.url, this.token, this.lastId);
    const connection = ++this.connections;
    stream.onEvent((event) => {
      if (event.event !== 'match' || !event.id) return;
      const data = JSON.parse(event.data) as { matchId: string; jobId: string; workerId: string };
      this.received.push({ connection, deliveryId: event.id, matchId: data.matchId, jobId: data.jobId, workerId: data.workerId });
      this.lastId = event.id;
    });
    this.stream = stream;
  }

  private async keepOpen(): Promise<void> {
    while (!this.stopped) {
      await sleep(200);
      if (this.stopped || !this.stream?.closed) continue;
      try {
        this.reconnects++;
        await this.connect();
      } catch {
        await sleep(1000);
      }
    }
  }
}

/**
 * A station of `county` with its live stream open and `count` workers registered next to the
 * county's centre, who take gig work within 30 km: every open gig job posted near the centre is
 * announced to each of them over the instant path. Resolves once the workers are searchable in
 * the index the instant path queries (`workersAlias`), so jobs posted afterwards find them.
 */
export async function stationWithWorkers(options: {
  dispatchUrl: string;
  workersUrl: string;
  workersAlias: string;
  county: string;
  stationId: string;
  count: number;
}): Promise<{ feed: StationFeed; workerIds: string[] }> {
  const { county, stationId } = options;
  const centre = findRegion(county)!;
  const admin = tokenFor({ sub: 'admin-faults', role: 'admin', region: '000000' });
  const station = tokenFor({ sub: stationId, role: 'station', region: county });
  await expectCall([201], 'POST', `${options.dispatchUrl}/v1/stations`, admin, {
    id: stationId,
    name: `${centre.name}就业服务站`,
    regionCode: county,
    location: { lat: centre.lat, lon: centre.lon },
  });
  const feed = new StationFeed(`${options.dispatchUrl}/v1/stations/${stationId}/stream`, station);
  await feed.open();
  const workerIds: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const birthDate = `${1970 + Math.floor(Math.random() * 35)}-0${1 + (i % 9)}-1${i % 9}`;
    const worker = await expectCall<{ id: string }>([201], 'POST', `${options.workersUrl}/v1/workers`, station, {
      idNumber: makeResidentId({ regionCode: county, birthDate, gender: 'male', sequence: 2 * Math.floor(Math.random() * 500) + 1 }),
      name: `扎西${i}`,
      phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
      homeRegionCode: county,
      residenceRegionCode: county,
      location: { lat: centre.lat + 0.005 * i, lon: centre.lon - 0.005 * i },
      stationId,
      priorityGroups: i % 2 ? ['poverty_alleviated'] : [],
      preferences: { kinds: ['gig'], willingToMigrate: false, maxCommuteKm: 30, minWage: { amount: 150, unit: 'day' } },
    });
    workerIds.push(worker.id);
  }
  await untilSearchable(options.workersAlias, workerIds);
  return { feed, workerIds };
}

/** Pairs `job:worker` received more than once on the stream, with the deliveries that carried them. */
export function pairsReceivedTwice(feed: StationFeed): { pair: string; deliveries: string[] }[] {
  const seen = new Map<string, ReceivedMatch[]>();
  for (const m of feed.received) seen.set(`${m.jobId}:${m.workerId}`, [...(seen.get(`${m.jobId}:${m.workerId}`) ?? []), m]);
  return [...seen]
    .filter(([, ms]) => ms.length > 1)
    .map(([pair, ms]) => ({ pair, deliveries: ms.map((m) => `${m.deliveryId} (match ${m.matchId}, connection ${m.connection})`) }));
}

export const pairsOnStream = (feed: StationFeed) => [...new Set(feed.received.map((m) => `${m.jobId}:${m.workerId}`))];

/** Matches dispatch stored for the station, and any (job, worker, material version) stored twice. */
export async function storedMatches(db: Client, stationId: string): Promise<{ count: number; doubled: unknown[]; deliveries: number; deliveredMatches: number }> {
  const { rows: count } = await db.query(`SELECT count(*)::int AS n FROM dispatch.matches WHERE station_id = $1`, [stationId]);
  const { rows: doubled } = await db.query(
    `SELECT job_id, worker_id, job_material_version, count(*)::int AS n FROM dispatch.matches WHERE station_id = $1
     GROUP BY 1, 2, 3 HAVING count(*) > 1`,
    [stationId],
  );
  const { rows: deliveries } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT match_id)::int AS matches FROM dispatch.deliveries WHERE station_id = $1`,
    [stationId],
  );
  return { count: count[0].n, doubled, deliveries: deliveries[0].n, deliveredMatches: deliveries[0].matches };
}

export const unique = () => randomUUID().slice(0, 8);

export { expectCall, sleep };
