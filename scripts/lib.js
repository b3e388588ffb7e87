// Small helpers shared by the npm scripts (plain Node: they run before anything is built).
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const STACK = path.join(ROOT, 'deploy/local/stack.sh');

const say = (message) => process.stdout.write(`[laowu] ${message}\n`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function stackRunning() {
  return run('bash', [STACK, 'status'], { stdio: 'ignore' }) === 0;
}

/** Starts the local stack unless it already answers; returns whether this call started it. */
function ensureStack() {
  if (stackRunning()) {
    say('local stack already running');
    return false;
  }
  const status = run('bash', [STACK, 'up']);
  if (status !== 0) {
    say(`the local stack did not start (exit ${status}); see the messages above`);
    process.exit(status);
  }
  return true;
}

function stopStack() {
  run('bash', [STACK, 'down']);
}

/** Says it on stderr too, framed, for what must not scroll by unnoticed. */
function sayLoudly(message, out = say) {
  const bar = '!'.repeat(Math.min(100, message.length + 4));
  for (const line of [bar, `! ${message}`, bar]) out(line);
  process.stderr.write(`[laowu] ${message}\n`);
}

const describeExit = (code, signal) => (signal ? `killed by signal ${signal}` : `exit code ${code}`);

/**
 * Keeps child processes running: one that exits without being asked to is started again after a
 * backoff (1 s, 2 s, 4 s … at most 30 s), with a line naming it, its exit code or signal, and the
 * restart. More than `maxRestarts` exits of one process within `windowMs` (a crash loop) and it is
 * left down, said loudly; so is exit code 78 (its configuration is refused: restarting cannot help).
 * `entries`: [{ name, start: () => ChildProcess }].
 */
class Supervisor {
  constructor(entries, options = {}) {
    this.entries = entries;
    this.say = options.say ?? say;
    this.maxRestarts = options.maxRestarts ?? 5;
    this.windowMs = options.windowMs ?? 120_000;
    this.backoffMs = options.backoffMs ?? ((attempt) => Math.min(30_000, 1000 * 2 ** (attempt - 1)));
    this.stopping = false;
    this.current = new Map();
    this.exits = new Map(entries.map((entry) => [entry.name, []]));
    this.timers = new Set();
    this.gaveUp = new Set();
    this.restarts = 0;
  }

  start() {
    for (const entry of this.entries) this.launch(entry);
    return this;
  }

  /** The processes running now (a restarted app's new process). */
  get children() {
    return [...this.current.values()];
  }

  launch(entry) {
    const child = entry.start();
    child.appName = entry.name;
    this.current.set(entry.name, child);
    child.once('exit', (code, signal) => this.exited(entry, child, code, signal));
    return child;
  }

  exited(entry, child, code, signal) {
    if (this.current.get(entry.name) === child) this.current.delete(entry.name);
    // Ctrl-C reaches the apps too (same process group): that is a stop, not a crash.
    if (this.stopping || signal === 'SIGINT') return;
    const now = Date.now();
    const recent = this.exits.get(entry.name).filter((at) => now - at < this.windowMs);
    recent.push(now);
    this.exits.set(entry.name, recent);
    const how = describeExit(code, signal);
    if (code === 78) {
      this.gaveUp.add(entry.name);
      sayLoudly(`${entry.name} exited (${how}: its configuration is refused, see its log); NOT restarting it`, this.say);
      return;
    }
    if (recent.length > this.maxRestarts) {
      this.gaveUp.add(entry.name);
      sayLoudly(
        `${entry.name} exited (${how}) ${recent.length} times within ${Math.round(this.windowMs / 1000)} s; giving up: it stays DOWN until you restart (see its log)`,
        this.say,
      );
      return;
    }
    const delay = this.backoffMs(recent.length);
    this.say(`${entry.name} exited (${how}); restarting it in ${(delay / 1000).toFixed(0)} s (restart ${recent.length} of at most ${this.maxRestarts} within ${Math.round(this.windowMs / 1000)} s)`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.stopping) return;
      this.restarts++;
      const again = this.launch(entry);
      this.say(`${entry.name} restarted (pid ${again.pid})`);
    }, delay);
    this.timers.add(timer);
  }

  /** Stops every process (SIGTERM, SIGKILL after `killAfterMs`) and restarts none. */
  stop(killAfterMs = 15_000) {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    return Promise.all(
      this.children.map(
        (child) =>
          new Promise((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', resolve);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
          }),
      ),
    );
  }
}

module.exports = { ROOT, STACK, say, sayLoudly, run, spawn, ensureStack, stopStack, Supervisor, describeExit };
