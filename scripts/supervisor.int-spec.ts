import { eventually } from '@laowu/testkit';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from '../test/support/faults';
import { testEnv } from '../test/support/test-app';

const { Supervisor } = require('./lib.js') as {
  Supervisor: new (
    entries: { name: string; start: () => ChildProcess }[],
    options: { say: (line: string) => void; backoffMs?: (attempt: number) => number },
  ) => Supervised;
};

interface Supervised {
  start(): Supervised;
  children: ChildProcess[];
  restarts: number;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..');

async function ready(url: string): Promise<boolean> {
  return fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
}

/**
 * Issue 14: `npm start` and the demo left the system running without matching once it died of an
 * out-of-memory abort. Under the Supervisor they run with (scripts/lib.js), an app killed from
 * outside is started again, answers again, and the terminal says which app exited how.
 */
describe('the apps supervisor (npm start, demo)', () => {
  it('restarts an app that was killed, says so, and the app answers again', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = testEnv({ PORT: String(port), TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') });
    const said: string[] = [];
    const output: string[] = [];
    const supervisor = new Supervisor(
      [
        {
          name: 'job-collection',
          start: () => {
            const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/job-collection/src/main.ts'], {
              cwd: ROOT,
              env,
              stdio: ['ignore', 'pipe', 'pipe'],
            });
            child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
            child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
            return child;
          },
        },
      ],
      { say: (line) => said.push(line), backoffMs: () => 1000 },
    ).start();
    try {
      await eventually(() => ready(url), 150_000, 500, () => `the app ready:\n${output.join('').slice(-3000)}`);
      const first = supervisor.children[0];
      first.kill('SIGKILL');
      await eventually(() => supervisor.restarts === 1, 150_000, 500, () => `a restart:\n${said.join('\n').slice(-3000)}`);
      const second = supervisor.children[0];
      expect(second.pid).not.toBe(first.pid);
      await eventually(() => ready(url), 150_000, 500, () => `the restarted app ready:\n${output.join('').slice(-3000)}`);
      expect(said).toEqual([
        expect.stringMatching(/^job-collection exited \(killed by signal SIGKILL\); restarting it in 1 s/),
        `job-collection restarted (pid ${second.pid})`,
      ]);
    } finally {
      await supervisor.stop();
    }
    // Stopped on purpose: nothing restarted, nothing said.
    expect(supervisor.children).toEqual([]);
    expect(supervisor.restarts).toBe(1);
    expect(said).toHaveLength(2);
  }, 400_000);
});
