/**
 * Benchmark (not a test): the two ranking reads at scale with the read models in one shard and in
 * N shards (issue 18 part 6), side by side in one run.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/search-shards.ts
 *
 * 1. Loads the same W workers and J jobs (bench/lib/data.ts, through the app's own document mapping)
 *    into two pairs of concrete indices: one shard each, and BENCH_SHARDS shards each.
 * 2. Starts the matching app in-process with its aliases on the one-shard pair.
 * 3. Per request: the same worker's GET /v1/workers/{id}/matches?limit=20 and the same job's
 *    GET /v1/jobs/{id}/candidates?limit=50 over HTTP, on one pair then the other (the order
 *    alternating), the aliases swapped between them in one atomic call outside the timing. The two
 *    answers must be the same lists: a shard count changes where documents live, not the ranking.
 * Writes bench/results/search-shards.json and a line in docs/BENCHMARKS.md.
 * Env: BENCH_WORKERS (default 1,000,000), BENCH_JOBS (100,000), BENCH_SHARDS (2), BENCH_REQUESTS
 * (300 per pair and read), BENCH_REUSE=1 (keep indices of an earlier run holding the same counts),
 * BENCH_KEEP=1 (leave them), BENCH_TINY=1, BENCH_NO_DOC=1, BENCH_RESULTS_DIR.
 */
import 'reflect-metadata';
import { signToken } from '@laowu/auth';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET, loadConfig, startApp } from '@laowu/platform';
import { createSearchClient, type IndexDefinition, type SearchClient } from '@laowu/search';
import { kafkaConsumers } from '@laowu/messaging';
import type { AddressInfo } from 'node:net';
import { ABOUT, AppModule } from '../apps/matching/src/app.module';
import { jobsIndex, workersIndex } from '../apps/matching/src/indexing/index-definitions';
import { writeVersioned } from '../apps/matching/src/indexing/index-writer';
import { toJobDocument } from '../apps/matching/src/indexing/job.document';
import { toWorkerDocument } from '../apps/matching/src/indexing/worker.document';
import { MatchingConfig } from '../apps/matching/src/matching.config';
import { benchCounties, countOf, makeJob, makeWorker, Rng, someIds } from './lib/data';
import { appendBenchmarkLine, fmt, loadTracker, logger, mb, progress, runBench, size, summary, writeRunResult } from './lib/report';
import { timedRankedRead } from './lib/ranked-reads';
import { searchEngineQueries, startGroupsAtEnds } from './lib/stack';

const WORKERS = size('BENCH_WORKERS', 1_000_000, 400);
const JOBS = size('BENCH_JOBS', 100_000, 400);
const SHARDS = size('BENCH_SHARDS', 2, 2);
const REQUESTS = size('BENCH_REQUESTS', 300, 6);
const PREFIX = 'bench-sh-';
const BATCH = 2000;
const log = logger('search-shards');

type Variant = { shards: number; jobs: string; workers: string };
const VARIANTS: Variant[] = [1, SHARDS].map((shards) => ({ shards, jobs: `${PREFIX}jobs-s${shards}`, workers: `${PREFIX}workers-s${shards}` }));

const round1 = (x: number) => Math.round(x * 10) / 10;
const withShards = (definition: IndexDefinition, shards: number) => ({ settings: { ...definition.settings, number_of_shards: shards }, mappings: definition.mappings });


/** Writes the same generated documents into each variant's index, a batch at a time. */
async function load(client: SearchClient, what: 'workers' | 'jobs', total: number, make: () => { id: string; source: object }) {
  const started = Date.now();
  const report = progress(log, `loading ${what} into ${VARIANTS.length} indices`, total);
  for (let done = 0; done < total; ) {
    const docs = Array.from({ length: Math.min(BATCH, total - done) }, () => ({ ...make(), version: 1 }));
    await Promise.all(VARIANTS.map((v) => writeVersioned(client, v[what], docs)));
    done += docs.length;
    report(done);
  }
  return Math.round((Date.now() - started) / 1000);
}

/** Creates and fills both pairs of indices, unless BENCH_REUSE=1 finds them holding these counts. */
async function prepare(client: SearchClient) {
  const counts = await Promise.all(VARIANTS.flatMap((v) => [countOf(client, v.workers), countOf(client, v.jobs)]));
  if (process.env.BENCH_REUSE === '1' && counts.every((c, i) => c === (i % 2 ? JOBS : WORKERS))) {
    log('reusing the indices of an earlier run');
    return { workers: 0, jobs: 0 };
  }
  await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
  for (const v of VARIANTS) {
    await client.createIndex(v.workers, withShards(workersIndex(PREFIX), v.shards));
    await client.createIndex(v.jobs, withShards(jobsIndex(PREFIX), v.shards));
  }
  const rng = new Rng(7);
  const regions = benchCounties();
  const now = Date.now();
  const workers = await load(client, 'workers', WORKERS, () => {
    const d = toWorkerDocument(makeWorker(rng, rng.pick(regions)));
    return { id: d.workerId, source: d };
  });
  const jobs = await load(client, 'jobs', JOBS, () => {
    const d = toJobDocument(makeJob(rng, rng.pick(regions), now));
    return { id: d.jobId, source: d };
  });
  await client.refresh(`${PREFIX}*`);
  return { workers, jobs };
}


/** Moves both aliases from the pair they are on (none at first) to `to`, in one atomic call. */
async function pointAliasesAt(client: SearchClient, from: Variant | undefined, to: Variant) {
  if (from === to) return;
  const aliases = (v: Variant) => [
    { index: v.workers, alias: `${PREFIX}workers` },
    { index: v.jobs, alias: `${PREFIX}jobs` },
  ];
  await client.updateAliases([
    ...(from ? aliases(from).map((remove) => ({ remove })) : []),
    ...aliases(to).map((add) => ({ add: { ...add, is_write_index: true } })),
  ]);
}


async function main(): Promise<void> {
  const loadAverage1m = loadTracker();
  const config = loadConfig(MatchingConfig, {
    ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEARCH_INDEX_PREFIX: PREFIX,
    KAFKA_GROUP_ID: `matching-bench-shards-${Date.now()}`, RATE_LIMIT_PER_MINUTE: '1000000',
    DATABASE_URL: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu',
  });
  await ensureDatabase(config.DATABASE_URL);
  const client = createSearchClient(config.ELASTICSEARCH_URL);
  log(`${WORKERS.toLocaleString('en')} workers, ${JOBS.toLocaleString('en')} jobs; shards 1 and ${SHARDS}`);
  const loadSeconds = await prepare(client);
  let current: Variant | undefined;
  const use = async (v: Variant) => {
    await pointAliasesAt(client, current, v);
    current = v;
  };
  await use(VARIANTS[0]);
  const workerIds = await someIds(client, VARIANTS[0].workers, 'workerId', REQUESTS + 20);
  const jobIds = await someIds(client, VARIANTS[0].jobs, 'jobId', REQUESTS + 20);

  await startGroupsAtEnds(config.kafkaBrokers, [config.KAFKA_GROUP_ID], log);
  const consumers = kafkaConsumers({ brokers: config.kafkaBrokers, clientId: 'matching-bench-shards' }, { groupId: config.KAFKA_GROUP_ID });
  const app = await startApp(AppModule.forRoot(config), config, ABOUT, consumers);
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const admin = signToken({ sub: 'bench', role: 'admin', region: '100000' }, config.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET);
  const matches = VARIANTS.map(() => [] as number[]);
  const candidates = VARIANTS.map(() => [] as number[]);
  // The engine's own time in shard-level queries, summed over the requests (the shards of one request add up).
  const engine = VARIANTS.map(() => ({ matches: { queries: 0, queryMs: 0 }, candidates: { queries: 0, queryMs: 0 } }));
  const engineCount = () => searchEngineQueries({ search: client });
  const addEngine = (into: { queries: number; queryMs: number }, before: { queries: number; queryMs: number }, after: { queries: number; queryMs: number }) => {
    into.queries += after.queries - before.queries;
    into.queryMs += after.queryMs - before.queryMs;
  };
  let sameLists = 0;
  try {
    const requests = Math.min(REQUESTS, workerIds.length - 20, jobIds.length - 20);
    const report = progress(log, 'requests (each read on both pairs)', requests + 20);
    for (let i = 0; i < requests + 20; i++) {
      const warmUp = i < 20;
      const order = i % 2 ? [1, 0] : [0, 1];
      const lists: string[] = [];
      for (const k of order) {
        await use(VARIANTS[k]);
        const before = await engineCount();
        const m = await timedRankedRead(url, `/v1/workers/${workerIds[i]}/matches?limit=20`, admin);
        const between = await engineCount();
        const c = await timedRankedRead(url, `/v1/jobs/${jobIds[i]}/candidates?limit=50`, admin);
        const after = await engineCount();
        if (!warmUp) {
          matches[k].push(m.ms);
          candidates[k].push(c.ms);
          addEngine(engine[k].matches, before, between);
          addEngine(engine[k].candidates, between, after);
        }
        lists[k] = `${m.ids}|${c.ids}`;
      }
      if (!warmUp && lists[0] === lists[1]) sameLists++;
      report(i + 1);
    }
    const loadAverage = loadAverage1m.stop();
    const indexMB = Object.fromEntries(
      await Promise.all(VARIANTS.map(async (v) => [`shards${v.shards}`, { workers: mb(await client.storeBytes(v.workers)), jobs: mb(await client.storeBytes(v.jobs)) }])),
    );
    const perVariant = (samples: number[][]) => Object.fromEntries(VARIANTS.map((v, k) => [`shards${v.shards}`, summary(samples[k])]));
    const result = {
      data: { workers: WORKERS, jobs: JOBS, shards: VARIANTS.map((v) => v.shards), requests, loadSeconds, indexMB },
      matchesForWorkerMs: perVariant(matches),
      candidatesForJobMs: perVariant(candidates),
      enginePerRequest: Object.fromEntries(
        VARIANTS.map((v, k) => [
          `shards${v.shards}`,
          Object.fromEntries(
            (['matches', 'candidates'] as const).map((read) => [
              read,
              { shardQueries: round1(engine[k][read].queries / requests), shardQueryMs: round1(engine[k][read].queryMs / requests) },
            ]),
          ),
        ]),
      ),
      sameListsShare: Math.round((sameLists / requests) * 1000) / 1000,
      notes: 'HTTP one request at a time; per request the same worker and job on both pairs of indices, the order alternating; aliases swapped outside the timing',
    };
    writeRunResult('search-shards', log, loadAverage, result);
    const [one, many] = VARIANTS.map((v) => `shards${v.shards}`);
    const engineLine = (name: string) => {
      const e = result.enginePerRequest[name];
      return `${e.candidates.shardQueryMs} ms in ${e.candidates.shardQueries}, ${e.matches.shardQueryMs} ms in ${e.matches.shardQueries}`;
    };
    appendBenchmarkLine(
      `ranking reads with the read models in 1 shard vs ${SHARDS}, side by side (\`bench/search-shards.ts\`), ${WORKERS.toLocaleString('en')} workers, ${JOBS.toLocaleString('en')} jobs`,
      `p50/p95/p99 candidates-for-job: 1 shard ${fmt(result.candidatesForJobMs[one])} ms vs ${SHARDS} shards ${fmt(result.candidatesForJobMs[many])} ms; ` +
        `matches-for-worker: ${fmt(result.matchesForWorkerMs[one])} vs ${fmt(result.matchesForWorkerMs[many])} ms; ${requests} requests each, same lists ${result.sameListsShare}; ` +
        `engine time in shard queries per request (candidates, matches): ${engineLine(one)} vs ${engineLine(many)}; ` +
        `load avg ${loadAverage.mean} (max ${loadAverage.max})`,
      'candidates p99 ≤ 50 ms at 1M workers; matches p99 ≤ 50 ms at 1M jobs',
    );
  } finally {
    await app.close();
    if (process.env.BENCH_KEEP !== '1') await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
    await client.close();
  }
}

runBench('search-shards', module, main);
