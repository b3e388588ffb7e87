#!/usr/bin/env node
// npm test: lints (npm run lint), brings the local stack up if it is not running, type-checks, then
// runs every unit test, then every integration and e2e test against the real Kafka, search engine and PostgreSQL.
// LAOWU_TEST_INFRA=containers uses testcontainers instead (needs a Docker engine).
const { spawnSync } = require('node:child_process');
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

// With paths (npm test -- <paths>) a project may hold none of them, so each run may find nothing; but
// a path that matches no test at all (a typo) must fail, not pass green.
const narrowed = extraArgs.length > 0;
if (narrowed && !spawnSync('npx', ['jest', '--listTests', ...extraArgs], { encoding: 'utf8' }).stdout.trim()) {
  say(`no test matches ${extraArgs.join(' ')}`);
  process.exit(1);
}
const perProject = narrowed ? ['--passWithNoTests', ...extraArgs] : [];

// Unit specs touch no stack: they run side by side. The others share one stack: in band.
say('running unit tests (jest, in parallel)…');
const unit = run('npx', ['jest', '--selectProjects', 'unit', ...perProject]);
if (unit !== 0) process.exit(unit);
say('running integration and e2e tests (jest, in band: they share one stack)…');
process.exit(run('npx', ['jest', '--selectProjects', 'integration', '--runInBand', ...perProject]));
