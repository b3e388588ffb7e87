/**
 * Benchmark (not a test): this checkout's matching app against another checkout's (a baseline
 * commit, e.g. a git worktree), side by side in one run on the same indices, so that machine load
 * hits both alike.
 *
 *   git worktree add /tmp/baseline <commit> && ln -s "$PWD/node_modules" /tmp/baseline/node_modules
 *   BENCH_BASELINE=/tmp/baseline npx ts-node -r tsconfig-paths/register --transpile-only bench/compare-matching.ts
 *
 * 1. Loads W workers and J jobs (bench/lib/data.ts, through this checkout's document mapping) into
 *    the `bench-cmp-` aliases; both apps read them.
 * 2. Starts each checkout's matching app as a process of its own (ts-node, the same way for both).
 * 3. Per request, the same job's GET /v1/jobs/{id}/candidates?limit=50 and the same worker's
 *    GET /v1/workers/{id}/matches?limit=20 on one app then the other (the order alternating). The
 *    lists are compared: a change that should keep the ranking must give the same lists.
 * Writes bench/results/compare-matching.json and a line in docs/BENCHMARKS.md.
 * Env: BENCH_BASELINE (required), BENCH_WORKERS (default 1,000,000), BENCH_JOBS (100,000),
 * BENCH_REQUESTS (300), BENCH_REUSE=1 (keep indices of an earlier run holding the same counts),
 * BENCH_KEEP=1, BENCH_NO_DOC=1, BENCH_RESULTS_DIR.
 */
import 'reflect-metadata';
import { signToken } from '@laowu/auth';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET, sleep } from '@laowu/platform';
import { createSearchClient, ensureIndex, type SearchClient } from '@laowu/search';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { jobsIndex, workersIndex } from '../apps/matching/src/indexing/index-definitions';
import { writeVersioned } from '../apps/matching/src/indexing/index-writer';
import { toJobDocument } from '../apps/matching/src/indexing/job.document';
import { toWorkerDocument } from '../apps/matching/src/indexing/worker.document';
import { benchCounties, countOf, makeJob, makeWorker, Rng, someIds } from './lib/data';
import { appendBenchmarkLine, fmt, loadTracker, logger, progress, ROOT, runBench, size, summary, writeRunResult } from './lib/report';
import { timedRankedRead } from './lib/ranked-reads';
import { startGroupsAtEnds } from './lib/stack';

const WORKERS = size('BENCH_WORKERS', 1_000_000, 400);
const JOBS = size('BENCH_JOBS', 100_000, 400);
const REQUESTS = size('BENCH_REQUESTS', 300, 6);
const WARM_UP = 20;
const PREFIX = 'bench-cmp-';
const PORTS = { baseline: 19_361, current: 19_362 };
const log = logger('compare-matching');

type Side = keyof typeof PORTS;
const SIDES: Side[] = ['baseline', 'current'];


async function load(client: SearchClient, alias: string, total: number, make: () => { id: string; source: object }) {
  const report = progress(log, `loading ${alias}`, total);
  for (let done = 0; done < total; ) {
    const docs = Array.from({ length: Math.min(2000, total - done) }, () => ({ ...make(), version: 1 }));
    await writeVersioned(client, alias, docs);
    done += docs.length;
    report(done);
  }
}

/** The `bench-cmp-` indices with W workers and J jobs, unless BENCH_REUSE=1 finds them so. */
async function prepare(client: SearchClient): Promise<void> {
  const [workers, jobs] = await Promise.all([countOf(client, `${PREFIX}workers`), countOf(client, `${PREFIX}jobs`)]);
  if (process.env.BENCH_REUSE === '1' && workers === WORKERS && jobs === JOBS) {
    log('reusing the indices of an earlier run');
    return;
  }
  await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
  await ensureIndex(client, jobsIndex(PREFIX));
  await ensureIndex(client, workersIndex(PREFIX));
  const rng = new Rng(11);
  const regions = benchCounties();
  const now = Date.now();
  await load(client, `${PREFIX}workers`, WORKERS, () => {
    const d = toWorkerDocument(makeWorker(rng, rng.pick(regions)));
    return { id: d.workerId, source: d };
  });
  await load(client, `${PREFIX}jobs`, JOBS, () => {
    const d = toJobDocument(makeJob(rng, rng.pick(regions), now));
    return { id: d.jobId, source: d };
  });
  await client.refresh(`${PREFIX}*`);
}


const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
/** The checkout's commit, marked when its tracked files differ from it. */
const commitOf = (dir: string) => `${git(dir, 'rev-parse', '--short', 'HEAD')}${git(dir, 'status', '--porcelain', '--untracked-files=no') ? '+working tree' : ''}`;

/** One checkout's matching app on `port`, run by ts-node from its own sources. */
function startMatching(dir: string, port: number, groupId: string, output: number): ChildProcess {
  return spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(dir, 'apps/matching/src/main.ts')], {
    cwd: dir,
    stdio: ['ignore', output, output],
    env: {
      ...process.env, TS_NODE_PROJECT: join(dir, 'tsconfig.json'), NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1',
      SEARCH_INDEX_PREFIX: PREFIX, KAFKA_GROUP_ID: groupId, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000',
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_bench',
    },
  });
}

async function untilReady(port: number, child: ChildProcess, logFile: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 180_000; await sleep(500)) {
    if (child.exitCode !== null) throw new Error(`matching on ${port} exited ${child.exitCode}: see ${logFile}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return;
  }
  throw new Error(`matching on ${port} not ready in 180 s: see ${logFile}`);
}


async function main(): Promise<void> {
  if (!process.env.BENCH_BASELINE) throw new Error('BENCH_BASELINE: the path of the baseline checkout (e.g. a git worktree of the commit to compare with)');
  const dirs: Record<Side, string> = { baseline: resolve(process.env.BENCH_BASELINE), current: ROOT };
  const commits = { baseline: commitOf(dirs.baseline), current: commitOf(ROOT) };
  const loadAverage1m = loadTracker();
  const client = createSearchClient(process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200');
  await ensureDatabase(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_bench');
  log(`${WORKERS.toLocaleString('en')} workers, ${JOBS.toLocaleString('en')} jobs; baseline ${commits.baseline} vs ${commits.current}`);
  await prepare(client);
  const workerIds = await someIds(client, `${PREFIX}workers`, 'workerId', REQUESTS + WARM_UP);
  const jobIds = await someIds(client, `${PREFIX}jobs`, 'jobId', REQUESTS + WARM_UP);

  const run = Date.now().toString(36);
  const groups: Record<Side, string> = { baseline: `bench-cmp-baseline-${run}`, current: `bench-cmp-current-${run}` };
  await startGroupsAtEnds((process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), Object.values(groups), log);
  const logFile = join(tmpdir(), `laowu-bench-compare-${run}.log`);
  const output = openSync(logFile, 'a');
  const children = SIDES.map((side) => startMatching(dirs[side], PORTS[side], groups[side], output));
  const admin = signToken({ sub: 'bench', role: 'admin', region: '100000' }, process.env.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET);
  try {
    await Promise.all(SIDES.map((side, k) => untilReady(PORTS[side], children[k], logFile)));
    log('both apps ready');
    const samples = { candidates: { baseline: [] as number[], current: [] as number[] }, matches: { baseline: [] as number[], current: [] as number[] } };
    const requests = Math.min(REQUESTS, workerIds.length - WARM_UP, jobIds.length - WARM_UP);
    let sameLists = 0;
    const report = progress(log, 'requests (each on both apps)', requests + WARM_UP);
    for (let i = 0; i < requests + WARM_UP; i++) {
      const lists: Partial<Record<Side, string>> = {};
      for (const side of i % 2 ? [...SIDES].reverse() : SIDES) {
        const c = await timedRankedRead(`http://127.0.0.1:${PORTS[side]}`, `/v1/jobs/${jobIds[i]}/candidates?limit=50`, admin);
        const m = await timedRankedRead(`http://127.0.0.1:${PORTS[side]}`, `/v1/workers/${workerIds[i]}/matches?limit=20`, admin);
        if (i >= WARM_UP) {
          samples.candidates[side].push(c.ms);
          samples.matches[side].push(m.ms);
        }
        lists[side] = `${c.ids}|${m.ids}`;
      }
      if (i >= WARM_UP && lists.baseline === lists.current) sameLists++;
      report(i + 1);
    }
    const loadAverage = loadAverage1m.stop();
    const bySide = (read: keyof typeof samples) => ({ baseline: summary(samples[read].baseline), current: summary(samples[read].current) });
    const result = {
      commits,
      data: { workers: WORKERS, jobs: JOBS, requests },
      candidatesForJobMs: bySide('candidates'),
      matchesForWorkerMs: bySide('matches'),
      sameListsShare: Math.round((sameLists / requests) * 1000) / 1000,
      notes: 'HTTP one request at a time; per request the same job and worker on both apps, the order alternating; both apps on the same indices',
    };
    writeRunResult('compare-matching', log, loadAverage, result);
    appendBenchmarkLine(
      `matching ${commits.baseline} vs ${commits.current}, side by side on one pair of indices (\`bench/compare-matching.ts\`), ${WORKERS.toLocaleString('en')} workers, ${JOBS.toLocaleString('en')} jobs`,
      `p50/p95/p99 candidates-for-job: ${fmt(result.candidatesForJobMs.baseline)} ms vs ${fmt(result.candidatesForJobMs.current)} ms; ` +
        `matches-for-worker: ${fmt(result.matchesForWorkerMs.baseline)} vs ${fmt(result.matchesForWorkerMs.current)} ms; ${requests} requests each, same lists ${result.sameListsShare}; ` +
        `load avg ${loadAverage.mean} (max ${loadAverage.max})`,
      'candidates p99 ≤ 50 ms at 1M workers',
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    if (process.env.BENCH_KEEP !== '1') await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
    await client.close();
  }
}

runBench('compare-matching', module, main);
