import { PermitTimeoutError, Semaphore } from './semaphore';

/** Lets queued promise callbacks run (no timers involved). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('grants up to its permits at once and queues the rest in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const order: string[] = [];
    const first = await semaphore.acquire();
    const second = await semaphore.acquire();
    const third = semaphore.acquire().then((release) => (order.push('third'), release));
    const fourth = semaphore.acquire().then((release) => (order.push('fourth'), release));
    await settle();
    expect(order).toEqual([]);
    expect(semaphore.inUse).toBe(2);
    expect(semaphore.waiting).toBe(2);

    first();
    await settle();
    expect(order).toEqual(['third']);
    second();
    await settle();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    expect(semaphore.inUse).toBe(0);
    expect(semaphore.waiting).toBe(0);
  });

  it('a waiter with a bounded wait (an HTTP caller) goes ahead of queued waiters without one (consumers)', async () => {
    const semaphore = new Semaphore(1);
    const order: string[] = [];
    const held = await semaphore.acquire();
    const consumerA = semaphore.acquire().then((release) => (order.push('consumer A'), release));
    const consumerB = semaphore.acquire().then((release) => (order.push('consumer B'), release));
    const http = semaphore.acquire(60_000).then((release) => (order.push('http'), release));
    await settle();
    expect(semaphore.waiting).toBe(3);

    held();
    await settle();
    expect(order).toEqual(['http']);
    (await http)();
    await settle();
    expect(order).toEqual(['http', 'consumer A']);
    (await consumerA)();
    await settle();
    (await consumerB)();
    expect(order).toEqual(['http', 'consumer A', 'consumer B']);
    expect(semaphore.inUse).toBe(0);
  });

  it('a release called twice frees one permit only', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    const again = await semaphore.acquire();
    expect(semaphore.inUse).toBe(1);
    let granted = false;
    void semaphore.acquire().then(() => (granted = true));
    await settle();
    expect(granted).toBe(false);
    again();
  });

  it('a bounded waiter gives up with PermitTimeoutError and leaves the queue; an unbounded one waits', async () => {
    jest.useFakeTimers();
    try {
      const semaphore = new Semaphore(1);
      const held = await semaphore.acquire();
      const bounded = semaphore.acquire(50);
      const unbounded = semaphore.acquire();
      expect(semaphore.waiting).toBe(2);
      jest.advanceTimersByTime(50);
      await expect(bounded).rejects.toBeInstanceOf(PermitTimeoutError);
      expect(semaphore.waiting).toBe(1);
      jest.advanceTimersByTime(60_000);
      held();
      const release = await unbounded;
      expect(semaphore.inUse).toBe(1);
      release();
      expect(semaphore.inUse).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a waiter with no time to wait is refused at once when no permit is free', async () => {
    const semaphore = new Semaphore(1);
    const held = await semaphore.acquire();
    await expect(semaphore.acquire(0)).rejects.toBeInstanceOf(PermitTimeoutError);
    held();
    (await semaphore.acquire(0))();
  });

  it('refuses a permit count that is not a positive integer', () => {
    expect(() => new Semaphore(0)).toThrow(/positive integer/);
    expect(() => new Semaphore(1.5)).toThrow(/positive integer/);
  });
});
