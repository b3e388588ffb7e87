import { TOPICS } from '@laowu/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS_CONSUMED } from '../support/all-apps';

const ROOT = join(__dirname, '..', '..');

/** Every `@EventPattern(TOPICS.x)` under an app's src: the topics its consumers read. */
function consumedBy(app: string): string[] {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
        for (const [, key] of readFileSync(path, 'utf8').matchAll(/@EventPattern\(TOPICS\.(\w+)/g)) found.add(TOPICS[key as keyof typeof TOPICS]);
      }
    }
  };
  walk(join(ROOT, 'apps', app, 'src'));
  return [...found].sort();
}

/**
 * Suites that start all four apps position each app's new consumer group at the topics' ends
 * (TOPICS_CONSUMED): a topic missing there is read from its beginning in every such suite — the
 * whole history of every earlier test — which slows CI and lets old events into the test.
 */
describe('TOPICS_CONSUMED (test/support/all-apps.ts)', () => {
  it.each(Object.keys(TOPICS_CONSUMED))('lists every topic %s consumes', (app) => {
    expect([...TOPICS_CONSUMED[app]].sort()).toEqual(consumedBy(app));
  });
});
