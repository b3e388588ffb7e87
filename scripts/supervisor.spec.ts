import { eventually } from '@laowu/testkit';
import { type ChildProcess, spawn } from 'node:child_process';

const { Supervisor } = require('./lib.js') as {
  Supervisor: new (
    entries: { name: string; start: () => ChildProcess }[],
    options: { say: (line: string) => void; maxRestarts?: number; windowMs?: number; backoffMs?: (attempt: number) => number },
  ) => Supervised;
};

interface Supervised {
  start(): Supervised;
  children: ChildProcess[];
  gaveUp: Set<string>;
  restarts: number;
  stop(killAfterMs?: number): Promise<void>;
}

/** A stand-in app: a node process that exits with `code` at once, or stays up when code is undefined. */
const fakeApp = (code?: number) => () =>
  spawn(process.execPath, ['-e', code === undefined ? 'setInterval(() => {}, 1000)' : `process.exit(${code})`], { stdio: 'ignore' });

describe('Supervisor (scripts/lib.js)', () => {
  let supervisor: Supervised | undefined;
  afterEach(() => supervisor?.stop(1000));

  it('restarts a crash-looping app up to its limit within the window, then gives up and says so loudly', async () => {
    const said: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      supervisor = new Supervisor([{ name: 'matching', start: fakeApp(3) }], { say: (l) => said.push(l), maxRestarts: 2, windowMs: 60_000, backoffMs: () => 10 }).start();
      await eventually(() => supervisor!.gaveUp.has('matching'), 10_000, 10);
      expect(supervisor.restarts).toBe(2);
      expect(said.filter((l) => /^matching exited \(exit code 3\); restarting it in/.test(l))).toHaveLength(2);
      expect(said.some((l) => /matching exited \(exit code 3\) 3 times within 60 s; giving up: it stays DOWN/.test(l))).toBe(true);
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toMatch(/giving up/);
    } finally {
      stderr.mockRestore();
    }
  });

  it('does not restart an app whose configuration is refused (exit 78)', async () => {
    const said: string[] = [];
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      supervisor = new Supervisor([{ name: 'dispatch', start: fakeApp(78) }], { say: (l) => said.push(l), backoffMs: () => 10 }).start();
      await eventually(() => supervisor!.gaveUp.has('dispatch'), 10_000, 10);
      expect(supervisor.restarts).toBe(0);
      expect(said.join('\n')).toMatch(/dispatch exited \(exit code 78: its configuration is refused.*NOT restarting it/);
    } finally {
      stderr.mockRestore();
    }
  });

  it('restarts nothing it was asked to stop', async () => {
    const said: string[] = [];
    supervisor = new Supervisor([{ name: 'worker-profiles', start: fakeApp() }], { say: (l) => said.push(l), backoffMs: () => 10 }).start();
    const child = supervisor.children[0];
    await supervisor.stop(1000);
    expect(child.signalCode).toBe('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(supervisor.children).toEqual([]);
    expect(supervisor.restarts).toBe(0);
    expect(said).toEqual([]);
  });
});
