/** A task repeated by repeatEvery; `stop` cancels the next run and waits for one under way. */
export interface Repeating {
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs()` while not stopped, each wait starting when the last run ends
 * (runs never overlap). The task handles and logs its own failures; one that throws anyway is
 * simply run again next time. The timer does not keep the process alive.
 */
export function repeatEvery(intervalMs: () => number, task: () => Promise<unknown>): Repeating {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = task()
        .catch(() => undefined)
        .finally(schedule);
    }, intervalMs());
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
