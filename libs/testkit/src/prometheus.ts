// Reading the apps' /metrics (Prometheus text format) and estimating quantiles from histogram
// buckets the way Prometheus' histogram_quantile does. Used by the benchmarks and the demo.
import { PUSH_HOPS } from '@laowu/platform';

export interface PromSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Sample values and `le` bounds: Go's float syntax, so "+Inf", "-Inf" and "NaN" too. */
const promNumber = (text: string) => (text === '+Inf' ? Infinity : text === '-Inf' ? -Infinity : Number(text));
const unescapeLabel = (value: string) => value.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c));

/** Every sample of an exposition (comments and blank lines skipped; timestamps ignored). */
export function parsePrometheusText(text: string): PromSample[] {
  const samples: PromSample[] = [];
  for (const line of text.split('\n')) {
    const match = SAMPLE_LINE.exec(line.trim());
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, name, value] of (match[2] ?? '').matchAll(LABEL)) labels[name] = unescapeLabel(value);
    samples.push({ name: match[1], labels, value: promNumber(match[3]) });
  }
  return samples;
}

/** The sum of counter or gauge `name` over the samples whose labels include `wanted` (0 when there are none). */
export function sumSamples(samples: PromSample[], name: string, wanted: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(wanted).every(([label, value]) => s.labels[label] === value))
    .reduce((sum, s) => sum + s.value, 0);
}

/** GET each URL's /metrics, all samples together (one process's registry each). */
export async function scrapeMetrics(baseUrls: string[]): Promise<PromSample[]> {
  const texts = await Promise.all(
    baseUrls.map(async (url) => {
      const response = await fetch(`${url}/metrics`);
      if (!response.ok) throw new Error(`GET ${url}/metrics: HTTP ${response.status}`);
      return response.text();
    }),
  );
  return texts.flatMap(parsePrometheusText);
}

/**
 * The q-quantile of a histogram from its cumulative buckets (`le` → count, +Inf included), as
 * histogram_quantile: linear interpolation inside the bucket holding the rank (the first bucket
 * starts at 0), the highest finite bound when the rank falls in +Inf, NaN without observations.
 */
export function histogramQuantile(q: number, buckets: { le: number; count: number }[]): number {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const last = sorted.at(-1);
  if (!last || last.le !== Infinity || last.count === 0) return NaN;
  const rank = q * last.count;
  const i = sorted.findIndex((b) => b.count >= rank);
  if (i === sorted.length - 1) return i > 0 ? sorted[i - 1].le : NaN;
  if (i === 0 && sorted[0].le <= 0) return sorted[0].le;
  const start = i === 0 ? 0 : sorted[i - 1].le;
  const below = i === 0 ? 0 : sorted[i - 1].count;
  return start + (sorted[i].le - start) * ((rank - below) / (sorted[i].count - below));
}

/**
 * The q-quantile of histogram `name` per combination of the `by` labels, buckets summed over every
 * other label and every scraped process (`sum by (…, le)`). With `since`, an earlier scrape, only
 * the observations made in between count (as over a rate()).
 */
export function histogramQuantiles(
  samples: PromSample[], name: string, q: number, by: string[], since: PromSample[] = [],
): { labels: Record<string, string>; value: number; count: number }[] {
  const buckets = new Map<string, { labels: Record<string, string>; counts: Map<number, number> }>();
  const add = (list: PromSample[], sign: number) => {
    for (const sample of list) {
      if (sample.name !== `${name}_bucket`) continue;
      const labels = Object.fromEntries(by.map((label) => [label, sample.labels[label] ?? '']));
      const key = JSON.stringify(labels);
      const group = buckets.get(key) ?? buckets.set(key, { labels, counts: new Map() }).get(key)!;
      const le = promNumber(sample.labels.le);
      group.counts.set(le, (group.counts.get(le) ?? 0) + sign * sample.value);
    }
  };
  add(samples, 1);
  add(since, -1);
  return [...buckets.values()].map(({ labels, counts }) => ({
    labels,
    value: histogramQuantile(q, [...counts].map(([le, count]) => ({ le, count }))),
    count: counts.get(Infinity) ?? 0,
  }));
}

/**
 * laowu_push_hop_seconds' q-quantile in ms per hop (in path order) and lane, every app and topic
 * together; a hop and lane without observations is left out.
 */
export function pushHopQuantilesMs(samples: PromSample[], q: number, since: PromSample[] = []): Record<string, Record<string, number>> {
  const found = histogramQuantiles(samples, 'laowu_push_hop_seconds', q, ['hop', 'lane'], since).filter(({ value }) => !Number.isNaN(value));
  const out: Record<string, Record<string, number>> = {};
  for (const hop of PUSH_HOPS) {
    for (const { labels, value } of found.filter((f) => f.labels.hop === hop).sort((a, b) => a.labels.lane.localeCompare(b.labels.lane))) {
      (out[hop] ??= {})[labels.lane] = Math.round(value * 10_000) / 10;
    }
  }
  return out;
}
