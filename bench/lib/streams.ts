// The bench stations' live streams (dispatch GET /v1/stations/{id}/stream), one SSE client each,
// timing when each match arrives, per push trigger.
import { type PushTrigger } from '@laowu/contracts';
import { SseStream, tokenFor } from '@laowu/testkit';
import { benchStationId } from './background';

/** Per job (or worker) id: when its first delivery arrived on any stream, and every arrival. */
export interface Arrivals {
  first: Map<string, number>;
  all: Map<string, number[]>;
}

/**
 * Per id sent at `sentAt` (performance.now()): the time to its first arrival, the time to each of
 * its arrivals, and how many ids never arrived.
 */
export function arrivalLatencies(sentAt: Map<string, number>, arrivals: Arrivals): { first: number[]; every: number[]; missing: number } {
  const first: number[] = [];
  const every: number[] = [];
  let missing = 0;
  for (const [id, t0] of sentAt) {
    const at = arrivals.first.get(id);
    if (at === undefined) missing++;
    else first.push(at - t0);
    for (const d of arrivals.all.get(id) ?? []) every.push(d - t0);
  }
  return { first, every, missing };
}

export interface StationStreams<T extends PushTrigger> {
  arrivals: Record<T, Arrivals>;
  close(): void;
}

/**
 * A string field of a delivery's JSON, read without JSON.parse: a bulk run reads millions of
 * deliveries on the machine it measures. The payload nests no field of these names, and a quote
 * inside a string value is escaped, so the first match is the field.
 */
function stringField(name: string): (json: string) => string | undefined {
  const pattern = new RegExp(`"${name}"\\s*:\\s*"([^"]*)"`);
  return (json) => pattern.exec(json)?.[1];
}

/**
 * Opens one SSE client per station and records `event: match` deliveries of the given triggers
 * (others are ignored), keyed by the payload field named for the trigger; times are performance.now().
 */
export async function watchStationStreams<T extends PushTrigger>(dispatchUrl: string, stations: number, keys: Record<T, 'jobId' | 'workerId'>): Promise<StationStreams<T>> {
  const streams = await Promise.all(
    Array.from({ length: stations }, (_, i) =>
      SseStream.open(`${dispatchUrl}/v1/stations/${benchStationId(i)}/stream`, tokenFor({ sub: benchStationId(i), role: 'station', region: '100000' })),
    ),
  );
  const arrivals = Object.fromEntries(Object.keys(keys).map((trigger) => [trigger, { first: new Map(), all: new Map() }])) as Record<T, Arrivals>;
  const idOf = Object.fromEntries(Object.entries(keys).map(([trigger, key]) => [trigger, stringField(key as string)])) as Record<T, (data: string) => string | undefined>;
  const triggerOf = stringField('trigger');
  for (const stream of streams) {
    stream.onEvent((event) => {
      if (event.event !== 'match') return;
      const at = performance.now();
      const trigger = triggerOf(event.data) as T | undefined;
      if (trigger === undefined || !(trigger in keys)) return;
      const id = idOf[trigger](event.data)!;
      const { first, all } = arrivals[trigger];
      if (!first.has(id)) first.set(id, at);
      (all.get(id) ?? all.set(id, []).get(id)!).push(at);
    });
    // SseStream keeps every event for listeners added later: a bulk run's millions of deliveries would hold gigabytes.
    stream.onEvent(() => (stream.events.length = 0));
  }
  return { arrivals, close: () => streams.forEach((stream) => stream.close()) };
}
