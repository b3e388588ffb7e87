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

module.exports = { ROOT, STACK, say, run, spawn, ensureStack, stopStack };
