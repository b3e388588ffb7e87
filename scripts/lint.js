#!/usr/bin/env node
// npm run lint: the conventions that tools check (docs/ARCHITECTURE.md, "What may import what").
// Runs every checker even when one fails, so that one run lists all the findings.
const { run, say } = require('./lib');

const CHECKS = {
  'lint:eslint': 'floating promises, unused vars, type imports',
  'lint:imports': 'what may import what (dependency-cruiser)',
  'lint:unused': 'unused files, exports and dependencies (knip)',
};

const failed = Object.entries(CHECKS).filter(([script, what]) => {
  say(`npm run ${script}: ${what}…`);
  return run('npm', ['run', '--silent', script]) !== 0;
});
if (failed.length > 0) say(`lint failed: ${failed.map(([script]) => script).join(', ')}`);
process.exit(failed.length > 0 ? 1 : 0);
