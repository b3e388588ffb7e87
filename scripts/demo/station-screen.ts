// The stations' live screens as the demo watches them: one SSE reader per station (reconnecting
// with Last-Event-ID if a stream drops), every delivery parsed once, counted by trigger and lane,
// and a few shown as they arrive, so the run can be followed the way a station sees it.
import { findRegion } from '@laowu/domain';
import { APP_URLS, type SseEvent, SseStream } from '@laowu/testkit';
import { stationIdOf } from './scenario';

/** Why a match was pushed (API.md v1.1 "Push"), in the order a station would explain them. */
export const TRIGGERS = ['instant_job', 'cross_region_job', 'worker_available'] as const;
/** A delivery without a trigger: a dispatch from before v1.1. */
export const UNLABELLED = 'unlabelled';

export const TRIGGER_LABELS: Record<string, string> = {
  instant_job: '【即时快招】instant_job',
  cross_region_job: '【跨区域】cross_region_job',
  worker_available: '【转岗推荐】worker_available',
  [UNLABELLED]: '(no trigger)',
};

/** One match as it appeared on a station's screen. */
export interface Pushed {
  county: string;
  deliveryId?: string;
  matchId: string;
  jobId: string;
  workerId: string;
  score: number;
  trigger: string;
  lane: string;
  title: string;
  jobRegion?: string;
  receivedAt: number;
}

// ── terminal: progress lines (rewritten in place) and live lines printed between them ──
let progressOpen = false;

/** A progress line rewritten in place, at most every half second and always at the end. */
export function progress(label: string, total: number): (done: number) => void {
  let last = 0;
  return (done) => {
    if (done === total || Date.now() - last > 500) {
      last = Date.now();
      process.stdout.write(`\r[demo] ${label} ${done}/${total}   ${done === total ? '\n' : ''}`);
      progressOpen = done !== total;
    }
  };
}

/** A status line rewritten in place (e.g. a wait); `done` ends it. */
export function statusLine(text: string, done = false): void {
  process.stdout.write(`\r[demo] ${text}   ${done ? '\n' : ''}`);
  progressOpen = !done;
}

/** A line of what a station's screen shows, printed above an open progress line. */
export function live(line: string): void {
  if (progressOpen) process.stdout.write(process.stdout.isTTY ? '\r\x1b[K' : '\n');
  progressOpen = false;
  process.stdout.write(`[screen] ${line}\n`);
}

const placeName = (code?: string) => (code ? (findRegion(code)?.name ?? code) : '');
export const shortId = (id: string) => id.slice(0, 8);
const fmtScore = (score: number) => (Number.isFinite(score) ? score.toFixed(2) : '?');

export function describe(p: Pushed, note = ''): string {
  const where = p.jobRegion ? ` (${placeName(p.jobRegion)})` : '';
  return (
    `${placeName(p.county)}站 ${TRIGGER_LABELS[p.trigger] ?? p.trigger} [${p.lane}] ` +
    `${p.title}${where} → worker ${shortId(p.workerId)} score ${fmtScore(p.score)}${note}`
  );
}

interface Station {
  county: string;
  stream: SseStream;
  lastId?: string;
  reopening: boolean;
}

interface Watch {
  tag: string;
  since: number;
  shown: boolean;
}

export class StationScreens {
  readonly pushes: Pushed[] = [];
  private readonly counts = new Map<string, number>();
  /** trigger → jobId → when the job's first match of that trigger reached any station. */
  private readonly firstByJob = new Map<string, Map<string, number>>();
  /** workerId → their worker_available pushes: the first one's arrival, and how many. */
  private readonly availableByWorker = new Map<string, { first: number; count: number; firstPushed: Pushed }>();
  private readonly seen = new Set<string>();
  private readonly stations: Station[] = [];
  private readonly examplesLeft = new Map<string, number>();
  private readonly watched = new Map<string, Watch>();
  private readonly reconnectTimer: NodeJS.Timeout;
  private closing = false;
  reconnects = 0;

  private constructor(private readonly tokenOf: (county: string) => string) {
    this.reconnectTimer = setInterval(() => this.reopenDropped(), 1000);
    this.reconnectTimer.unref();
  }

  static async open(counties: string[], tokenOf: (county: string) => string): Promise<StationScreens> {
    const screens = new StationScreens(tokenOf);
    for (const county of counties) {
      const station: Station = { county, stream: await SseStream.open(screens.urlOf(county), tokenOf(county)), reopening: false };
      screens.stations.push(station);
      screens.attach(station);
    }
    return screens;
  }

  /** From now on, print up to `perTrigger` deliveries of each trigger as they arrive. */
  showExamples(perTrigger: number): void {
    for (const trigger of [...TRIGGERS, UNLABELLED]) this.examplesLeft.set(trigger, perTrigger);
  }

  /** Print this worker's first worker_available push when it arrives (at once if it already has). */
  watch(workerId: string, tag: string, since: number): void {
    const watch: Watch = { tag, since, shown: false };
    this.watched.set(workerId, watch);
    const already = this.availableByWorker.get(workerId);
    if (already) this.showWatched(already.firstPushed, watch);
  }

  count(trigger?: string, lane?: string): number {
    let total = 0;
    for (const [key, n] of this.counts) {
      const [t, l] = key.split('|');
      if ((trigger === undefined || t === trigger) && (lane === undefined || l === lane)) total += n;
    }
    return total;
  }

  /** (trigger, lane) pairs seen, with their counts, triggers in their usual order. */
  countsByTriggerAndLane(): { trigger: string; lane: string; count: number }[] {
    const order = (t: string) => {
      const i = (TRIGGERS as readonly string[]).indexOf(t);
      return i < 0 ? TRIGGERS.length : i;
    };
    return [...this.counts]
      .map(([key, count]) => {
        const [trigger, lane] = key.split('|');
        return { trigger, lane, count };
      })
      .sort((a, b) => order(a.trigger) - order(b.trigger) || a.lane.localeCompare(b.lane));
  }

  /** When the first match of `jobId` pushed by one of `triggers` reached a station. */
  firstPush(triggers: string[], jobId: string): number | undefined {
    let first: number | undefined;
    for (const trigger of triggers) {
      const at = this.firstByJob.get(trigger)?.get(jobId);
      if (at !== undefined && (first === undefined || at < first)) first = at;
    }
    return first;
  }

  /** How many distinct jobs of `jobIds` have had a push of `trigger` so far. */
  jobsPushed(trigger: string, jobIds: Iterable<string>): number {
    const pushed = this.firstByJob.get(trigger);
    let n = 0;
    for (const id of jobIds) if (pushed?.has(id)) n++;
    return n;
  }

  availablePushes(workerId: string): { first: number; count: number } | undefined {
    return this.availableByWorker.get(workerId);
  }

  /** What one station's screen showed for one job. */
  forJob(county: string, jobId: string): Pushed[] {
    return this.pushes.filter((p) => p.county === county && p.jobId === jobId);
  }

  /** One line: deliveries so far by trigger. */
  tally(): string {
    const parts = [...TRIGGERS, UNLABELLED]
      .filter((t) => t !== UNLABELLED || this.count(t) > 0)
      .map((t) => `${TRIGGER_LABELS[t]} ${this.count(t).toLocaleString('en')}`);
    return `${this.count().toLocaleString('en')} deliveries: ${parts.join(' · ')}`;
  }

  close(): void {
    this.closing = true;
    clearInterval(this.reconnectTimer);
    for (const station of this.stations) station.stream.close();
  }

  private urlOf(county: string): string {
    return `${APP_URLS.dispatch}/v1/stations/${stationIdOf(county)}/stream`;
  }

  private attach(station: Station): void {
    station.stream.onEvent((event) => this.receive(station, event));
  }

  /** A stream that dropped (dispatch restarted, or dropped a reader that fell behind) is reopened where it left off. */
  private reopenDropped(): void {
    if (this.closing) return;
    for (const station of this.stations) {
      if (!station.stream.closed || station.reopening) continue;
      station.reopening = true;
      SseStream.open(this.urlOf(station.county), this.tokenOf(station.county), station.lastId)
        .then((stream) => {
          if (this.closing) return stream.close();
          station.stream = stream;
          this.reconnects++;
          this.attach(station);
          live(`${placeName(station.county)}站: the stream dropped; reconnected with Last-Event-ID ${station.lastId ?? '(none)'}`);
        })
        .catch(() => undefined) // dispatch not back yet: next tick
        .finally(() => (station.reopening = false));
    }
  }

  private receive(station: Station, event: SseEvent): void {
    if (event.event !== 'match') return;
    if (event.id) {
      const key = `${station.county}:${event.id}`;
      if (this.seen.has(key)) return;
      this.seen.add(key);
      station.lastId = event.id;
    }
    let data: any;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    const pushed: Pushed = {
      county: station.county,
      deliveryId: event.id,
      matchId: data.matchId,
      jobId: data.jobId,
      workerId: String(data.workerId ?? ''),
      score: Number(data.score),
      trigger: data.trigger ?? UNLABELLED,
      lane: data.lane ?? '?',
      title: data.job?.title ?? '(job)',
      jobRegion: data.job?.location?.regionCode,
      receivedAt: event.receivedAt,
    };
    this.pushes.push(pushed);
    const key = `${pushed.trigger}|${pushed.lane}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    let byJob = this.firstByJob.get(pushed.trigger);
    if (!byJob) this.firstByJob.set(pushed.trigger, (byJob = new Map()));
    if (!byJob.has(pushed.jobId)) byJob.set(pushed.jobId, pushed.receivedAt);

    if (pushed.trigger === 'worker_available') {
      const mine = this.availableByWorker.get(pushed.workerId);
      if (mine) mine.count++;
      else this.availableByWorker.set(pushed.workerId, { first: pushed.receivedAt, count: 1, firstPushed: pushed });
      const watch = this.watched.get(pushed.workerId);
      if (watch) return this.showWatched(pushed, watch);
    }
    const left = this.examplesLeft.get(pushed.trigger) ?? 0;
    if (left > 0) {
      this.examplesLeft.set(pushed.trigger, left - 1);
      live(describe(pushed));
    }
  }

  private showWatched(pushed: Pushed, watch: Watch): void {
    if (watch.shown) return;
    watch.shown = true;
    live(describe(pushed, `  ← ${watch.tag}, ${Math.max(0, pushed.receivedAt - watch.since)} ms after the POST`));
  }
}
