import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { deleteIndices, freePort } from '../support/faults';
import { searchClient } from '../support/search';
import { testEnv } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const APPS = ['job-collection', 'worker-profiles', 'matching', 'dispatch'] as const;
const PREFIX = 'compiled-apps-';

/**
 * What `npm start`, the demo and the container images run is `nest build`'s output (tsc), not
 * the SWC transform the other tests use; the two emit decorator metadata differently, and once a
 * response type that SWC accepted made the compiled matching app refuse to start. Each app is
 * built, started from dist/ as production starts it, must serve its OpenAPI page, and must stop
 * on SIGTERM.
 */
describe('the compiled apps (nest build)', () => {
  beforeAll(async () => {
    for (const app of APPS) await nestBuild(app);
  }, 600_000);

  afterAll(async () => {
    const search = searchClient();
    await deleteIndices(search, PREFIX);
    await search.close();
  });

  it.each(APPS)('%s starts from dist/, serves /docs/json and stops on SIGTERM', async (app) => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(ROOT, 'dist/apps', app, 'apps', app, 'src/main.js')], {
      cwd: ROOT,
      env: testEnv({ PORT: String(port), SEARCH_INDEX_PREFIX: PREFIX }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      await untilReady(`http://127.0.0.1:${port}`, child, output);
      const docs = await fetch(`http://127.0.0.1:${port}/docs/json`);
      expect(docs.status).toBe(200);
      const spec = (await docs.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(spec.openapi).toMatch(/^3\./);
      expect(Object.keys(spec.paths).length).toBeGreaterThan(1);
      // Nest closes the app on SIGTERM, then re-raises the signal to exit.
      expect(await stop(child)).toEqual({ code: null, signal: 'SIGTERM' });
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});

function nestBuild(app: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('npx', ['nest', 'build', app], { cwd: ROOT, timeout: 300_000, maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`nest build ${app} failed: ${error.message}\n${stdout}${stderr}`)) : resolve(),
    );
  });
}

async function untilReady(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) while starting:\n${output.join('').slice(-4000)}`);
    if (await fetch(`${url}/health/ready`).then((r) => r.ok, () => false)) return;
    if (Date.now() > deadline) throw new Error(`not ready after 120 s:\n${output.join('').slice(-4000)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** SIGTERM; the exit it causes, or 'still running' after 15 s. */
function stop(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null } | 'still running'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), 15_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
    child.kill('SIGTERM');
  });
}
