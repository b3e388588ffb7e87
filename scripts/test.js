#!/usr/bin/env node
// npm test: lints (npm run lint), brings the local stack up if it is not running, type-checks, then
// runs every unit, integration and e2e test against the real Kafka, search engine and PostgreSQL.
// LAOWU_TEST_INFRA=containers uses testcontainers instead (needs a Docker engine).
const { existsSync } = require('node:fs');
const { ensureStack, run, say } = require('./lib');

const extraArgs = process.argv.slice(2);

say('linting (npm run lint)…');
const lint = run('node', ['scripts/lint.js']);
if (lint !== 0) process.exit(lint);

if (process.env.LAOWU_TEST_INFRA !== 'containers') ensureStack();

// The console's browser tests drive Debian's Chromium; the test runner never downloads a browser.
if (!existsSync('/usr/bin/chromium')) {
  say('installing Chromium for the console tests (scripts/install-browser.sh)…');
  if (run('bash', ['scripts/install-browser.sh']) !== 0) process.exit(1);
}

say('type-checking (tsc --noEmit)…');
const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
if (typecheck !== 0) process.exit(typecheck);

say('running tests (jest, in band: they share one stack)…');
process.exit(run('npx', ['jest', '--runInBand', ...extraArgs]));
