#!/usr/bin/env node
// npm start: starts the local stack if it is not running, builds and starts the four apps in the
// foreground (each runs its migrations at start) and waits until all are ready. An app that exits
// is restarted (with a backoff, and a line here saying which app exited how); one that keeps
// exiting is left down, said loudly. Ctrl-C stops the apps, and the stack too if this script started it.
const { ensureStack, say, stopStack } = require('./lib');
const { APPS, build, launch, stop, waitUntilReady } = require('./apps');
const { pairLocalDatabase } = require('./local-database');

async function main() {
  const startedStack = ensureStack();
  let apps;
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping the apps…');
    if (apps) await stop(apps);
    if (startedStack) stopStack();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));

  try {
    await pairLocalDatabase({ say });
    build();
    apps = launch();
    await waitUntilReady(apps);
  } catch (error) {
    say(error.message);
    await shutdown(1);
    return;
  }
  say('all four apps are ready:');
  for (const app of APPS) say(`  ${app.name.padEnd(16)} http://127.0.0.1:${app.port}  (API page: /docs)`);
  say('development token: npm run token -- --role agency --sub agency-001 --region 440300');
  say('Ctrl-C stops what this started. An app that exits is restarted, and said so here.');
}

main();
