/**
 * Benchmark (not a test): export a list of N generated workers as CSV through the HTTP API and
 * report the time and the app process's peak RSS growth (target: < 100 MB for a 1M-row list).
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/export-workers.ts [--workers 200000]
 *
 * Data goes to its own database (laowu_bench) so tests are not slowed. Workers are generated
 * directly in PostgreSQL with their personal data encrypted by the app's own PiiCipher (dev keys),
 * then the app runs as a child process (HTTP only) and the CSV streams to nowhere, counting bytes,
 * while /proc/<pid>/status is sampled for VmRSS. Results: bench/results/export-workers.json and a
 * line in docs/BENCHMARKS.md.
 */
import { signToken } from '@laowu/auth';
import { makeResidentId, maskPhone, maskResidentId } from '@laowu/domain';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET } from '@laowu/platform';
import { fork, type ChildProcess } from 'node:child_process';
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

const ROOT = join(__dirname, '..');
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_bench';
const WORKERS = Number(argument('--workers') ?? 200_000);
const INSERT_BATCH = 2000;
const COUNTIES = ['513401', '513402', '513422', '513423', '513424', '513426', '513427', '513428', '513429', '513430'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
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

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Generates the workers straight into the app's tables (after the app has migrated them). */
async function generate(client: Client, cipher: PiiCipher, count: number): Promise<void> {
  const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM "${SCHEMA}".workers WHERE station_id = 'station-bench'`)).rows;
  if (n === count) return log(`${count} workers already in ${DATABASE_URL}`);
  await client.query(`TRUNCATE "${SCHEMA}".employment_status_history, "${SCHEMA}".workers`);
  const started = Date.now();
  for (let done = 0; done < count; done += INSERT_BATCH) {
    const rows = Array.from({ length: Math.min(INSERT_BATCH, count - done) }, (_, i) => generatedWorker(cipher, done + i));
    await insertWorkers(client, rows);
    if ((done / INSERT_BATCH) % 10 === 0) log(`generated ${done + rows.length}/${count} workers (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
  await client.query(
    `INSERT INTO "${SCHEMA}".employment_status_history (worker_id, status, effective_date, region_code, registered_at, employer, source, recorded_by)
     SELECT id, employment_status, status_effective_date, status_region_code, status_registered_at, employer, 'registration', 'bench' FROM "${SCHEMA}".workers`,
  );
  await client.query(`ANALYZE "${SCHEMA}".workers`);
  log(`generated ${count} workers in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function generatedWorker(cipher: PiiCipher, n: number): unknown[] {
  const id = randomUUID();
  const county = COUNTIES[n % COUNTIES.length];
  const gender = n % 2 ? 'male' : 'female';
  // (birth day, sequence) is unique for every n below 14,000 × 500 = 7M: no blind-index collisions
  const birthDate = new Date(Date.UTC(1966, 0, 1) + (n % 14_000) * 86_400_000).toISOString().slice(0, 10);
  const idNumber = makeResidentId({ regionCode: county, birthDate, gender, sequence: (Math.floor(n / 14_000) % 500) * 2 + (gender === 'male' ? 1 : 0) });
  const phone = `13${String(n).padStart(9, '0')}`;
  const name = `${SURNAMES[n % SURNAMES.length]}工${n % 1000}`;
  const preferences = { kinds: ['gig', 'fulltime'], willingToMigrate: n % 3 === 0, targetRegionCodes: ['440000'], maxCommuteKm: 30 };
  return [
    id, 'station-bench', cipher.encrypt(idNumber, id, 'idNumber'), cipher.blindIndex(idNumber), maskResidentId(idNumber),
    cipher.encrypt(name, id, 'name'), maskName(name), cipher.encrypt(phone, id, 'phone'), maskPhone(phone), cipher.activeKeyId,
    birthDate, gender, county, county, JSON.stringify([{ code: 'welding', level: 1 + (n % 5) }]),
    n % 5 === 0 ? '{poverty_alleviated}' : '{}', JSON.stringify(preferences), preferences.willingToMigrate,
    '2026-03-01', n % 2 ? '440306' : '441900', n % 2 ? '深圳某电子厂' : '东莞某制衣厂',
  ];
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

async function main(): Promise<void> {
  await ensureDatabase(DATABASE_URL);
  const port = await freePort();
  log(`starting worker-profiles on :${port} against ${DATABASE_URL}`);
  const app = await startApp(port);
  const client = new Client({ connectionString: DATABASE_URL });
  try {
    await client.connect();
    const config = Object.assign(new WorkerProfilesConfig(), { NODE_ENV: 'development' });
    await generate(client, new PiiCipher(config.piiKeyring), WORKERS);

    const token = signToken({ sub: 'bench-admin', role: 'admin', region: '100000' }, DEV_JWT_SECRET);
    const url = `http://127.0.0.1:${port}/v1/lists/employed?regionCode=510000&format=csv`;
    // warm-up: a small JSON page (loads code paths, pools), then let the app settle
    await new Promise((resolve) => get(`http://127.0.0.1:${port}/v1/lists/employed?regionCode=513401&pageSize=10`, { headers: { Authorization: `Bearer ${token}` } }, (r) => r.resume().on('end', resolve)));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const baselineRss = rssBytes(app.pid!);
    log(`app RSS before export: ${(baselineRss / 1048576).toFixed(1)} MB; exporting ${WORKERS} rows as CSV…`);
    const result = await exportCsv(url, token, app.pid!);
    const growthMb = (result.peakRss - baselineRss) / 1048576;
    const report = {
      benchmark: 'export-workers',
      at: new Date().toISOString(),
      workers: WORKERS,
      rows: result.lines - 1,
      bytes: result.bytes,
      seconds: result.ms / 1000,
      rowsPerSecond: Math.round((result.lines - 1) / (result.ms / 1000)),
      baselineRssMb: +(baselineRss / 1048576).toFixed(1),
      peakRssMb: +(result.peakRss / 1048576).toFixed(1),
      peakRssGrowthMb: +growthMb.toFixed(1),
      targetGrowthMb: 100,
      machine: '2 cores shared, whole stack local',
    };
    log(JSON.stringify(report, null, 2));
    if (report.rows !== WORKERS) throw new Error(`expected ${WORKERS} rows, got ${report.rows}`);
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(join(__dirname, 'results', 'export-workers.json'), `${JSON.stringify(report, null, 2)}\n`);
    appendBenchmarkLine(report);
  } finally {
    await client.end().catch(() => undefined);
    app.kill('SIGTERM');
  }
}

function appendBenchmarkLine(report: { at: string; rows: number; bytes: number; seconds: number; rowsPerSecond: number; peakRssGrowthMb: number; baselineRssMb: number }): void {
  const file = join(ROOT, 'docs', 'BENCHMARKS.md');
  if (!existsSync(file)) {
    writeFileSync(file, '# Benchmarks\n\nMeasured by the `bench/` scripts on the 2-core development machine with the whole stack local. One line per run.\n\n| date | benchmark | result | target |\n| --- | --- | --- | --- |\n');
  }
  const result = `${report.rows.toLocaleString('en')} rows, ${(report.bytes / 1048576).toFixed(0)} MB CSV in ${report.seconds.toFixed(1)} s (${report.rowsPerSecond.toLocaleString('en')} rows/s); app RSS ${report.baselineRssMb} MB → peak growth ${report.peakRssGrowthMb} MB`;
  appendFileSync(file, `| ${report.at.slice(0, 10)} | worker-profiles CSV export (\`bench/export-workers.ts\`) | ${result} | < 100 MB growth (1M rows) |\n`);
}

main().catch((error) => {
  process.stderr.write(`[bench export-workers] failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
