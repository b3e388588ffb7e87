/**
 * Keeps the highest version per id: a consumed batch may carry several states of one aggregate,
 * and a write of the batch (an upsert, a bulk index) may touch each record once.
 */
export function latestPerId<T extends { version: number }>(items: T[], idOf: (item: T) => string): T[] {
  const latest = new Map<string, T>();
  for (const item of items) {
    const seen = latest.get(idOf(item));
    if (!seen || seen.version < item.version) latest.set(idOf(item), item);
  }
  return [...latest.values()];
}
