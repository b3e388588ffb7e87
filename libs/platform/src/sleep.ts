/** A pause that never keeps the process alive on its own (retry loops, backoff). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
