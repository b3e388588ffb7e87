/**
 * Benchmark (not a test): matches-for-worker at 10k, 100k and 1M open jobs — Laowu's matching app
 * (HTTP GET /v1/workers/{id}/matches, the OpenSearch function_score) against the same ranking as
 * one plain PostgreSQL query over the same jobs, side by side, at each size, in one run.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/matches-vs-postgres.ts
 *
 * Env: BENCH_SIZES (default 10000,100000,1000000), BENCH_REQUESTS (per size and engine, default
 * 200; BENCH_REQUESTS_1M from 1M jobs up, default 60), BENCH_WORKERS (workers indexed to ask for, default 2000), BENCH_TINY=1 (the CI size),
 * BENCH_KEEP=1 (keep the indices and the table), BENCH_DATABASE_URL (default …/laowu_bench).
 *
 * Data is loaded directly, not through the APIs: the same generated jobs go through the app's own
 * mapping (toJobDocument) into the `bench-mvp-jobs` alias and into a table of the `laowu_bench`
 * database, and the sizes grow in place (10k, then +90k, then +900k). The app runs in this
 * process (HTTP, no Kafka consumer) with SEARCH_INDEX_PREFIX=bench-mvp-. Requests alternate
 * between the two engines, one at a time, for the same workers, so machine load hits both alike.
 * Writes bench/results/matches-vs-postgres.json and a line in docs/BENCHMARKS.md.
 */
import 'reflect-metadata';
import { signToken } from '@laowu/auth';
import { eastWestPartnersOf } from '@laowu/domain';
import { ensureDatabase } from '@laowu/persistence';
import { DEV_JWT_SECRET, loadConfig, startApp } from '@laowu/platform';
import { createSearchClient, ensureIndex, type SearchClient } from '@laowu/search';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { ABOUT, AppModule } from '../apps/matching/src/app.module';
import { jobsIndex, workersIndex } from '../apps/matching/src/indexing/index-definitions';
import { writeVersioned } from '../apps/matching/src/indexing/index-writer';
import { type JobDocument, toJobDocument } from '../apps/matching/src/indexing/job.document';
import { toWorkerDocument, type WorkerDocument } from '../apps/matching/src/indexing/worker.document';
import { MatchingConfig } from '../apps/matching/src/matching.config';
import { AGE_HALF_LIFE_YEARS } from '../apps/matching/src/ranking/factors/age.factor';
import { ASSISTANCE_KINDS } from '../apps/matching/src/ranking/factors/assistance.factor';
import { candidatePoolSize, diversify, diversityPolicy, type DiversityPolicy } from '../apps/matching/src/ranking/diversify';
import { commuteScaleKm, MIGRANT_DISTANCE_FLOOR } from '../apps/matching/src/ranking/factors/distance.factor';
import { NEUTRAL } from '../apps/matching/src/ranking/factors/factor';
import { type Factor, FACTORS } from '../apps/matching/src/ranking/factors/factors';
import { FRESHNESS_SCALE_DAYS } from '../apps/matching/src/ranking/factors/freshness.factor';
import { OLDER_WORKER_AGE } from '../apps/matching/src/ranking/factors/older-friendly.factor';
import { isPriorityWorker } from '../apps/matching/src/ranking/factors/priority.factor';
import { kindsOfferedTo } from '../apps/matching/src/ranking/factors/public-welfare.factor';
import { SKILL_STEP_CREDIT, stepKeys } from '../apps/matching/src/ranking/factors/skills.factor';
import { START_SOON_SCALE_DAYS } from '../apps/matching/src/ranking/factors/start-soon.factor';
import { WAGE_RATIO_FLOOR, WAGE_RATIO_SPAN } from '../apps/matching/src/ranking/factors/wage.factor';
import { benchCounties, makeJob, makeWorker, Rng } from './lib/data';
import { appendBenchmarkLine, countsByLabel, countsSince, fmt, loadTracker, logger, machine, mb, progress, size, sleep, type Summary, summary, writeResult } from './lib/report';

const NAME = 'matches-vs-postgres';
/** The matches asked for, as a station's page asks. */
const LIMIT = 20;
const log = logger(NAME);
const SIZES = (process.env.BENCH_SIZES ?? (process.env.BENCH_TINY === '1' ? '300,1000' : '10000,100000,1000000')).split(',').map(Number);
const REQUESTS = size('BENCH_REQUESTS', 200, 10);
const WORKERS = size('BENCH_WORKERS', 2000, 50);
/** Fewer requests from 1M jobs up, where one PostgreSQL query takes seconds on this machine. */
const REQUESTS_1M = size('BENCH_REQUESTS_1M', 60, 10);
const requestsAt = (jobs: number) => (jobs >= 1_000_000 ? Math.min(REQUESTS, REQUESTS_1M) : REQUESTS);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_bench';
const PREFIX = 'bench-mvp-';
const TABLE = 'bench_match_jobs';
const BATCH = 5000;
const w = Object.fromEntries(FACTORS.map((f) => [f.name, f.defaultWeight])) as Record<Factor, number>;

/** The table a team without a search engine would keep: one row per job, arrays for the multi-valued fields. */
const CREATE_TABLE = `
  DROP TABLE IF EXISTS ${TABLE};
  CREATE TABLE ${TABLE} (
    job_id uuid PRIMARY KEY,
    agency_id text NOT NULL,
    status text NOT NULL,
    title text NOT NULL,
    kind text NOT NULL,
    skill_reqs text[] NOT NULL,
    skill_count int NOT NULL,
    headcount_left int NOT NULL,
    wage_per_day_max float8,
    lat float8 NOT NULL,
    lon float8 NOT NULL,
    region_code text NOT NULL,
    province_code text,
    region_codes text[] NOT NULL,
    cross_source_codes text[] NOT NULL,
    age_min int,
    age_max int,
    older_worker_friendly boolean NOT NULL,
    relocation_quota_pct int NOT NULL,
    start_at timestamptz,
    end_at timestamptz,
    posted_at timestamptz NOT NULL
  );`;

/** Indexes such a team would add: open jobs by kind, the region and skill arrays. (Distance is a decay, not a filter: no index helps it.) */
const CREATE_INDEXES = `
  CREATE INDEX IF NOT EXISTS ${TABLE}_open_kind ON ${TABLE} (kind, start_at) WHERE status = 'open' AND headcount_left > 0;
  CREATE INDEX IF NOT EXISTS ${TABLE}_regions ON ${TABLE} USING gin (region_codes);
  CREATE INDEX IF NOT EXISTS ${TABLE}_cross ON ${TABLE} USING gin (cross_source_codes);
  CREATE INDEX IF NOT EXISTS ${TABLE}_skills ON ${TABLE} USING gin (skill_reqs);`;

/** 0.5^x without PostgreSQL's float underflow error for far-away jobs. */
const half = (x: string) => `exp(greatest(-700.0, ${-Math.LN2} * (${x})))`;

/** Great-circle distance in km (haversine, as OpenSearch's arcDistance), inline float math. */
const HAVERSINE_KM = `2 * 6371.0088 * asin(sqrt(power(sin(radians(lat - $1) / 2), 2) + cos(radians($1)) * cos(radians(lat)) * power(sin(radians(lon - $2) / 2), 2)))`;

/**
 * The ranking of ranking.queries.ts (jobsForWorkerQuery) as SQL: the same hard filters and the
 * same `weight × value` terms, summed; weights from the ranking factors (apps/matching/src/ranking/factors/). Tuned as a careful team
 * would (each measured on 100k rows under the same load): inline haversine instead of the
 * earthdistance extension (available here, 4× slower per row), date_part (float8) instead of
 * EXTRACT (numeric, 7× slower), and the per-row skills subquery only where the arrays overlap.
 * The factors learned from outcomes (agencyOutcomes, jobOutcomes, acceptedHistory) add nothing
 * here: the bench data has no dispatch outcomes, so both sides leave them neutral.
 */
const RANKING_SQL = `
  SELECT job_id, title, kind, agency_id, wage_per_day_max, lat, lon, score FROM (
    SELECT *, (
      ${w.skills} * (CASE WHEN skill_count = 0 THEN ${NEUTRAL} WHEN NOT (skill_reqs && $3::text[] OR skill_reqs && $17::text[]) THEN 0
                     ELSE (SELECT sum(CASE WHEN k = ANY($3::text[]) THEN 1.0 WHEN k = ANY($17::text[]) THEN ${SKILL_STEP_CREDIT} ELSE 0 END)
                           FROM unnest(skill_reqs) k)::float8 / skill_count END)
      + ${w.distance} * (CASE WHEN $8 AND kind <> 'gig' THEN ${MIGRANT_DISTANCE_FLOOR} + ${1 - MIGRANT_DISTANCE_FLOOR} * ${half(`power(${HAVERSINE_KM} / $4, 2)`)}
                              ELSE ${half(`power(${HAVERSINE_KM} / $4, 2)`)} END)
      + ${w.age} * ${half(`(CASE WHEN age_min IS NOT NULL AND $6 < age_min THEN age_min - $6
                                WHEN age_max IS NOT NULL AND $6 > age_max THEN $6 - age_max ELSE 0 END) / ${AGE_HALF_LIFE_YEARS}.0`)}
      + ${w.wage} * (CASE WHEN wage_per_day_max IS NULL OR $7 < 0 THEN ${NEUTRAL} WHEN $7 = 0 THEN 1.0
                     ELSE least(1.0, greatest(0.0, (wage_per_day_max / $7 - ${WAGE_RATIO_FLOOR}) / ${WAGE_RATIO_SPAN})) END)
      + ${w.freshness} * ${half(`power(date_part('epoch', $14::timestamptz - posted_at) / 86400.0 / ${FRESHNESS_SCALE_DAYS}, 2)`)}
      + (CASE WHEN kind = 'gig' AND start_at IS NOT NULL
              THEN ${w.startSoon} * ${half(`power(date_part('epoch', start_at - $14::timestamptz) / 86400.0 / ${START_SOON_SCALE_DAYS}, 2)`)} ELSE 0 END)
      + (CASE WHEN $8 AND cross_source_codes && $9::text[]
              THEN ${w.crossRegion} + (CASE WHEN province_code = ANY($10::text[]) THEN ${w.eastWest} ELSE 0 END) ELSE 0 END)
      + (CASE WHEN region_codes && $11::text[] THEN ${w.targetRegion} ELSE 0 END)
      + (CASE WHEN $12 AND older_worker_friendly THEN ${w.olderFriendly} ELSE 0 END)
      + (CASE WHEN $13 THEN ${w.priority} + (CASE WHEN kind = ANY('{${ASSISTANCE_KINDS.join(',')}}') THEN ${w.assistance} ELSE 0 END) ELSE 0 END)
      + (CASE WHEN $15 AND relocation_quota_pct > 0 THEN ${w.relocation} ELSE 0 END)
      + (CASE WHEN $16 AND kind = 'public_welfare' THEN ${w.publicWelfare} ELSE 0 END)
    ) AS score
    FROM ${TABLE}
    WHERE status = 'open' AND headcount_left > 0 AND kind = ANY($5::text[])
      AND (start_at IS NULL OR start_at >= $14) AND (end_at IS NULL OR end_at >= $14)
  ) ranked
  ORDER BY score DESC, job_id
  LIMIT ${candidatePoolSize(LIMIT)}`;

function rankingParams(worker: WorkerDocument, now: Date): unknown[] {
  return [
    worker.location.lat, worker.location.lon, worker.skillKeys, commuteScaleKm(worker), kindsOfferedTo(worker), worker.ageYears,
    worker.minWagePerDay ?? -1, worker.willingToMigrate, worker.homeCodes, eastWestPartnersOf(worker.homeRegionCode),
    worker.targetRegionCodes, worker.ageYears >= OLDER_WORKER_AGE, isPriorityWorker(worker), now.toISOString(),
    worker.priorityGroups.includes('relocated'), isPriorityWorker(worker) && !worker.willingToMigrate, stepKeys(worker),
  ];
}

async function insertJobs(pg: Client, docs: JobDocument[]): Promise<void> {
  const col = <T>(f: (d: JobDocument) => T) => docs.map(f);
  await pg.query(
    `INSERT INTO ${TABLE} SELECT u.job_id, u.agency_id, u.status, u.title, u.kind, ARRAY(SELECT jsonb_array_elements_text(u.skill_reqs)), u.skill_count,
       u.headcount_left, u.wage, u.lat, u.lon, u.region_code, u.province_code,
       ARRAY(SELECT jsonb_array_elements_text(u.region_codes)), ARRAY(SELECT jsonb_array_elements_text(u.cross_codes)),
       u.age_min, u.age_max, u.older, u.reloc, u.start_at, u.end_at, u.posted_at
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::int[], $8::int[], $9::float8[], $10::float8[],
       $11::float8[], $12::text[], $13::text[], $14::jsonb[], $15::jsonb[], $16::int[], $17::int[], $18::bool[], $19::int[],
       $20::timestamptz[], $21::timestamptz[], $22::timestamptz[])
       AS u(job_id, agency_id, status, title, kind, skill_reqs, skill_count, headcount_left, wage, lat, lon, region_code, province_code,
            region_codes, cross_codes, age_min, age_max, older, reloc, start_at, end_at, posted_at)`,
    [
      col((d) => d.jobId), col((d) => d.agencyId), col((d) => d.status), col((d) => d.title), col((d) => d.kind),
      col((d) => JSON.stringify(d.skillReqs)), col((d) => d.skillCount), col((d) => d.headcountLeft), col((d) => d.wagePerDayMax ?? null),
      col((d) => d.location.lat), col((d) => d.location.lon), col((d) => d.regionCode), col((d) => d.provinceCode ?? null),
      col((d) => JSON.stringify(d.regionCodes)), col((d) => JSON.stringify(d.crossSourceCodes)), col((d) => d.ageMin ?? null),
      col((d) => d.ageMax ?? null), col((d) => d.olderWorkerFriendly), col((d) => d.relocationQuotaPct), col((d) => d.startAt ?? null),
      col((d) => d.endAt ?? null), col((d) => d.postedAt),
    ],
  );
}

async function storeBytes(client: SearchClient, alias: string): Promise<number> {
  return client.storeBytes(alias);
}

async function openSearchHeap(client: SearchClient) {
  const body = await client.nodeStats('jvm');
  const node = Object.values((body as { nodes: Record<string, { jvm: { mem: { heap_used_in_bytes: number; heap_max_in_bytes: number } } }> }).nodes)[0];
  return { usedMB: Math.round(node.jvm.mem.heap_used_in_bytes / 2 ** 20), maxMB: Math.round(node.jvm.mem.heap_max_in_bytes / 2 ** 20) };
}

async function main(): Promise<void> {
  const load = loadTracker();
  const config = loadConfig(MatchingConfig, {
    ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEARCH_INDEX_PREFIX: PREFIX,
    RATE_LIMIT_PER_MINUTE: '10000000', DATABASE_URL,
  });
  await ensureDatabase(DATABASE_URL);
  const pg = new Client({ connectionString: DATABASE_URL });
  await pg.connect();
  await pg.query(CREATE_TABLE);
  const client = createSearchClient(config.ELASTICSEARCH_URL);
  await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
  const jobs = await ensureIndex(client, jobsIndex(PREFIX));
  await ensureIndex(client, workersIndex(PREFIX));
  void jobs;
  await client.putSettings(`${PREFIX}jobs`, { index: { refresh_interval: '-1' } });

  const rng = new Rng(7);
  const regions = benchCounties();
  const now = Date.now();
  log(`${regions.length} counties; sizes ${SIZES.join(', ')}; ${REQUESTS} requests per engine and size; ${WORKERS} workers to ask for`);
  const workers = Array.from({ length: WORKERS }, () => toWorkerDocument(makeWorker(rng, rng.pick(regions))));
  await writeVersioned(client, `${PREFIX}workers`, workers.map((d) => ({ id: d.workerId, version: 1, source: d })));
  await client.refresh(`${PREFIX}workers`);

  const app = await startApp(AppModule.forRoot(config), config, ABOUT);
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const token = signToken({ sub: 'bench', role: 'admin', region: '100000' }, config.LAOWU_JWT_SECRET ?? DEV_JWT_SECRET);
  const results: object[] = [];
  let loaded = 0;
  try {
    for (const target of SIZES) {
      // 1. Grow both stores to `target` jobs, the same documents in each.
      const started = Date.now();
      const tick = progress(log, `loading jobs to ${target.toLocaleString('en')}`, target - loaded);
      const from = loaded;
      while (loaded < target) {
        const docs = Array.from({ length: Math.min(BATCH, target - loaded) }, () => toJobDocument(makeJob(rng, rng.pick(regions), now)));
        await Promise.all([
          writeVersioned(client, `${PREFIX}jobs`, docs.map((d) => ({ id: d.jobId, version: 1, source: d }))),
          insertJobs(pg, docs),
        ]);
        loaded += docs.length;
        tick(loaded - from);
      }
      const loadSeconds = (Date.now() - started) / 1000;
      log('refreshing the index, indexing and analysing the table');
      await client.refresh(`${PREFIX}jobs`);
      await pg.query(CREATE_INDEXES);
      await pg.query(`VACUUM ANALYZE ${TABLE}`);

      // 2. Warm both, then alternate one request each for the same worker.
      const pick = () => workers[Math.floor(rng.next() * workers.length)];
      const params = (wk: WorkerDocument) => rankingParams(wk, new Date());
      const policy = diversityPolicy(config, LIMIT);
      const requests = requestsAt(target);
      for (let i = 0; i < Math.min(10, requests); i++) {
        const wk = pick();
        await httpMatches(url, token, wk.workerId);
        await postgresTop(pg, params(wk), policy);
      }
      const laowu: number[] = [];
      const postgres: number[] = [];
      const overlaps: number[] = [];
      const tiersBefore = await countsByLabel('laowu_matching_jobs_for_worker_total', 'tier');
      const tickQ = progress(log, `queries at ${target.toLocaleString('en')} jobs`, requests);
      for (let i = 0; i < requests; i++) {
        const wk = pick();
        const a = performance.now();
        const ours = await httpMatches(url, token, wk.workerId);
        const b = performance.now();
        const theirs = await postgresTop(pg, params(wk), policy);
        const c = performance.now();
        laowu.push(b - a);
        postgres.push(c - b);
        const mine = new Set(ours);
        overlaps.push(theirs.length ? theirs.filter((id) => mine.has(id)).length / Math.max(theirs.length, ours.length) : 1);
        tickQ(i + 1);
      }
      const tiers = countsSince(await countsByLabel('laowu_matching_jobs_for_worker_total', 'tier'), tiersBefore);
      const plan = (await pg.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${RANKING_SQL}`, params(pick()))).rows.map((r: Record<string, string>) => r['QUERY PLAN']);
      const ours = summary(laowu);
      const theirs = summary(postgres);
      const tableBytes = Number((await pg.query(`SELECT pg_total_relation_size('${TABLE}') AS n`)).rows[0].n);
      const row = {
        openJobs: target,
        requests,
        loadSeconds: Math.round(loadSeconds),
        laowuHttpMs: ours,
        postgresMs: theirs,
        ratio: { p50: round2(theirs.p50 / ours.p50), p95: round2(theirs.p95 / ours.p95), p99: round2(theirs.p99 / ours.p99) },
        top20Agreement: round2(overlaps.reduce((x, y) => x + y, 0) / overlaps.length),
        rankingTiers: tiers,
        openSearchIndexMB: mb(await storeBytes(client, `${PREFIX}jobs`)),
        openSearchHeap: await openSearchHeap(client),
        postgresTableWithIndexesMB: mb(tableBytes),
        postgresPlan: plan.filter((line: string) => /Scan|Sort|Gather|Limit|Execution Time|Workers/.test(line)).map((l: string) => l.trim()),
      };
      log(`${target.toLocaleString('en')} jobs: Laowu p50/p95/p99 ${fmt(ours)} ms, PostgreSQL ${fmt(theirs)} ms, ratio p99 ${row.ratio.p99}×, ` +
        `top-20 agreement ${row.top20Agreement}; ranking tiers ${JSON.stringify(tiers)}; index ${row.openSearchIndexMB} MB, table ${row.postgresTableWithIndexesMB} MB, heap ${row.openSearchHeap.usedMB}/${row.openSearchHeap.maxMB} MB`);
      results.push(row);
      await sleep(200);
    }
  } finally {
    await app.close();
    if (process.env.BENCH_KEEP !== '1') {
      await client.deleteIndex(`${PREFIX}*`).catch(() => undefined);
      await pg.query(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => undefined);
    }
    await client.close();
    await pg.end();
  }
  const loadAverage = load.stop();
  const result = {
    at: new Date().toISOString(),
    machine: { ...machine(), loadAverage1mDuringRun: loadAverage },
    setup: {
      requestsPerEngineAndSize: Object.fromEntries(SIZES.map((s) => [s, requestsAt(s)])), workersAskedFor: WORKERS,
      laowu: 'HTTP GET /v1/workers/{id}/matches?limit=20 on the matching app (in this process, no Kafka consumer): worker document by id, function_score queries (a sample for a score floor, then only the jobs that can reach it), reasons',
      rankingTiers: 'how each timed request was answered (ranking.service.ts): guess = 2 queries (a 1/128 sample, then the jobs reaching a score guessed from it); floor = 3 (the guess was too high: then the jobs reaching the sample floor); all = 2 (the sample had fewer than 20 jobs: every open job scored)',
      postgres: `one SQL query over table ${TABLE} (PostgreSQL ${(await serverVersion()) ?? '?'}, inline haversine for the distance decay), same hard filters and weighted terms, ORDER BY score LIMIT ${candidatePoolSize(LIMIT)} then the app's diversification of those (diversify.ts) to ${LIMIT}, run from this process with node-postgres`,
      top20Agreement: "share of PostgreSQL's top 20 also in Laowu's top 20 (ties and the app's rounding can differ)",
    },
    sizes: results,
  };
  const file = writeResult(NAME, result);
  log(`wrote ${file}`);
  const cells = results.map((r) => {
    const x = r as { openJobs: number; laowuHttpMs: Summary; postgresMs: Summary; ratio: { p99: number } };
    return `${x.openJobs.toLocaleString('en')}: Laowu ${fmt(x.laowuHttpMs)} ms vs PostgreSQL ${fmt(x.postgresMs)} ms (p99 ${x.ratio.p99}×)`;
  });
  appendBenchmarkLine(
    `matches-for-worker, Laowu vs PostgreSQL query (\`bench/matches-vs-postgres.ts\`)`,
    `p50/p95/p99 at ${cells.join('; ')}; ${SIZES.map((s) => requestsAt(s)).join('/')} requests each; load avg ${loadAverage.mean} (max ${loadAverage.max})`,
    'p99 ≤ 50 ms at 1M and ≥ 10× faster than PostgreSQL',
  );
}

const round2 = (x: number) => Math.round(x * 100) / 100;

async function serverVersion(): Promise<string | undefined> {
  const pg = new Client({ connectionString: DATABASE_URL });
  try {
    await pg.connect();
    return (await pg.query('SHOW server_version')).rows[0].server_version;
  } catch {
    return undefined;
  } finally {
    await pg.end().catch(() => undefined);
  }
}

/**
 * The PostgreSQL side of the same ranking: the SQL's top K (as many as the app re-ranks), then the
 * app's own diversification of them (no agency filling the list), cut to the page: job ids in order.
 */
async function postgresTop(pg: Client, params: unknown[], policy: DiversityPolicy): Promise<string[]> {
  const { rows } = await pg.query<{ job_id: string; title: string; agency_id: string }>(RANKING_SQL, params);
  const ranked = rows.map((row) => ({ job: { jobId: row.job_id, title: row.title, agencyId: row.agency_id }, reasons: [] }));
  return diversify(ranked, LIMIT, policy).map((item) => item.job.jobId);
}

async function httpMatches(url: string, token: string, workerId: string): Promise<string[]> {
  const response = await fetch(`${url}/v1/workers/${workerId}/matches?limit=${LIMIT}`, { headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json()) as { items?: { jobId: string }[] };
  if (response.status !== 200) throw new Error(`matches for ${workerId}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
  return (body.items ?? []).map((item) => item.jobId);
}

main().catch((error) => {
  process.stderr.write(`[bench ${NAME}] failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
