// Open-loop sending, as the latency benchmarks post: each call leaves at its slot whether or not
// the earlier ones have answered, so a slow app does not slow the offered rate down.
import { sleep } from './report';

/** What an open-loop run sent: when each created id's call left (performance.now()), each call's time, failures, seconds taken. */
export interface OpenLoopResult {
  sentAt: Map<string, number>;
  callMs: number[];
  failed: number;
  seconds: number;
}

export interface OpenLoopOptions {
  count: number;
  /** Calls a second. */
  rate: number;
  log: (m: string) => void;
  /** What a call is, for the first three failures logged: `<name> failed: …`. */
  name: string;
  /** The progress line logged every 3 s, from the calls sent, the rate so far and the ids created. */
  progress: (sent: number, perSecond: string, sentAt: Map<string, number>) => string;
}

/**
 * Makes `count` calls at `rate` a second. `prepare(i)`, run at call i's slot, returns the call,
 * which is timed from when it is sent and resolves to the id it created.
 */
export async function sendOpenLoop(options: OpenLoopOptions, prepare: (i: number) => () => Promise<string>): Promise<OpenLoopResult> {
  const { count, rate, log } = options;
  const sentAt = new Map<string, number>();
  const callMs: number[] = [];
  let failed = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let lastReport = started;
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const call = prepare(i);
    inFlight.push(
      (async () => {
        const t0 = performance.now();
        try {
          const id = await call();
          callMs.push(performance.now() - t0);
          sentAt.set(id, t0);
        } catch (error) {
          failed++;
          if (failed <= 3) log(`${options.name} failed: ${(error as Error).message}`);
        }
      })(),
    );
    if (performance.now() - lastReport > 3000) {
      lastReport = performance.now();
      log(options.progress(i + 1, ((i + 1) / ((performance.now() - started) / 1000)).toFixed(1), sentAt));
    }
  }
  await Promise.all(inFlight);
  return { sentAt, callMs, failed, seconds: (performance.now() - started) / 1000 };
}
