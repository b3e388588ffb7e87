import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Processes whose command line names this stack's data folder (the servers pass it as -D…). */
async function processesOf(stackDir: string): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'pid,args']);
  return stdout.split('\n').filter((line) => line.includes(stackDir) && !line.includes('ps -eo'));
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port p with p + 1 free too (Kafka's controller listens on the next port). */
async function freePortPair(from: number): Promise<number> {
  for (let port = from; port < from + 500; port += 2) {
    if ((await portIsFree(port)) && (await portIsFree(port + 1))) return port;
  }
  throw new Error(`no free port pair from ${from}`);
}

/**
 * A second stack from a copy of deploy/local on other ports, so the shared one keeps serving the
 * other tests: `up` really starts Kafka and the search engine, `down` leaves none of them.
 */
describe('deploy/local/stack.sh', () => {
  const repo = mkdtempSync(join(tmpdir(), 'laowu-stack-'));
  const script = join(repo, 'deploy/local/stack.sh');
  let env: NodeJS.ProcessEnv;
  let ports: { kafka: number; es: number };

  beforeAll(async () => {
    cpSync(join(__dirname, '..'), join(repo, 'deploy/local'), { recursive: true });
    ports = { kafka: await freePortPair(29092), es: await freePortPair(29300) };
    env = { ...process.env, KAFKA_PORT: String(ports.kafka), ES_PORT: String(ports.es), ES_START_TIMEOUT: '300', KAFKA_START_TIMEOUT: '240' };
  });

  afterAll(async () => {
    await run('bash', [script, 'down'], { env }).catch(() => undefined);
    rmSync(repo, { recursive: true, force: true });
  });

  it('starts, reports and stops its own servers, leaving no process behind', async () => {
    await run('bash', [script, 'up'], { env, timeout: 600_000 });
    const status = await run('bash', [script, 'status'], { env });
    expect(status.stdout).toMatch(new RegExp(`kafka\\s+up\\s+127\\.0\\.0\\.1:${ports.kafka}`));
    expect(status.stdout).toMatch(new RegExp(`es\\s+up\\s+127\\.0\\.0\\.1:${ports.es}`));
    expect(await processesOf(join(repo, '.stack'))).toHaveLength(2);

    await run('bash', [script, 'up'], { env }); // idempotent: nothing new starts
    expect(await processesOf(join(repo, '.stack'))).toHaveLength(2);

    await run('bash', [script, 'down'], { env, timeout: 120_000 });
    expect(await processesOf(join(repo, '.stack'))).toEqual([]);
    await expect(run('bash', [script, 'status'], { env })).rejects.toMatchObject({ code: 3 });
    await run('bash', [script, 'down'], { env }); // down twice is fine
  }, 900_000);
});
