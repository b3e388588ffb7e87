// Generated jobs and workers for the benchmarks, as the events matching indexes (JobChanged,
// WorkerChanged data), so documents go through the app's own mapping (toJobDocument, …).
import { type JobChangedData, type JobKind, type WorkerChangedData } from '@laowu/contracts';
import { childrenOf, type Region } from '@laowu/domain';
import { type SearchClient } from '@laowu/search';
import { randomUUID } from 'node:crypto';

export const DAY = 86_400_000;
export const KINDS: JobKind[] = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];
export const BENCH_SKILLS = ['welding', 'electrician', 'carpentry', 'masonry', 'construction-labour', 'plumbing', 'tiling', 'excavator'];
const DESTINATIONS = ['440000', '330000', '320000'];
const ORIGINS = ['510000', '520000', '450000', '620000', '530000'];

/** A deterministic pseudo-random stream, so two runs load the same data. */
export class Rng {
  constructor(private seed = 42) {}
  next(): number {
    // 32-bit integer arithmetic: in doubles the product loses its low bits and the sequence
    // repeated every 10,466 draws (1M "jobs" were ~600 distinct ones).
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) & 0x7fffffff;
    return this.seed / 2 ** 31;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  jitter(x: number, by: number): number {
    return x + (this.next() - 0.5) * by;
  }
}

/** County-level regions of a spread of provinces: destinations in the east, origins in the west. */
export function benchCounties(): Region[] {
  const provinces = ['440000', '330000', '320000', '510000', '520000', '450000', '620000', '110000', '370000', '530000'];
  return provinces.flatMap((p) => childrenOf(p).flatMap((city) => childrenOf(city.code))).filter((c) => c.lat !== 0);
}

export function makeJob(rng: Rng, region: Region, now: number, overrides: Partial<JobChangedData> = {}): JobChangedData {
  const kind = rng.next() < 0.3 ? 'gig' : rng.pick(KINDS);
  const start = kind === 'gig' ? now + Math.floor(rng.next() * 7 + 1) * DAY : undefined;
  const daily = Math.round(150 + rng.next() * 250);
  return {
    jobId: randomUUID(), version: 1, change: 'created', status: 'open', agencyId: `agency-${Math.floor(rng.next() * 500)}`,
    title: rng.pick(['电子厂普工', '焊工', '电工', '木工', '搬运工', '保洁员', '厨师', '采茶工', '建筑小工']), description: '包吃住，按月结算',
    kind, skills: rng.next() < 0.5 ? [{ code: rng.pick(BENCH_SKILLS), minLevel: 1 + Math.floor(rng.next() * 3) }] : [],
    headcount: 1 + Math.floor(rng.next() * 50), filled: 0, wage: { min: daily - 30, max: daily, unit: 'day' },
    location: { regionCode: region.code, lat: rng.jitter(region.lat, 0.2), lon: rng.jitter(region.lon, 0.2) },
    ...(rng.next() < 0.15 ? { crossRegion: { sourceRegionCodes: [rng.pick(ORIGINS)] } } : {}),
    ...(rng.next() < 0.3 && kind !== 'public_welfare' ? { ageRange: { min: 18, max: 45 + Math.floor(rng.next() * 15) } } : {}),
    olderWorkerFriendly: rng.next() < 0.1, instant: rng.next() < 0.1,
    ...(start ? { startAt: new Date(start).toISOString(), endAt: new Date(start + 3 * DAY).toISOString() } : {}),
    relocationQuotaPct: rng.next() < 0.1 ? 20 : 0, materialVersion: 1,
    postedAt: new Date(now - rng.next() * 30 * DAY).toISOString(), updatedAt: new Date(now).toISOString(),
    ...overrides,
  };
}

export function makeWorker(rng: Rng, region: Region, stationId = `station-${region.code}-01`): WorkerChangedData {
  const willing = rng.next() < 0.4;
  return {
    workerId: randomUUID(), version: 1, stationId, ageYears: 18 + Math.floor(rng.next() * 45),
    gender: rng.next() < 0.5 ? 'male' : 'female', homeRegionCode: region.code, residenceRegionCode: region.code,
    location: { lat: rng.jitter(region.lat, 0.2), lon: rng.jitter(region.lon, 0.2) },
    skills: rng.next() < 0.6 ? [{ code: rng.pick(BENCH_SKILLS), level: 1 + Math.floor(rng.next() * 5) }] : [], certificates: [],
    priorityGroups: rng.next() < 0.2 ? [rng.pick(['poverty_alleviated', 'monitoring_target', 'relocated'] as const)] : [],
    preferences: {
      kinds: KINDS.filter(() => rng.next() < 0.6), willingToMigrate: willing,
      targetRegionCodes: willing && rng.next() < 0.5 ? [rng.pick(DESTINATIONS)] : [],
      maxCommuteKm: rng.pick([10, 20, 30, 50]), minWage: { amount: Math.round(120 + rng.next() * 150), unit: 'day' },
    },
    employmentStatus: 'seeking', available: rng.next() < 0.9, updatedAt: new Date().toISOString(),
  };
}

/** How many documents an index or alias holds (-1 when there is none). */
export function countOf(client: SearchClient, index: string): Promise<number> {
  return client.count(index, { match_all: {} }).catch(() => -1);
}

/** Ids to ask for: a spread of the documents (those of a fixed 1/16 of the ids, random UUIDs), or any when that is too few. */
export async function someIds(client: SearchClient, index: string, idField: string, count: number): Promise<string[]> {
  const ids = async (query: object) => (await client.search<Record<string, string>>(index, { query, size: count, _source: [idField] })).hits.map((hit) => hit.source[idField]);
  const spread = await ids({ prefix: { [idField]: '0' } });
  return spread.length === count ? spread : ids({ match_all: {} });
}
