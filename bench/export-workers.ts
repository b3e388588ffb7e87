/**
 * Benchmark (not a test): export a list of N generated workers as CSV through the HTTP API and
 * report the time and the app process's peak RSS growth (target: < 100 MB for a 1M-row list).
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/export-workers.ts \
 *     [--workers 200000] [--export employed|monitoring|ledger] [--month YYYY-MM] [--runs 1]
 *
 * Exports (`--export`, default employed):
 * - employed: `GET /v1/lists/employed?regionCode=510000&format=csv`, one row per worker;
 * - monitoring: `GET /v1/monitoring/monthly?month=&regionCode=510000&format=csv` (十三), one row per worker;
 * - ledger: `GET /v1/follow-ups?month=&regionCode=510000&format=csv`, the month's follow-up ledger (帮扶台账), two rows per worker.
 * For monitoring and ledger every worker is a priority worker (脱贫人口 or 防止返贫监测对象), and —
 * where the schema has the tables (issue 16; an older tree has not, and the same script measures
 * it) — has 2 follow-ups in the month (`--month`, default the last full China month; half with a
 * note encrypted as the app does), 12 months of flexible income, every 20th a public-welfare
 * post, and one monitoring line covers them all.
 *
 * Data goes to its own database (laowu_bench, BENCH_DATABASE_URL elsewhere) so tests are not
 * slowed; it is kept between runs and regenerated when it does not match the export's data set.
 * Workers are generated directly in PostgreSQL in batches with their personal data encrypted by
 * the app's own PiiCipher (dev keys), then the app runs as a child process (HTTP only, a fresh
 * one per run) and the CSV streams to nowhere, counting bytes, while /proc/<pid>/status is
 * sampled for VmRSS; the app inherits NODE_OPTIONS (production's heap cap: scripts/apps.js
 * productionNodeOptions()), else runs with Node's defaults. Results: bench/results/export-<export>.json (medians over `--runs`, every
 * run beside them) and a line in docs/BENCHMARKS.md with the load average and the commit.
 */
import { signToken } from '@laowu/auth';
import { makeResidentId, maskPhone, maskResidentId } from '@laowu/domain';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET } from '@laowu/platform';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { maskName } from '../apps/worker-profiles/src/common/masking';
import { PiiCipher } from '../apps/worker-profiles/src/pii/pii-cipher';
import { SCHEMA } from '../apps/worker-profiles/src/schema';
import { WorkerProfilesConfig } from '../apps/worker-profiles/src/worker-profiles.config';
import { type LoadAverage, loadTracker, progress } from './lib/report';

const ROOT = join(__dirname, '..');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_bench';
const WORKERS = Number(argument('--workers') ?? 200_000);
const RUNS = Number(argument('--runs') ?? 1);
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const EXPORTS = ['employed', 'monitoring', 'ledger'] as const;
type ExportKind = (typeof EXPORTS)[number];
const EXPORT = exportKind(argument('--export') ?? 'employed');
const MONTH = argument('--month') ?? lastFullChinaMonth();
const INSERT_BATCH = 2000;
const COUNTIES = ['513401', '513402', '513422', '513423', '513424', '513426', '513427', '513428', '513429', '513430'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
/** Issue 16's tables: filled only where the schema has them. */
const ISSUE16_TABLES = ['follow_ups', 'worker_income', 'public_welfare_posts', 'monitoring_lines'] as const;
type Issue16Table = (typeof ISSUE16_TABLES)[number];
/** The monitoring line (防止返贫监测范围) set for the prefecture all generated workers live in (凉山州), yuan a year. */
const MONITORING_LINE = { regionCode: '513400', annualIncome: 9000 };

/** What each export is measured on: its URL, the warm-up page, and the data set it needs. */
interface ExportSpec {
  label: string;
  /** Workers of this data set are registered at this station, so a kept database is recognised. */
  stationId: string;
  priorityWorkers: boolean;
  url: (port: number) => string;
  warmUp: (port: number) => string;
  expectedRows: (tables: ReadonlySet<Issue16Table>) => number;
}

const SPECS: Record<ExportKind, ExportSpec> = {
  employed: {
    label: 'worker-profiles CSV export',
    stationId: 'station-bench',
    priorityWorkers: false,
    url: (port) => `http://127.0.0.1:${port}/v1/lists/employed?regionCode=510000&format=csv`,
    warmUp: (port) => `http://127.0.0.1:${port}/v1/lists/employed?regionCode=513401&pageSize=10`,
    expectedRows: () => WORKERS,
  },
  monitoring: {
    label: `worker-profiles monthly monitoring CSV (十三, month ${MONTH})`,
    stationId: 'station-bench-priority',
    priorityWorkers: true,
    url: (port) => `http://127.0.0.1:${port}/v1/monitoring/monthly?month=${MONTH}&regionCode=510000&format=csv`,
    warmUp: (port) => `http://127.0.0.1:${port}/v1/monitoring/monthly?month=${MONTH}&regionCode=513401&pageSize=10`,
    expectedRows: () => WORKERS,
  },
  ledger: {
    label: `worker-profiles follow-up ledger CSV (帮扶台账, month ${MONTH})`,
    stationId: 'station-bench-priority',
    priorityWorkers: true,
    url: (port) => `http://127.0.0.1:${port}/v1/follow-ups?month=${MONTH}&regionCode=510000&format=csv`,
    warmUp: (port) => `http://127.0.0.1:${port}/v1/follow-ups?month=${MONTH}&regionCode=513401&pageSize=10`,
    expectedRows: (tables) => (tables.has('follow_ups') ? 2 * WORKERS : 0),
  },
};

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function exportKind(value: string): ExportKind {
  if (!(EXPORTS as readonly string[]).includes(value)) throw new Error(`--export must be one of ${EXPORTS.join(', ')}, not ${value}`);
  return value as ExportKind;
}

/** The China calendar month before the current one, YYYY-MM (monitoring refuses future months). */
function lastFullChinaMonth(): string {
  const now = new Date(Date.now() + CHINA_OFFSET_MS);
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return previous.toISOString().slice(0, 7);
}

/** The month's first instant in China time, and its length in days. */
function monthStart(month: string): { start: number; days: number } {
  const [year, m] = month.split('-').map(Number);
  return { start: Date.UTC(year, m - 1, 1) - CHINA_OFFSET_MS, days: new Date(Date.UTC(year, m, 0)).getUTCDate() };
}

function log(message: string): void {
  process.stdout.write(`[bench export-workers] ${message}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startApp(port: number): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'export-workers.server.ts'), [], {
    cwd: ROOT,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`app exited with ${code} before it was ready`)));
  });
}

async function stopApp(app: ChildProcess): Promise<void> {
  if (app.exitCode !== null) return;
  const exited = new Promise((resolve) => app.once('exit', resolve));
  app.kill('SIGTERM');
  await exited;
}

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Which of issue 16's tables the migrated schema has. */
async function issue16Tables(client: Client): Promise<Set<Issue16Table>> {
  const { rows } = await client.query<{ table_name: Issue16Table }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_name = ANY($2)`,
    [SCHEMA, [...ISSUE16_TABLES]],
  );
  return new Set(rows.map((row) => row.table_name));
}

/** Whether the database already holds exactly the data set the export needs (then it is kept). */
async function alreadyGenerated(client: Client, spec: ExportSpec, tables: ReadonlySet<Issue16Table>): Promise<boolean> {
  const count = async (sql: string, params: unknown[] = []) => (await client.query<{ n: number }>(sql, params)).rows[0].n;
  if ((await count(`SELECT count(*)::int AS n FROM "${SCHEMA}".workers`)) !== WORKERS) return false;
  if ((await count(`SELECT count(*)::int AS n FROM "${SCHEMA}".workers WHERE station_id = $1`, [spec.stationId])) !== WORKERS) return false;
  if (!spec.priorityWorkers) return true;
  const { start, days } = monthStart(MONTH);
  if (tables.has('follow_ups')) {
    const inMonth = await count(`SELECT count(*)::int AS n FROM "${SCHEMA}".follow_ups WHERE at >= $1 AND at < $2`, [new Date(start), new Date(start + days * DAY_MS)]);
    if (inMonth !== 2 * WORKERS) return false;
  }
  if (tables.has('worker_income') && (await count(`SELECT count(*)::int AS n FROM "${SCHEMA}".worker_income WHERE month = $1`, [MONTH])) !== WORKERS) return false;
  return true;
}

/** Generates the workers (and for priority workers their issue-16 rows) straight into the app's tables, after the app has migrated them. */
async function generate(client: Client, cipher: PiiCipher, spec: ExportSpec, tables: ReadonlySet<Issue16Table>): Promise<void> {
  if (await alreadyGenerated(client, spec, tables)) return log(`${WORKERS} workers (${spec.stationId}) already in ${DATABASE_URL}`);
  const filled = spec.priorityWorkers ? [...tables].filter((t) => t !== 'monitoring_lines') : [];
  log(`generating ${WORKERS} ${spec.priorityWorkers ? 'priority ' : ''}workers${filled.length ? ` with ${filled.join(', ')}` : ''} in ${DATABASE_URL}`);
  // CASCADE: follow_ups, worker_income, public_welfare_posts and audit rows refer to workers
  await client.query(`TRUNCATE "${SCHEMA}".employment_status_history, "${SCHEMA}".workers CASCADE`);
  const tick = progress(log, 'generated workers', WORKERS);
  for (let done = 0; done < WORKERS; done += INSERT_BATCH) {
    const ns = Array.from({ length: Math.min(INSERT_BATCH, WORKERS - done) }, (_, i) => done + i);
    const workers = ns.map((n) => generatedWorker(cipher, n, spec));
    const ids = workers.map((row) => row[0] as string);
    await client.query('BEGIN');
    await insertWorkers(client, workers);
    await insertHistory(client, ids);
    if (spec.priorityWorkers) await insertIssue16Rows(client, cipher, tables, ns, ids);
    await client.query('COMMIT');
    tick(done + ns.length);
  }
  if (spec.priorityWorkers && tables.has('monitoring_lines')) {
    await client.query(
      `INSERT INTO "${SCHEMA}".monitoring_lines (region_code, annual_income, set_by) VALUES ($1, $2, 'bench')
       ON CONFLICT (region_code) DO UPDATE SET annual_income = excluded.annual_income`,
      [MONITORING_LINE.regionCode, MONITORING_LINE.annualIncome],
    );
  }
  // this server runs without autovacuum: set hint bits and the visibility map now, not during the first export
  for (const table of ['workers', 'employment_status_history', ...filled]) await client.query(`VACUUM ANALYZE "${SCHEMA}".${table}`);
}

function generatedWorker(cipher: PiiCipher, n: number, spec: ExportSpec): unknown[] {
  const id = randomUUID();
  const county = COUNTIES[n % COUNTIES.length];
  const gender = n % 2 ? 'male' : 'female';
  // (birth day, sequence) is unique for every n below 14,000 × 500 = 7M: no blind-index collisions
  const birthDate = new Date(Date.UTC(1966, 0, 1) + (n % 14_000) * DAY_MS).toISOString().slice(0, 10);
  const idNumber = makeResidentId({ regionCode: county, birthDate, gender, sequence: (Math.floor(n / 14_000) % 500) * 2 + (gender === 'male' ? 1 : 0) });
  const phone = `13${String(n).padStart(9, '0')}`;
  const name = `${SURNAMES[n % SURNAMES.length]}工${n % 1000}`;
  const preferences = { kinds: ['gig', 'fulltime'], willingToMigrate: n % 3 === 0, targetRegionCodes: ['440000'], maxCommuteKm: 30 };
  return [
    id, spec.stationId, cipher.encrypt(idNumber, id, 'idNumber'), cipher.blindIndex(idNumber), maskResidentId(idNumber),
    cipher.encrypt(name, id, 'name'), maskName(name), cipher.encrypt(phone, id, 'phone'), maskPhone(phone), cipher.activeKeyId,
    birthDate, gender, county, county, JSON.stringify([{ code: 'welding', level: 1 + (n % 5) }]),
    priorityGroups(n, spec), JSON.stringify(preferences), preferences.willingToMigrate,
    '2026-03-01', n % 2 ? '440306' : '441900', n % 2 ? '深圳某电子厂' : '东莞某制衣厂',
  ];
}

/** Priority workers alternate 脱贫人口 and 防止返贫监测对象; otherwise every 5th is poverty-alleviated. */
function priorityGroups(n: number, spec: ExportSpec): string {
  if (spec.priorityWorkers) return n % 2 ? '{monitoring_target}' : '{poverty_alleviated}';
  return n % 5 === 0 ? '{poverty_alleviated}' : '{}';
}

async function insertWorkers(client: Client, rows: unknown[][]): Promise<void> {
  const width = rows[0].length;
  const values = rows.map((_, r) => `(${Array.from({ length: width }, (__, c) => `$${r * width + c + 1}`).join(',')}, 1, 30.0, 102.0, '[]', 'employed', 'employment', now(), now())`);
  await client.query(
    `INSERT INTO "${SCHEMA}".workers (id, station_id, id_number_enc, id_number_hash, id_number_masked, name_enc, name_masked, phone_enc,
       phone_masked, pii_key_id, birth_date, gender, home_region_code, residence_region_code, skills, priority_groups, preferences,
       willing_to_migrate, status_effective_date, status_region_code, employer,
       version, lat, lon, certificates, employment_status, status_registered_at, created_at, updated_at)
     VALUES ${values.join(',')}`,
    rows.flat(),
  );
}

/** One employment-status history row per worker: the status it was registered with. */
async function insertHistory(client: Client, ids: string[]): Promise<void> {
  await client.query(
    `INSERT INTO "${SCHEMA}".employment_status_history (worker_id, status, effective_date, region_code, registered_at, employer, source, recorded_by)
     SELECT id, employment_status, status_effective_date, status_region_code, status_registered_at, employer, 'registration', 'bench'
       FROM "${SCHEMA}".workers WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

/** The issue-16 rows of a batch of priority workers (`ns[i]` generated `ids[i]`), in the tables the schema has. */
async function insertIssue16Rows(client: Client, cipher: PiiCipher, tables: ReadonlySet<Issue16Table>, ns: number[], ids: string[]): Promise<void> {
  if (tables.has('follow_ups')) await insertFollowUps(client, cipher, ns, ids);
  if (tables.has('worker_income')) {
    // 12 months ending with the month; 250–1,049 yuan a month, so some pass the 9,000 line over 12 months
    await client.query(
      `INSERT INTO "${SCHEMA}".worker_income (worker_id, month, flexible_income, recorded_by)
       SELECT t.id, to_char($2::date - make_interval(months => k), 'YYYY-MM'), 250 + (t.n * 37 + k * 11) % 800, 'bench'
         FROM unnest($1::uuid[], $3::int[]) AS t(id, n), generate_series(0, 11) AS k`,
      [ids, `${MONTH}-01`, ns],
    );
  }
  const posted = ids.filter((_, i) => ns[i] % 20 === 0);
  if (tables.has('public_welfare_posts') && posted.length) {
    // 乡村公益性岗位 since 6 months before the month, for a planned year; nobody has left it
    await client.query(
      `INSERT INTO "${SCHEMA}".public_welfare_posts (placement_id, worker_id, start_date, planned_end_date)
       SELECT p, w, $3::date - interval '6 months', $3::date + interval '6 months' - interval '1 day' FROM unnest($1::uuid[], $2::uuid[]) AS t(p, w)`,
      [posted.map(() => randomUUID()), posted, `${MONTH}-01`],
    );
  }
}

const OUTCOMES = ['employed', 'employed', 'unstable', 'unemployed', 'unreachable'];
/** A note as stored after redactPersonalNumbers (no phone or ID-like numbers in it). */
const NOTE = '电话回访：本人在岗，工资按月发放，家中老人需照看';

/** Two follow-ups per worker in the month, 3 days apart; half with a note, encrypted as FollowUpsService.record does (bound to the follow-up's id). */
async function insertFollowUps(client: Client, cipher: PiiCipher, ns: number[], ids: string[]): Promise<void> {
  const { start } = monthStart(MONTH);
  const rows = ns.flatMap((n, i) =>
    [0, 1].map((k) => {
      const id = randomUUID();
      const at = new Date(start + ((n % 24) + 3 * k) * DAY_MS + (9 + (n % 8)) * 3600_000);
      const nextDueAt = (n + k) % 3 === 0 ? null : new Date(at.getTime() + 30 * DAY_MS);
      const note = (n + k) % 2 === 0 ? cipher.encrypt(NOTE, id, 'followUpNote') : null;
      return [id, ids[i], k === 0 ? 'visit' : 'call', at, OUTCOMES[(n + k) % OUTCOMES.length], note, nextDueAt];
    }),
  );
  const width = rows[0].length;
  const values = rows.map((_, r) => `(${Array.from({ length: width }, (__, c) => `$${r * width + c + 1}`).join(',')}, 'station:bench')`);
  await client.query(
    `INSERT INTO "${SCHEMA}".follow_ups (id, worker_id, kind, at, outcome, note_enc, next_due_at, recorded_by) VALUES ${values.join(',')}`,
    rows.flat(),
  );
}

/** Downloads the export, discarding the bytes; samples the app's RSS meanwhile. */
function exportCsv(url: string, token: string, pid: number): Promise<{ bytes: number; lines: number; ms: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let peakRss = rssBytes(pid);
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssBytes(pid))), 20);
    let bytes = 0;
    let lines = 0;
    let nextReport = 10 * 1024 * 1024;
    get(url, { headers: { Authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`export answered ${res.statusCode}`));
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
        if (bytes >= nextReport) {
          log(`exported ${(bytes / 1048576).toFixed(0)} MB, ${lines - 1} rows, app RSS ${(rssBytes(pid) / 1048576).toFixed(0)} MB`);
          nextReport += 10 * 1024 * 1024;
        }
      });
      res.on('end', () => {
        clearInterval(sampler);
        resolve({ bytes, lines, ms: Date.now() - started, peakRss: Math.max(peakRss, rssBytes(pid)) });
      });
      res.on('error', reject);
    }).on('error', reject);
  });
}

interface RunResult {
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  mbPerSecond: number;
  baselineRssMb: number;
  peakRssMb: number;
  peakRssGrowthMb: number;
  loadAverage1m: LoadAverage;
}

/** One export on a freshly started app: warm-up page, 2 s to settle, then the CSV. */
async function run(spec: ExportSpec, token: string, expectedRows: number): Promise<RunResult> {
  const port = await freePort();
  const app = await startApp(port);
  try {
    // warm-up: a small JSON page (loads code paths, pools), then let the app settle
    await new Promise((resolve) => get(spec.warmUp(port), { headers: { Authorization: `Bearer ${token}` } }, (r) => r.resume().on('end', resolve)));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const baselineRss = rssBytes(app.pid!);
    log(`app RSS before export: ${(baselineRss / 1048576).toFixed(1)} MB; exporting ${expectedRows} rows as CSV (${spec.url(port)})…`);
    const load = loadTracker();
    const result = await exportCsv(spec.url(port), token, app.pid!);
    const seconds = result.ms / 1000;
    const rows = result.lines - 1;
    if (rows !== expectedRows) throw new Error(`expected ${expectedRows} rows, got ${rows}`);
    return {
      rows,
      bytes: result.bytes,
      seconds,
      rowsPerSecond: Math.round(rows / seconds),
      mbPerSecond: +(result.bytes / 1048576 / seconds).toFixed(2),
      baselineRssMb: +(baselineRss / 1048576).toFixed(1),
      peakRssMb: +(result.peakRss / 1048576).toFixed(1),
      peakRssGrowthMb: +((result.peakRss - baselineRss) / 1048576).toFixed(1),
      loadAverage1m: load.stop(),
    };
  } finally {
    await stopApp(app);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : +((sorted[mid - 1] + sorted[mid]) / 2).toFixed(2);
}

/** The commit measured; notes when the app's code (apps/, libs/) or this script differs from it. */
function commitMeasured(): string {
  const git = (...args: string[]) => execFileSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' }).trim();
  const commit = git('rev-parse', '--short', 'HEAD');
  const notes = [
    git('status', '--porcelain', '--', 'apps', 'libs') && 'uncommitted changes in apps/libs',
    git('status', '--porcelain', '--', 'bench/export-workers.ts') && 'this bench script uncommitted',
  ].filter(Boolean);
  return notes.length ? `${commit} (${notes.join('; ')})` : commit;
}

async function main(): Promise<void> {
  const spec = SPECS[EXPORT];
  await ensureDatabase(DATABASE_URL);
  // the first start migrates the schema the data is generated into
  log(`starting worker-profiles once to migrate ${DATABASE_URL}`);
  await stopApp(await startApp(await freePort()));
  const client = new Client({ connectionString: DATABASE_URL });
  let tables: Set<Issue16Table>;
  try {
    await client.connect();
    tables = await issue16Tables(client);
    log(`issue 16 tables in the schema: ${[...tables].join(', ') || 'none'}`);
    const config = Object.assign(new WorkerProfilesConfig(), { NODE_ENV: 'development' });
    await generate(client, new PiiCipher(config.piiKeyring), spec, tables);
  } finally {
    await client.end().catch(() => undefined);
  }

  const token = signToken({ sub: 'bench-admin', role: 'admin', region: '100000' }, DEV_JWT_SECRET);
  const expectedRows = spec.expectedRows(tables);
  const runs: RunResult[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const result = await run(spec, token, expectedRows);
    log(`run ${i}/${RUNS}: ${JSON.stringify(result)}`);
    runs.push(result);
  }
  const of = (key: 'seconds' | 'rowsPerSecond' | 'mbPerSecond' | 'baselineRssMb' | 'peakRssGrowthMb') => median(runs.map((r) => r[key]));
  const report = {
    benchmark: 'export-workers',
    export: EXPORT,
    month: spec.priorityWorkers ? MONTH : undefined,
    at: new Date().toISOString(),
    commit: commitMeasured(),
    /** The app inherits NODE_OPTIONS (e.g. production's heap cap from scripts/apps.js productionNodeOptions()); none: Node's defaults. */
    nodeOptions: process.env.NODE_OPTIONS ?? null,
    issue16Tables: [...tables],
    workers: WORKERS,
    rows: runs[0].rows,
    bytes: runs[0].bytes,
    runs: runs.length,
    seconds: of('seconds'),
    rowsPerSecond: Math.round(of('rowsPerSecond')),
    mbPerSecond: of('mbPerSecond'),
    baselineRssMb: of('baselineRssMb'),
    peakRssGrowthMb: of('peakRssGrowthMb'),
    loadAverage1m: { mean: median(runs.map((r) => r.loadAverage1m.mean)), max: Math.max(...runs.map((r) => r.loadAverage1m.max)) },
    targetGrowthMb: 100,
    machine: '2 cores shared, whole stack local',
    each: runs,
  };
  log(JSON.stringify(report, null, 2));
  mkdirSync(join(__dirname, 'results'), { recursive: true });
  writeFileSync(join(__dirname, 'results', `export-${EXPORT}.json`), `${JSON.stringify(report, null, 2)}\n`);
  appendBenchmarkLine(spec, report);
}

function appendBenchmarkLine(
  spec: ExportSpec,
  report: { rows: number; bytes: number; runs: number; seconds: number; rowsPerSecond: number; mbPerSecond: number; peakRssGrowthMb: number; baselineRssMb: number; loadAverage1m: { mean: number; max: number }; commit: string; nodeOptions: string | null; issue16Tables: string[]; each: RunResult[] },
): void {
  const file = join(ROOT, 'docs', 'BENCHMARKS.md');
  if (!existsSync(file)) {
    writeFileSync(file, '# Benchmarks\n\nMeasured by the `bench/` scripts on the 2-core development machine with the whole stack local. One line per run.\n\n| date | benchmark | result | target |\n| --- | --- | --- | --- |\n');
  }
  const medians = report.runs > 1 ? `median of ${report.runs} runs (s ${report.each.map((r) => r.seconds.toFixed(1)).join('/')}, growth MB ${report.each.map((r) => r.peakRssGrowthMb).join('/')}): ` : '';
  const data = spec.priorityWorkers ? `; priority workers with ${report.issue16Tables.filter((t) => t !== 'monitoring_lines').join(', ') || 'no issue-16 tables'}` : '';
  const result =
    `${medians}${report.rows.toLocaleString('en')} rows, ${(report.bytes / 1048576).toFixed(0)} MB CSV in ${report.seconds.toFixed(1)} s ` +
    `(${report.rowsPerSecond.toLocaleString('en')} rows/s, ${report.mbPerSecond} MB/s); app RSS ${report.baselineRssMb} MB → peak growth ${report.peakRssGrowthMb} MB${data}; ` +
    `app NODE_OPTIONS ${report.nodeOptions ?? 'none (Node\'s default heap)'}; load avg ${report.loadAverage1m.mean} (max ${report.loadAverage1m.max}); commit ${report.commit}`;
  const command = EXPORT === 'employed' ? '`bench/export-workers.ts`' : `\`bench/export-workers.ts --export ${EXPORT}\``;
  appendFileSync(file, `| ${new Date().toISOString().slice(0, 10)} | ${spec.label} (${command}) | ${result} | < 100 MB growth (1M rows) |\n`);
}

main().catch((error) => {
  process.stderr.write(`[bench export-workers] failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
