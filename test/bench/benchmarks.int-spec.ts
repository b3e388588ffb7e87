// The benchmarks are scripts, not tests: this only checks that each still runs, at a tiny size
// (BENCH_TINY=1), against the test infrastructure, and writes its JSON result. No figures are
// asserted and docs/BENCHMARKS.md is not touched at this size.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testInfra } from '../support/infra';

const ROOT = join(__dirname, '..', '..');
const TIMEOUT_MS = 420_000; // each starts the four apps; CI shares the machine

function runBench(script: string, resultsDir: string, env: Record<string, string> = {}): Promise<{ code: number | null; output: string }> {
  const infra = testInfra();
  const database = new URL(infra.databaseUrl);
  database.pathname = '/laowu_bench';
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join('bench', script)], {
      cwd: ROOT,
      env: {
        ...process.env, BENCH_TINY: '1', BENCH_RESULTS_DIR: resultsDir, KAFKA_BROKERS: infra.kafkaBrokers, ELASTICSEARCH_URL: infra.searchUrl,
        BENCH_DATABASE_URL: database.toString(), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'), LOG_LEVEL: 'error', ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS - 10_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('bench/ scripts at a tiny size', () => {
  let resultsDir: string;
  beforeAll(() => (resultsDir = mkdtempSync(join(tmpdir(), 'laowu-bench-'))));
  afterAll(() => rmSync(resultsDir, { recursive: true, force: true }));

  // [script, result name, check, extra env]
  const cases: [string, string, (result: Record<string, any>) => void, Record<string, string>?][] = [
    ['matches-vs-postgres.ts', 'matches-vs-postgres', (r) => {
      expect(r.sizes.length).toBeGreaterThan(0);
      for (const size of r.sizes) expect(size.laowuHttpMs.n).toBeGreaterThan(0), expect(size.postgresMs.n).toBeGreaterThan(0);
      // Same data, same ranking: the PostgreSQL query must agree with the app on most of the top 20.
      expect(r.sizes[0].top20Agreement).toBeGreaterThanOrEqual(0.8);
    }],
    ['instant-path.ts', 'instant-path', (r) => expect(r.postToFirstMatchOnStreamMs.n).toBeGreaterThan(0)],
    ['instant-path.ts', 'instant-path.bulk', (r) => {
      expect(r.postToFirstMatchOnStreamMs.n).toBeGreaterThan(0);
      expect(r.standardLane.lagMs.n).toBeGreaterThan(0);
    }, { BENCH_BULK: '1' }],
    ['worker-available.ts', 'worker-available', (r) => expect(r.postToFirstPushOnStreamMs.n).toBeGreaterThan(0)],
    ['ingest.ts', 'ingest', (r) => expect(r.endToEndJobsPerSec).toBeGreaterThan(0)],
    ['load.ts', 'load', (r) => {
      expect(r.main.requests).toBeGreaterThan(0);
      expect(Object.keys(r.main.perEndpoint)).toEqual(['matchesForWorker', 'jobSearch', 'jobPost', 'workerRead', 'stationMatches']);
      expect(r.sweep.length).toBeGreaterThan(0);
      expect(r.appsExited).toEqual([]);
    }],
    ['memory.ts', 'memory', (r) => {
      for (const app of ['job-collection', 'worker-profiles', 'matching', 'dispatch']) expect(r.perApp[app].peakUnderLoadMB).toBeGreaterThan(0);
      expect(r.wholeStack.peakMB).toBeGreaterThan(0);
    }],
  ];

  // A rest parameter: jest gives a test function with more parameters than its row has values a done callback, and waits for it.
  it.each(cases)('%s (%s) runs and writes its result', async (...[script, name, check, env]) => {
    const { code, output } = await runBench(script, resultsDir, env);
    if (code !== 0) throw new Error(`bench/${script} exited ${code}:\n${output.slice(-4000)}`);
    const file = join(resultsDir, `${name}.tiny.json`);
    expect(existsSync(file)).toBe(true);
    check(JSON.parse(readFileSync(file, 'utf8')));
  }, TIMEOUT_MS);
});
