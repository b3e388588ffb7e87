/**
 * Tests drop and fill tables: refuse to run them against any database whose name does not end in
 * `_test`.
 */
export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.endsWith('_test')) {
    throw new Error(`Refusing to run tests against database "${name}": its name must end with "_test".`);
  }
}
