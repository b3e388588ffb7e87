// Builds and runs the four apps as child processes, waits until each is ready, stops them.
// Shared by `npm start` (logs to the terminal) and `npm run demo` (logs to a file).
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { ROOT, run, say, spawn, Supervisor } = require('./lib');

const APPS = [
  { name: 'job-collection', port: 3001 },
  { name: 'worker-profiles', port: 3002 },
  { name: 'matching', port: 3003 },
  { name: 'dispatch', port: 3004 },
];

function ready(port) {
  return new Promise((resolve) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/health/ready', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

async function allReady() {
  const states = await Promise.all(APPS.map((app) => ready(app.port)));
  return states.every(Boolean);
}

function build() {
  for (const [i, app] of APPS.entries()) {
    say(`building ${app.name} (${i + 1}/${APPS.length})…`);
    if (run('npx', ['nest', 'build', app.name], { stdio: ['ignore', 'ignore', 'inherit'] }) !== 0) {
      throw new Error(`building ${app.name} failed`);
    }
  }
}

/**
 * The Node options the apps run with in production (deploy/k8s/base/kustomization.yaml: the
 * old-space cap), so local runs and the benchmarks measure the heap production has.
 */
function productionNodeOptions() {
  const kustomization = fs.readFileSync(path.join(ROOT, 'deploy/k8s/base/kustomization.yaml'), 'utf8');
  const match = kustomization.match(/^\s*- NODE_OPTIONS=(.+)$/m);
  if (!match) throw new Error('deploy/k8s/base/kustomization.yaml sets no NODE_OPTIONS');
  return match[1].trim();
}

/**
 * Starts the apps under a Supervisor (scripts/lib.js): an app that exits is restarted with a
 * backoff and a line on this terminal saying so, even when `logFile` takes the apps' own output.
 */
function launch(logFile, options = {}) {
  const output = logFile ? fs.openSync(logFile, 'a') : 'inherit';
  const entries = APPS.map((app) => ({
    name: app.name,
    start: () =>
      spawn(process.execPath, [path.join(ROOT, 'dist/apps', app.name, 'apps', app.name, 'src/main.js')], {
        cwd: ROOT,
        stdio: ['ignore', output, output],
        env: { ...process.env, PORT: String(app.port), NODE_OPTIONS: productionNodeOptions() },
      }),
  }));
  return new Supervisor(entries, { say, ...options }).start();
}

/** Child processes of a Supervisor or of a plain list. */
const processesOf = (started) => (Array.isArray(started) ? started : started.children);

async function waitUntilReady(started, timeoutMs = 180000) {
  const begun = Date.now();
  const pending = new Set(APPS.map((app) => app.name));
  while (pending.size) {
    for (const app of APPS) if (pending.has(app.name) && (await ready(app.port))) pending.delete(app.name);
    if (!Array.isArray(started) && started.gaveUp.size) throw new Error(`${[...started.gaveUp].join(', ')} kept exiting while starting`);
    const dead = Array.isArray(started) && started.find((child) => child.exitCode !== null);
    if (dead) throw new Error(`${dead.appName} exited (${dead.exitCode}) while starting`);
    if (Date.now() - begun > timeoutMs) throw new Error(`not ready after ${timeoutMs / 1000} s: ${[...pending].join(', ')}`);
    if (pending.size) {
      process.stdout.write(`\r[laowu] waiting for ${[...pending].join(', ')} (${Math.round((Date.now() - begun) / 1000)}s)   `);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  process.stdout.write('\n');
}

/** Stops a Supervisor's apps (no restart) or a plain list of child processes. */
function stop(started) {
  if (!Array.isArray(started)) return started.stop();
  return Promise.all(
    processesOf(started).map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15000).unref();
        }),
    ),
  );
}

module.exports = { APPS, allReady, build, launch, productionNodeOptions, waitUntilReady, stop };
