import { repeatEvery } from './repeat-every';

describe('repeatEvery', () => {
  it('runs the task again after each run, never two at once, and stop waits for the run under way', async () => {
    let runs = 0;
    let concurrent = 0;
    let most = 0;
    let finishRun!: () => void;
    const repeating = repeatEvery(
      () => 5,
      async () => {
        runs++;
        most = Math.max(most, ++concurrent);
        if (runs === 3) await new Promise<void>((resolve) => (finishRun = resolve));
        concurrent--;
      },
    );
    while (runs < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    let stopped = false;
    const stopping = repeating.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    finishRun();
    await stopping;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runs).toBe(3);
    expect(most).toBe(1);
  });

  it('keeps repeating after a task that throws', async () => {
    let runs = 0;
    const repeating = repeatEvery(
      () => 1,
      async () => {
        runs++;
        throw new Error('boom');
      },
    );
    while (runs < 3) await new Promise((resolve) => setTimeout(resolve, 2));
    await repeating.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
  });
});
