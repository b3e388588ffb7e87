// The four apps as separate processes (compiled to plain JS, see compile-apps.ts), on
// their own ports, database, index prefix and consumer groups, so a benchmark neither disturbs
// nor is disturbed by a running dev stack or other engineers' tests. Kafka topics are shared:
// each group starts at the topics' ends, so history is not replayed into the benchmark.
import { LANES, laneOfTopic, TOPICS } from '@laowu/contracts';
import { commitGroupOffsets, createKafka, laneGroupId, topicEndOffsets } from '@laowu/messaging';
import { ensureDatabase } from '@laowu/persistence';
import { createSearchClient, ensureIndex, type SearchClient } from '@laowu/search';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jobsIndex, workersIndex } from '../../apps/matching/src/indexing/index-definitions';
import { compileApps, compiledMain } from './compile-apps';
import { ROOT, RssSampler, sleep } from './report';

const apps = require('../../scripts/apps.js') as { APPS: { name: string; port: number }[]; stop(children: ChildProcess[]): Promise<void>; productionNodeOptions(): string };

export type AppName = 'job-collection' | 'worker-profiles' | 'matching' | 'dispatch';

export interface BenchStack {
  urls: Record<AppName, string>;
  pids: Record<AppName, number>;
  prefix: string;
  /** Each app's consumer group. */
  groups: Record<AppName, string>;
  brokers: string[];
  search: SearchClient;
  logFile: string;
  /** Apps that exited before stop() (an out-of-memory abort, a crash): which, with what code or signal, when. */
  exits: AppExit[];
  stop(): Promise<void>;
}

export interface AppExit {
  app: AppName;
  code: number | null;
  signal: string | null;
  at: string;
}

const PORT_OFFSET = 10000;

function ready(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/health/ready', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/** Commits each group's offsets (per lane: laneGroupId) at the topics' ends, so that the apps read only what a benchmark produces, not the shared history. */
export async function startGroupsAtEnds(brokers: string[], groups: string[], log: (m: string) => void): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'bench-stack' }).admin();
  // The broker may be down for a moment (fault tests restart it): wait up to two minutes.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.connect();
      break;
    } catch (error) {
      if (attempt >= 24) throw error;
      log(`Kafka not reachable (${(error as Error).message}); waiting`);
      await sleep(5000);
    }
  }
  try {
    const existing = new Set(await admin.listTopics());
    const topics = Object.values(TOPICS).filter((t) => existing.has(t));
    const kafka = createKafka({ brokers, clientId: 'bench-stack' });
    const ends = await topicEndOffsets(kafka, topics);
    const laneGroups = groups.flatMap((groupId) => LANES.map((lane) => ({ groupId, lane })));
    await Promise.all(
      laneGroups.map(({ groupId, lane }) =>
        commitGroupOffsets(kafka, laneGroupId(groupId, lane), new Map(topics.filter((t) => laneOfTopic(t) === lane).map((t) => [t, ends.get(t)!]))),
      ),
    );
  } finally {
    await admin.disconnect();
  }
}

export async function startStack(log: (m: string) => void, options: { prefix: string; env?: Record<string, string> }): Promise<BenchStack> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/laowu_bench';
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const search = createSearchClient(process.env.ELASTICSEARCH_URL ?? 'http://127.0.0.1:9200');
  log(`compiled ${compileApps()} files of apps/ and libs/ (SWC)`);
  await ensureDatabase(databaseUrl);
  await search.deleteIndex(`${options.prefix}*`).catch(() => undefined);
  await ensureIndex(search, jobsIndex(options.prefix));
  await ensureIndex(search, workersIndex(options.prefix));
  const run = Date.now().toString(36);
  const groupOf = (name: string) => `bench-${name}-${run}`;
  await startGroupsAtEnds(brokers, apps.APPS.map((app) => groupOf(app.name)), log);
  if (apps.APPS.some((app) => !existsSync(compiledMain(app.name)))) compileApps(); // removed meanwhile
  const logFile = join(tmpdir(), `laowu-bench-apps-${run}.log`);
  const output = openSync(logFile, 'a');
  const children = apps.APPS.map((app) => {
    const child = spawn(process.execPath, [...(process.env.BENCH_APP_NODE_ARGS ?? '').split(' ').filter(Boolean), compiledMain(app.name)], {
      cwd: ROOT,
      stdio: ['ignore', output, output],
      env: {
        ...process.env, NODE_OPTIONS: apps.productionNodeOptions(), NODE_ENV: 'development', PORT: String(app.port + PORT_OFFSET), HOST: '127.0.0.1', DATABASE_URL: databaseUrl,
        KAFKA_GROUP_ID: groupOf(app.name), SEARCH_INDEX_PREFIX: options.prefix, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '100000000',
        ...options.env,
      },
    });
    return Object.assign(child, { appName: app.name });
  });
  const exits: AppExit[] = [];
  let stopping = false;
  for (const child of children) {
    child.on('exit', (code, signal) => {
      if (!stopping) exits.push({ app: child.appName as AppName, code, signal, at: new Date().toISOString() });
    });
  }
  const stop = async () => {
    stopping = true;
    await apps.stop(children);
    if (process.env.BENCH_KEEP !== '1') await search.deleteIndex(`${options.prefix}*`).catch(() => undefined);
    await search.close();
  };
  const started = Date.now();
  const pending = new Set(apps.APPS.map((app) => app.name));
  try {
    while (pending.size) {
      for (const app of apps.APPS) if (pending.has(app.name) && (await ready(app.port + PORT_OFFSET))) pending.delete(app.name);
      const dead = children.find((child) => child.exitCode !== null);
      if (dead) throw new Error(`${dead.appName} exited (${dead.exitCode}) while starting; see ${logFile}`);
      if (Date.now() - started > 180_000) throw new Error(`not ready after 180 s: ${[...pending].join(', ')}; see ${logFile}`);
      if (pending.size) await sleep(500);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  log(`four apps ready in ${((Date.now() - started) / 1000).toFixed(1)} s (ports ${apps.APPS.map((a) => a.port + PORT_OFFSET).join(', ')}; logs ${logFile})`);
  const byName = (f: (app: { name: string; port: number }, i: number) => string | number) =>
    Object.fromEntries(apps.APPS.map((app, i) => [app.name, f(app, i)]));
  return {
    urls: byName((app) => `http://127.0.0.1:${app.port + PORT_OFFSET}`) as Record<AppName, string>,
    pids: byName((_, i) => children[i].pid!) as Record<AppName, number>,
    prefix: options.prefix,
    groups: byName((app) => groupOf(app.name)) as Record<AppName, string>,
    brokers,
    search,
    logFile,
    exits,
    stop,
  };
}

/**
 * Messages not yet consumed by an app's group on a topic (topic end minus committed offset, summed
 * over partitions); an instant-lane topic is read by the app's instant group.
 */
export async function consumerLag(stack: BenchStack, group: string, topic: string): Promise<number> {
  const admin = createKafka({ brokers: stack.brokers, clientId: 'bench-stack' }).admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: laneGroupId(group, laneOfTopic(topic)), topics: [topic] });
    const at = new Map(committed.partitions.map((p) => [p.partition, Number(p.offset)]));
    return ends.reduce((sum, p) => sum + Math.max(0, Number(p.high) - Math.max(0, at.get(p.partition) ?? 0)), 0);
  } finally {
    await admin.disconnect();
  }
}

/** CPU seconds (user + system) a process has used so far. */

/** The search engine's own count of shard-level queries and the time it spent in them (every index). */
export async function searchEngineQueries(stack: Pick<BenchStack, 'search'>): Promise<{ queries: number; queryMs: number; since(before: { queries: number; queryMs: number }): { queries: number; meanQueryMs: number } }> {
  const body = await stack.search.nodeStats('indices', 'search');
  const nodes = Object.values((body as { nodes: Record<string, { indices: { search: { query_total: number; query_time_in_millis: number } } }> }).nodes);
  const queries = nodes.reduce((sum, n) => sum + n.indices.search.query_total, 0);
  const queryMs = nodes.reduce((sum, n) => sum + n.indices.search.query_time_in_millis, 0);
  return {
    queries,
    queryMs,
    since: (before) => ({ queries: queries - before.queries, meanQueryMs: Math.round(((queryMs - before.queryMs) / Math.max(1, queries - before.queries)) * 10) / 10 }),
  };
}

/** Samples the four apps' RSS until stopped (see RssSampler). */
export function sampleAppRss(stack: BenchStack): RssSampler {
  return new RssSampler(() => Object.fromEntries(Object.entries(stack.pids).map(([name, pid]) => [name, [pid]]))).start();
}
