// Small helpers the console's views share: the browser twins of @laowu/platform's mapWithConcurrency
// and @laowu/domain's regionPrefix (the console cannot import the libs).

/** Runs the tasks (functions returning promises) at most `limit` at a time; results in order. */
export async function mapWithConcurrency(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  async function worker() {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

/** A GB/T 2260 code's level: 510000 province, 510700 city, 510722 county. */
export const regionLevel = (code) => (code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county');

/** The code prefix of everything inside a region: 510000 → 51, 510700 → 5107, 510722 → 510722. */
export const regionPrefix = (code) => ({ province: code.slice(0, 2), city: code.slice(0, 4), county: code })[regionLevel(code)];

/** The region and the regions containing it, outermost first: 510722 → 510000, 510700, 510722. */
export const regionPath = (code) => [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code].filter((c, i, all) => all.indexOf(c) === i);
