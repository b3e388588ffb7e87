const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The one way tests wait: retries `attempt` every `intervalMs` until it neither throws nor returns
 * `false`, and returns its result. After `timeoutMs` it throws: the last error as it was (an
 * assertion keeps its diff), prefixed with `what` when given; or, when the attempt kept returning
 * false, what it waited for.
 */
export async function eventually<T>(
  attempt: () => T | Promise<T>,
  timeoutMs = 15_000,
  intervalMs = 200,
  what?: string | (() => string),
): Promise<Exclude<T, false>> {
  const deadline = Date.now() + timeoutMs;
  const describe = () => (typeof what === 'function' ? what() : (what ?? 'the condition'));
  for (;;) {
    let lastError: unknown;
    try {
      const result = await attempt();
      if (result !== false) return result as Exclude<T, false>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw timedOut(timeoutMs, lastError, what === undefined ? undefined : describe());
    await pause(intervalMs);
  }
}

function timedOut(timeoutMs: number, lastError: unknown, what: string | undefined): unknown {
  if (lastError === undefined) return new Error(`not within ${timeoutMs} ms: ${what ?? 'the condition'}`);
  if (what === undefined) return lastError;
  return new Error(`not within ${timeoutMs} ms: ${what} (last error: ${(lastError as Error).message})`);
}
