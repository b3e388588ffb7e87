#!/usr/bin/env node
// npm start: starts the local stack if it is not running, builds and starts the four apps in the
// foreground (each runs its migrations at start) and waits until all are ready. Ctrl-C stops
// the apps, and the stack too if this script started it.
const { ensureStack, say, stopStack } = require('./lib');
const { APPS, build, launch, stop, waitUntilReady } = require('./apps');
const { pairLocalDatabase } = require('./local-database');

async function main() {
  const startedStack = ensureStack();
  let children = [];
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping the apps…');
    await stop(children);
    if (startedStack) stopStack();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  try {
    await pairLocalDatabase({ say });
    build();
    children = launch();
    await waitUntilReady(children);
  } catch (error) {
    say(error.message);
    await shutdown(1);
    return;
  }
  say('all four apps are ready:');
  for (const app of APPS) say(`  ${app.name.padEnd(16)} http://127.0.0.1:${app.port}  (API page: /docs)`);
  say('development token: npm run token -- --role agency --sub agency-001 --region 440300');
  say('Ctrl-C stops what this started.');
  for (const child of children) child.on('exit', (code) => !stopping && say(`${child.appName} exited (${code})`));
}

main();
