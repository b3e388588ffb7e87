import { LanePriority } from './lane-priority';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('LanePriority: the standard lane gives way to the instant lane', () => {
  it('lets a standard-lane chunk go at once when no instant batch runs', async () => {
    const priority = new LanePriority(10_000);
    const started = Date.now();
    await priority.standardTurn();
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('holds a standard-lane chunk until the instant batches in flight have finished', async () => {
    const priority = new LanePriority(10_000);
    const order: string[] = [];
    let finishFirst!: () => void;
    let finishSecond!: () => void;
    const first = priority.instant(() => new Promise<void>((resolve) => (finishFirst = resolve)).then(() => void order.push('instant 1 done')));
    const second = priority.instant(() => new Promise<void>((resolve) => (finishSecond = resolve)).then(() => void order.push('instant 2 done')));
    const standard = priority.standardTurn().then(() => void order.push('standard goes'));
    await tick(20);
    finishFirst();
    await first;
    await tick(20);
    expect(order).toEqual(['instant 1 done']);
    finishSecond();
    await Promise.all([second, standard]);
    expect(order).toEqual(['instant 1 done', 'instant 2 done', 'standard goes']);
  });

  it('never holds the standard lane longer than its maximum wait, so a steady instant stream cannot starve it', async () => {
    const priority = new LanePriority(50);
    let finish!: () => void;
    const busy = priority.instant(() => new Promise<void>((resolve) => (finish = resolve)));
    let went = false;
    const standard = priority.standardTurn().then(() => (went = true));
    await tick(300);
    expect(went).toBe(true);
    finish();
    await Promise.all([busy, standard]);
  });

  it('releases the instant count when a batch fails', async () => {
    const priority = new LanePriority(10_000);
    await expect(priority.instant(() => Promise.reject(new Error('broker away')))).rejects.toThrow('broker away');
    const started = Date.now();
    await priority.standardTurn();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
