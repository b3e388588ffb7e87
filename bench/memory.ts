/**
 * Benchmark (not a test): memory. RSS (/proc/<pid>/status VmRSS) of each of the four apps idle and
 * under load, and of the whole stack: the apps plus the Kafka and OpenSearch JVMs' RSS and
 * PostgreSQL's processes (PSS, so shared buffers count once).
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/memory.ts
 *
 * The four apps run as separate processes (bench/lib/stack.ts, SEARCH_INDEX_PREFIX=bench-mem-).
 * Phases, sampled every 500 ms: idle (after start, BENCH_IDLE_SECONDS, default 20); background
 * load of workers and open jobs into matching's indices; ingest through the bulk API (bench/ingest.ts,
 * BENCH_INGEST_JOBS, default 100000); the instant path (bench/instant-path.ts, BENCH_POSTS at
 * BENCH_RATE, defaults 1200 at 20/s, with BENCH_STATIONS SSE clients); idle again after load.
 * Env: BENCH_WORKERS / BENCH_JOBS (background, default 100000 each), BENCH_TINY=1 (the CI size).
 * Writes bench/results/memory.json and a line in docs/BENCHMARKS.md.
 */
import 'reflect-metadata';
import { runIngest, ingestOptions } from './ingest';
import { instantOptions, runInstantPath } from './instant-path';
import { loadBackground } from './lib/background';
import { appendBenchmarkLine, loadTracker, logger, RssSampler, runBench, size, sleep, stackProcesses, stackRss, writeRunResult } from './lib/report';
import { startStack } from './lib/stack';

const NAME = 'memory';
const log = logger(NAME);

async function main(): Promise<void> {
  const load = loadTracker();
  const idleSeconds = size('BENCH_IDLE_SECONDS', 20, 2);
  const workers = size('BENCH_WORKERS', 100_000, 200);
  const jobs = size('BENCH_JOBS', 100_000, 200);
  const ingest = ingestOptions();
  const instant = instantOptions();
  const stack = await startStack(log, { prefix: 'bench-mem-' });
  const stackPids = stackProcesses();
  const pids = () => ({
    ...Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, [pid]])),
    kafka: stackPids.kafka,
    opensearch: stackPids.opensearch,
  });
  const phases: Record<string, Record<string, { peakMB: number; meanMB: number; samples: number }>> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const sampler = new RssSampler(pids).start();
    const postgres: number[] = [];
    const pg = setInterval(() => postgres.push(stackRss().postgres), 2000);
    try {
      return await work();
    } finally {
      clearInterval(pg);
      postgres.push(stackRss().postgres);
      phases[name] = { ...sampler.stop(), postgres: { peakMB: Math.max(...postgres), meanMB: Math.round(postgres.reduce((a, b) => a + b, 0) / postgres.length), samples: postgres.length } };
      const apps = Object.keys(stack.pids).map((app) => `${app} ${phases[name][app].peakMB}`).join(', ');
      log(`${name}: peak RSS MB — ${apps}; Kafka ${phases[name].kafka?.peakMB}, OpenSearch ${phases[name].opensearch?.peakMB}, PostgreSQL (PSS) ${phases[name].postgres.peakMB}`);
    }
  };
  let ingestResult: object = {};
  let instantResult: object = {};
  try {
    log(`idle for ${idleSeconds} s`);
    await phase('idle', () => sleep(idleSeconds * 1000));
    await phase('background', () => loadBackground(stack.search, stack.prefix, log, workers, jobs, instant.stations));
    ingestResult = await phase('ingest', () => runIngest(stack, log, ingest));
    instantResult = await phase('instant', () => runInstantPath(stack, log, instant));
    await phase('idleAfterLoad', () => sleep(idleSeconds * 1000));
  } finally {
    await stack.stop();
  }
  const loadAverage = load.stop();
  const apps = Object.keys(stack.pids);
  const peakUnderLoad = (name: string) => Math.max(phases.ingest[name]?.peakMB ?? 0, phases.instant[name]?.peakMB ?? 0);
  const perApp = Object.fromEntries(apps.map((app) => [app, { idleMB: phases.idle[app].meanMB, peakUnderLoadMB: peakUnderLoad(app), idleAfterLoadMB: phases.idleAfterLoad[app].meanMB }]));
  const appsPeak = apps.reduce((a, app) => a + peakUnderLoad(app), 0);
  const others = ['kafka', 'opensearch', 'postgres'].map((name) => Math.max(...Object.values(phases).map((p) => p[name]?.peakMB ?? 0)));
  const wholeStackPeakMB = Math.round(appsPeak + others.reduce((a, b) => a + b, 0));
  writeRunResult(NAME, log, loadAverage, {
    load: { backgroundWorkers: workers, backgroundJobs: jobs, ingest, instant },
    perApp,
    wholeStack: {
      peakMB: wholeStackPeakMB,
      appsPeakSumMB: Math.round(appsPeak),
      kafkaPeakMB: others[0],
      openSearchPeakMB: others[1],
      postgresPeakPssMB: others[2],
      note: 'peaks of different processes summed (an upper bound); the JVMs are this stack’s broker and search node (OpenSearch -Xmx1g, Kafka -Xmx512m); PostgreSQL includes other engineers’ connections',
    },
    phases,
    ingestResult,
    instantResult,
  });
  appendBenchmarkLine(
    'memory, RSS per app and whole stack (`bench/memory.ts`)',
    `idle → peak under load (ingest ${ingest.jobs.toLocaleString('en')} jobs, instant ${instant.posts} posts at ${instant.rate}/s, ${workers.toLocaleString('en')} workers + ${jobs.toLocaleString('en')} jobs indexed) MB: ` +
      apps.map((app) => `${app} ${perApp[app].idleMB} → ${perApp[app].peakUnderLoadMB}`).join(', ') +
      `; whole stack peak ${wholeStackPeakMB} MB (Kafka ${others[0]}, OpenSearch ${others[1]}, PostgreSQL PSS ${others[2]}); load avg ${loadAverage.mean}`,
    'each app ≤ 200 MB RSS under load; whole stack ≤ 4 GB',
  );
}

runBench(NAME, module, main);
