// Shared by the bench/ scripts: progress lines, percentiles, machine facts, RSS, results files.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { metricsRegistry } from '@laowu/platform';

export const BENCH_DIR = join(__dirname, '..');
export const ROOT = join(BENCH_DIR, '..');

/** A size from the environment: `BENCH_TINY=1` (the CI test) picks `tiny`, else `NAME` or `full`. */
export function size(name: string, full: number, tiny: number): number {
  if (process.env[name] !== undefined) return Number(process.env[name]);
  return process.env.BENCH_TINY === '1' ? tiny : full;
}

export const isTiny = () => process.env.BENCH_TINY === '1';

export function logger(name: string) {
  return (message: string) => process.stdout.write(`[bench ${name}] ${message}\n`);
}

/** A progress line at most every `everyMs`, and always at the end. */
export function progress(log: (m: string) => void, what: string, total: number, everyMs = 3000) {
  const started = Date.now();
  let last = 0;
  return (done: number) => {
    const now = Date.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    const rate = done / Math.max(0.001, (now - started) / 1000);
    log(`${what}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${Math.round(rate).toLocaleString('en')}/s)`);
  };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles. */
export function summary(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, p50: r1(at(50)), p95: r1(at(95)), p99: r1(at(99)), max: r1(sorted[sorted.length - 1] ?? NaN), mean: r1(mean) };
}

export const fmt = (s: Summary) => `${s.p50}/${s.p95}/${s.p99}`;

export function machine() {
  return {
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverage1m: r1(loadavg()[0]),
    node: process.version,
  };
}

/** The 1-minute load average over a run. */
export interface LoadAverage {
  min: number;
  max: number;
  mean: number;
}

/** Tracks the 1-minute load average while a benchmark runs (other engineers' tests share the machine). */
export function loadTracker(): { stop(): LoadAverage } {
  const samples: number[] = [loadavg()[0]];
  const timer = setInterval(() => samples.push(loadavg()[0]), 5000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadavg()[0]);
      return { min: r1(Math.min(...samples)), max: r1(Math.max(...samples)), mean: r1(samples.reduce((a, b) => a + b, 0) / samples.length) };
    },
  };
}

/** Writes bench/results/<name>.json (BENCH_RESULTS_DIR elsewhere; the CI size writes <name>.tiny.json). */
export function writeResult(name: string, result: object): string {
  const dir = process.env.BENCH_RESULTS_DIR ?? join(BENCH_DIR, 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, isTiny() ? `${name}.tiny.json` : `${name}.json`);
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  return file;
}

/** Writes a run's result as writeResult does, headed by when and on what machine (with its load during the run), and logs the file. */
export function writeRunResult(name: string, log: (m: string) => void, loadAverage: LoadAverage, result: object): string {
  const file = writeResult(name, { at: new Date().toISOString(), machine: { ...machine(), loadAverage1mDuringRun: loadAverage }, ...result });
  log(`wrote ${file}`);
  return file;
}

/** Runs a benchmark's main when the file is run directly (not imported): exit 0 when it is done, 1 with the stack when it fails. */
export function runBench(name: string, entry: NodeJS.Module, main: () => Promise<void>): void {
  if (require.main !== entry) return;
  main().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`[bench ${name}] failed: ${(error as Error).stack}\n`);
      process.exit(1);
    },
  );
}

/** Appends one row to docs/BENCHMARKS.md; the CI size (BENCH_TINY=1) or BENCH_NO_DOC=1 appends nothing. */
export function appendBenchmarkLine(benchmark: string, result: string, target: string): void {
  if (isTiny() || process.env.BENCH_NO_DOC === '1') return;
  const docs = join(ROOT, 'docs', 'BENCHMARKS.md');
  if (!existsSync(docs)) writeFileSync(docs, '# Benchmarks\n\n| date | benchmark | result | target |\n| --- | --- | --- | --- |\n');
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  appendFileSync(docs, `| ${new Date().toISOString().slice(0, 10)} | ${cell(benchmark)} | ${cell(result)} | ${cell(target)} |\n`);
}

/** VmRSS of a process in MB (0 when it is gone). */
export function rssMB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? r1(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) a process has used (0 when it is gone). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds the whole machine has been busy (every core, from /proc/stat; 0 where there is none). */
export function machineBusyCpuSeconds(): number {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const ticks = fields.map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    return (ticks.slice(0, 8).reduce((a, b) => a + b, 0) - idle) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used between start() and stop() by named groups of processes: where the machine's
 * cores went during a measured part. A process that exits in between (a PostgreSQL backend) is
 * counted up to its last sample, one started in between from zero.
 */
export class CpuMeter {
  private readonly before = new Map<number, number>();

  constructor(private readonly groups: () => Record<string, number[]>) {}

  start(): this {
    for (const pids of Object.values(this.groups())) for (const pid of pids) this.before.set(pid, cpuSecondsOf(pid));
    return this;
  }

  stop(): Record<string, number> {
    const used: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups())) {
      used[name] = r1(pids.reduce((sum, pid) => sum + Math.max(0, cpuSecondsOf(pid) - (this.before.get(pid) ?? 0)), 0));
    }
    return used;
  }
}

/**
 * The stack's own processes (not the apps): Kafka and OpenSearch JVMs and every PostgreSQL process.
 * JVMs started by this checkout's deploy/local/stack.sh (-Dlaowu.stack=<root>/.stack, or
 * BENCH_STACK_DIR for a stack started from another copy) are preferred, so another checkout's
 * stack (a CI run on the same machine) is not counted.
 */
export function stackProcesses(): { kafka: number[]; opensearch: number[]; postgres: number[] } {
  const all = allStackProcesses();
  const ours = allStackProcesses(`-Dlaowu.stack=${process.env.BENCH_STACK_DIR ?? join(ROOT, '.stack')}`);
  return { kafka: ours.kafka.length ? ours.kafka : all.kafka, opensearch: ours.opensearch.length ? ours.opensearch : all.opensearch, postgres: all.postgres };
}

function allStackProcesses(marker?: string): { kafka: number[]; opensearch: number[]; postgres: number[] } {
  const found = { kafka: [] as number[], opensearch: [] as number[], postgres: [] as number[] };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'java' || cmd.startsWith('java') || cmd.includes('/bin/java')) {
        if (marker && !cmd.split('\0').includes(marker)) continue;
        if (/opensearch|elasticsearch/i.test(cmd)) found.opensearch.push(Number(entry));
        else if (/kafka\.Kafka/.test(cmd)) found.kafka.push(Number(entry));
      } else if (comm === 'postgres' || comm.startsWith('postgres')) found.postgres.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** Proportional set size in MB: shared pages (PostgreSQL's shared buffers) split among the processes sharing them. */
export function pssMB(pid: number): number {
  try {
    const match = /\nPss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? r1(Number(match[1]) / 1024) : rssMB(pid);
  } catch {
    return 0;
  }
}

/**
 * Whole-stack memory now (MB): the JVMs' RSS, and PostgreSQL as the sum of its processes' PSS (RSS
 * summed would count the shared buffers once per backend). Includes other engineers' connections.
 */
export function stackRss() {
  const p = stackProcesses();
  const sum = (pids: number[], of: (pid: number) => number) => r1(pids.reduce((a, pid) => a + of(pid), 0));
  return { kafka: sum(p.kafka, rssMB), opensearch: sum(p.opensearch, rssMB), postgres: sum(p.postgres, pssMB), postgresProcesses: p.postgres.length };
}

/** Samples the RSS of named processes every `everyMs` until stopped: peak and mean per name. */
export class RssSampler {
  private readonly samples = new Map<string, number[]>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly pids: () => Record<string, number[]>, private readonly everyMs = 500) {}

  sampleOnce(): Record<string, number> {
    const now: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.pids())) {
      const mb = r1(pids.reduce((a, pid) => a + rssMB(pid), 0));
      now[name] = mb;
      if (!this.samples.has(name)) this.samples.set(name, []);
      this.samples.get(name)!.push(mb);
    }
    return now;
  }

  start(): this {
    this.sampleOnce();
    this.timer = setInterval(() => this.sampleOnce(), this.everyMs);
    this.timer.unref();
    return this;
  }

  stop(): Record<string, { peakMB: number; meanMB: number; samples: number }> {
    if (this.timer) clearInterval(this.timer);
    this.sampleOnce();
    const out: Record<string, { peakMB: number; meanMB: number; samples: number }> = {};
    for (const [name, values] of this.samples) {
      out[name] = { peakMB: Math.max(...values), meanMB: r1(values.reduce((a, b) => a + b, 0) / values.length), samples: values.length };
    }
    return out;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Mebibytes to one decimal. */
export const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** A counter of this process's metrics registry, by the values of one label (e.g. a ranking's `tier`). */
export async function countsByLabel(metric: string, label: string): Promise<Record<string, number>> {
  const found = metricsRegistry.getSingleMetric(metric);
  const values = found ? (await found.get()).values : [];
  return Object.fromEntries(values.map((v) => [String(v.labels[label]), v.value]));
}

/** What each count grew by since `before`. */
export const countsSince = (now: Record<string, number>, before: Record<string, number>) =>
  Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (before[k] ?? 0)]));
