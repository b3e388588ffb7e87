import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const APPS = join(__dirname, '..', '..', 'apps');

function messageControllers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return messageControllers(path);
    return entry.name.endsWith('.message.controller.ts') ? [path] : [];
  });
}

/**
 * A Kafka handler's `@Payload() event: T` goes through the apps' global ValidationPipe (the
 * microservices inherit the app's config). When T is imported with `import { type T }`, tsc — the
 * build the apps run from — records the parameter's type as `Function`, and the pipe then refuses
 * every event ("Request validation failed"), so the consumer dead-letters all of them; jest's swc
 * records `Object` and the tests pass. A value import keeps the real class.
 */
describe('Kafka handlers’ payload types survive the tsc build', () => {
  const files = messageControllers(APPS);

  it('finds the message controllers', () => {
    expect(files.length).toBeGreaterThan(5);
  });

  it.each(files.map((file) => [file.slice(APPS.length + 1), file]))('%s imports its single-event payload type as a value', (_, file) => {
    const source = readFileSync(file, 'utf8');
    const payloadTypes = [...source.matchAll(/@Payload\(\)\s+\w+:\s*(\w+)(?:<[^>]*>)?\s*(\[\])?/g)].filter(([, , array]) => !array).map(([, type]) => type);
    const typeOnly = payloadTypes.filter((type) => new RegExp(`import\\s+type\\s+\\{[^}]*\\b${type}\\b|\\btype\\s+${type}\\b`).test(source));
    expect(typeOnly).toEqual([]);
  });
});
