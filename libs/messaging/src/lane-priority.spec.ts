import { LanePriority } from './lane-priority';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LONG = { standard: 10_000, pushes: 10_000 };

/** A batch of `consumer` that runs until `finish` is called. */
function batch(priority: LanePriority, consumer: 'instant' | 'standard' | 'pushes', done: () => void) {
  let finish!: () => void;
  const running = priority.run(consumer, () => new Promise<void>((resolve) => (finish = resolve)).then(done));
  return { running, finish: () => finish() };
}

describe('LanePriority: the standard lane gives way to the instant lane, its pushes to the rest of it', () => {
  it('lets a chunk go at once when nobody above it works', async () => {
    const priority = new LanePriority(LONG);
    const started = Date.now();
    await priority.turn('standard');
    await priority.turn('pushes');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('holds a standard-lane chunk until the instant batches in flight have finished', async () => {
    const priority = new LanePriority(LONG);
    const order: string[] = [];
    const first = batch(priority, 'instant', () => void order.push('instant 1 done'));
    const second = batch(priority, 'instant', () => void order.push('instant 2 done'));
    const standard = priority.turn('standard').then(() => void order.push('standard goes'));
    await tick(20);
    first.finish();
    await first.running;
    await tick(20);
    expect(order).toEqual(['instant 1 done']);
    second.finish();
    await Promise.all([second.running, standard]);
    expect(order).toEqual(['instant 1 done', 'instant 2 done', 'standard goes']);
  });

  it('holds a push chunk while indexing (the standard consumer) or an instant batch works, and lets indexing go past it', async () => {
    const priority = new LanePriority(LONG);
    const order: string[] = [];
    const indexing = batch(priority, 'standard', () => void order.push('indexing done'));
    const pushes = priority.turn('pushes').then(() => void order.push('pushes go'));
    const standardNext = priority.turn('standard').then(() => void order.push('indexing goes again'));
    await standardNext;
    const instant = batch(priority, 'instant', () => void order.push('instant done'));
    indexing.finish();
    await indexing.running;
    await tick(20);
    expect(order).toEqual(['indexing goes again', 'indexing done']);
    instant.finish();
    await Promise.all([instant.running, pushes]);
    expect(order).toEqual(['indexing goes again', 'indexing done', 'instant done', 'pushes go']);
  });

  it('never holds a consumer longer than its maximum wait, so a steady stream above it cannot starve it', async () => {
    const priority = new LanePriority({ standard: 50, pushes: 80 });
    const busy = batch(priority, 'instant', () => undefined);
    let went = 0;
    const waits = [priority.turn('standard').then(() => went++), priority.turn('pushes').then(() => went++)];
    await tick(400);
    expect(went).toBe(2);
    busy.finish();
    await Promise.all([busy.running, ...waits]);
  });

  it('releases the count when a batch fails', async () => {
    const priority = new LanePriority(LONG);
    await expect(priority.run('instant', () => Promise.reject(new Error('broker away')))).rejects.toThrow('broker away');
    const started = Date.now();
    await priority.turn('standard');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
