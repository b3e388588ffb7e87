// What the apps' own /metrics say about this run's pushes: the median of each hop per lane
// (histogram laowu_push_hop_seconds, this run's observations = the difference of two scrapes),
// and how many job events the standard lane still has to work through in matching.
import { TOPICS } from '@laowu/contracts';
import { APP_URLS, histogramQuantiles, type PromSample, scrapeMetrics, sumSamples } from '@laowu/testkit';

export const METRIC_APPS = {
  'job-collection': APP_URLS.jobs,
  'worker-profiles': APP_URLS.workers,
  matching: APP_URLS.matching,
  dispatch: APP_URLS.dispatch,
} as const;
export type AppName = keyof typeof METRIC_APPS;

/** One scrape of every app's /metrics; an app that did not answer is missing. */
export type Scrape = Map<AppName, PromSample[]>;

export async function scrapeApps(): Promise<Scrape> {
  const scraped = await Promise.all(
    (Object.keys(METRIC_APPS) as AppName[]).map(async (app) => [app, await scrapeMetrics([METRIC_APPS[app]]).catch(() => undefined)] as const),
  );
  return new Map(scraped.flatMap(([app, samples]) => (samples ? [[app, samples] as const] : [])));
}

const HOP_METRIC = 'laowu_push_hop_seconds';
export const LANES = ['instant', 'standard'] as const;

/** The push path in order: where each hop is timed, and for Kafka hops which topic. */
const HOP_ROWS: { hop: string; app: AppName; topic?: string }[] = [
  { hop: 'post_to_outbox', app: 'job-collection' },
  { hop: 'outbox_to_kafka', app: 'job-collection' },
  { hop: 'outbox_to_kafka', app: 'worker-profiles' },
  { hop: 'kafka_to_consumer', app: 'matching', topic: TOPICS.jobsInstant },
  { hop: 'kafka_to_consumer', app: 'matching', topic: TOPICS.jobs },
  { hop: 'kafka_to_consumer', app: 'matching', topic: TOPICS.workers },
  { hop: 'candidates_query', app: 'matching' },
  { hop: 'consumer_to_outbox', app: 'matching' },
  { hop: 'outbox_to_kafka', app: 'matching' },
  { hop: 'kafka_to_consumer', app: 'dispatch', topic: TOPICS.matchesInstant },
  { hop: 'kafka_to_consumer', app: 'dispatch', topic: TOPICS.matches },
  { hop: 'dispatch_to_stored', app: 'dispatch' },
  { hop: 'stored_to_sse', app: 'dispatch' },
];

export interface HopMedian {
  hop: string;
  where: string;
  /** Per lane: median in seconds and observations this run; undefined when none. */
  lanes: Partial<Record<(typeof LANES)[number], { median: number; n: number }>>;
}

/** Each hop's median per lane over what was observed between the two scrapes (rows with no observation left out). */
export function hopMedians(before: Scrape, after: Scrape): HopMedian[] {
  const rows: HopMedian[] = [];
  for (const { hop, app, topic } of HOP_ROWS) {
    const samples = after.get(app);
    if (!samples) continue;
    const row: HopMedian = { hop, where: topic ? `${app} ← ${topic}` : app, lanes: {} };
    const by = topic ? ['hop', 'lane', 'topic'] : ['hop', 'lane'];
    for (const { labels, value, count } of histogramQuantiles(samples, HOP_METRIC, 0.5, by, before.get(app) ?? [])) {
      const lane = labels.lane as (typeof LANES)[number];
      if (labels.hop === hop && (!topic || labels.topic === topic) && count > 0 && LANES.includes(lane)) row.lanes[lane] = { median: value, n: count };
    }
    if (Object.keys(row.lanes).length) rows.push(row);
  }
  return rows;
}

export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'n/a';
  const ms = seconds * 1000;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatHopTable(rows: HopMedian[]): string[] {
  const cell = (lane?: { median: number; n: number }) => (lane ? `${formatSeconds(lane.median)} (n ${lane.n.toLocaleString('en')})` : '—');
  const whereWidth = Math.max(20, ...rows.map((r) => r.where.length));
  const header = `${'hop'.padEnd(19)} ${'app ← topic'.padEnd(whereWidth)}  ${'instant'.padStart(20)}  ${'standard'.padStart(20)}`;
  return [header, ...rows.map((r) => `${r.hop.padEnd(19)} ${r.where.padEnd(whereWidth)}  ${cell(r.lanes.instant).padStart(20)}  ${cell(r.lanes.standard).padStart(20)}`)];
}

/**
 * Job events matching has handled on the standard lane's job topic (laowu.jobs.v1, which carries
 * every job) since it started; undefined when its /metrics cannot say. The difference from the
 * jobs created tells how many the standard lane still has to work through.
 */
export async function jobEventsHandledByMatching(): Promise<number | undefined> {
  try {
    // No sample yet (nothing handled since matching started) counts as 0.
    return sumSamples(await scrapeMetrics([APP_URLS.matching]), 'laowu_events_consumed_total', { topic: TOPICS.jobs });
  } catch {
    return undefined;
  }
}
