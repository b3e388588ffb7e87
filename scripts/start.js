#!/usr/bin/env node
// npm start: starts the local stack if it is not running, builds and starts the four apps in the
// foreground (each runs its migrations at start) and waits until all are ready. Ctrl-C stops
// the apps, and the stack too if this script started it.
const http = require('node:http');
const path = require('node:path');
const { ROOT, ensureStack, run, say, spawn, stopStack } = require('./lib');

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

async function waitUntilReady(children) {
  const started = Date.now();
  const pending = new Set(APPS.map((app) => app.name));
  while (pending.size) {
    for (const app of APPS) if (pending.has(app.name) && (await ready(app.port))) pending.delete(app.name);
    for (const child of children) if (child.exitCode !== null) throw new Error(`${child.appName} exited (${child.exitCode})`);
    if (Date.now() - started > 120000) throw new Error(`not ready after 120 s: ${[...pending].join(', ')}`);
    if (pending.size) {
      process.stdout.write(`\r[laowu] waiting for ${[...pending].join(', ')} (${Math.round((Date.now() - started) / 1000)}s)   `);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  process.stdout.write('\n');
}

async function main() {
  const startedStack = ensureStack();
  for (const [i, app] of APPS.entries()) {
    say(`building ${app.name} (${i + 1}/${APPS.length})…`);
    if (run('npx', ['nest', 'build', app.name]) !== 0) process.exit(1);
  }
  const children = APPS.map((app) => {
    const main = path.join(ROOT, 'dist/apps', app.name, 'apps', app.name, 'src/main.js');
    const child = spawn(process.execPath, [main], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, PORT: String(app.port) } });
    child.appName = app.name;
    return child;
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say('stopping the apps…');
    await Promise.all(children.map((child) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10000).unref();
    })));
    if (startedStack) stopStack();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    await waitUntilReady(children);
  } catch (error) {
    say(error.message);
    await stop();
    return;
  }
  say('all four apps are ready:');
  for (const app of APPS) say(`  ${app.name.padEnd(16)} http://127.0.0.1:${app.port}  (API page: /docs)`);
  say('development token: npm run token -- --role agency --sub agency-001 --region 440300');
  say('Ctrl-C stops what this started.');
  for (const child of children) child.on('exit', (code) => !stopping && say(`${child.appName} exited (${code})`));
}

main();
