import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

/** Starting an app with a bad setting exits at once, naming the variable (no half-started app). */
describe('an app with a bad configuration', () => {
  it('exits with EX_CONFIG and a message naming each bad variable', () => {
    const result = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/job-collection/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: 'eighty', KAFKA_BROKERS: 'no-port', NODE_ENV: 'production', LAOWU_JWT_SECRET: '' },
        encoding: 'utf8',
        timeout: 60000,
      },
    );
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/\[job-collection\] Invalid configuration/);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/KAFKA_BROKERS/);
    expect(result.stderr).toMatch(/LAOWU_JWT_SECRET: required when NODE_ENV=production/);
  });
});
