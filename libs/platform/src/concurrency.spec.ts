import { mapWithConcurrency } from './concurrency';

/** A task whose completions the test releases one by one, recording how many ran at once. */
function gatedTasks() {
  const gates: (() => void)[] = [];
  let running = 0;
  let peak = 0;
  const task = async (item: number) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running--;
    return item * 10;
  };
  const releaseAll = async () => {
    while (gates.length || running) {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { task, releaseAll, peak: () => peak, started: () => gates.length };
}

describe('mapWithConcurrency', () => {
  it('never runs more than the limit at once and keeps the items’ order', async () => {
    const gated = gatedTasks();
    const items = Array.from({ length: 25 }, (_, i) => i);
    const all = mapWithConcurrency(items, 4, gated.task);
    await new Promise((resolve) => setImmediate(resolve));
    expect(gated.started()).toBe(4);
    await gated.releaseAll();
    expect(await all).toEqual(items.map((i) => i * 10));
    expect(gated.peak()).toBe(4);
  });

  it('starts nothing new after a failure and rejects with it', async () => {
    const started: number[] = [];
    const result = mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (item) => {
      started.push(item);
      await new Promise((resolve) => setImmediate(resolve));
      if (item === 2) throw new Error('item 2 failed');
      return item;
    });
    await expect(result).rejects.toThrow('item 2 failed');
    expect(started).toEqual([1, 2, 3]);
  });

  it('handles no items and refuses a limit below one', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(RangeError);
  });
});
