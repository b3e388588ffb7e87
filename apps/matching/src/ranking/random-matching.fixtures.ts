import { JOB_KINDS, type JobChangedData, type JobKind, PRIORITY_GROUPS, type WorkerChangedData } from '@laowu/contracts';
import { jobData, workerData } from '@laowu/testkit';

/**
 * Varied jobs and workers from a seeded stream, for tests that compare a ranking against scoring
 * every job: skills with levels (several per job, repeated), piece rates, one-sided and inverted
 * age ranges, gigs with and without a start, cross-region recruiting from east-west partners,
 * target regions at every level, every priority group, minimum wages of every unit or none;
 * required certificates (one unregistered now and then) and workers' certificates valid, expired,
 * ending today or yesterday, or without an end; labour brands on both sides.
 */
export class Seeded {
  constructor(private state: number) {}

  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  some<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.chance(p));
  }

  uuid(): string {
    const hex = () => this.int(0, 15).toString(16);
    const part = (n: number) => Array.from({ length: n }, hex).join('');
    return `${part(8)}-${part(4)}-4${part(3)}-${this.pick(['8', '9', 'a', 'b'])}${part(3)}-${part(12)}`;
  }
}

const DAY = 86_400_000;
const SKILLS = ['welding', 'carpentry', 'electrician', 'masonry'];
/** Regions where jobs lie: 深圳, 广州 (广东), 杭州 (浙江, paired with 四川), 成都 (四川), 贵阳 (贵州, paired with 广东). */
const PLACES = [
  { regionCode: '440306', lat: 22.55, lon: 113.88 },
  { regionCode: '440106', lat: 23.13, lon: 113.36 },
  { regionCode: '330106', lat: 30.27, lon: 120.15 },
  { regionCode: '510104', lat: 30.65, lon: 104.08 },
  { regionCode: '520102', lat: 26.58, lon: 106.71 },
];
const SOURCE_CODES = ['510000', '513401', '520000', '522301', '440000'];
const TARGET_CODES = ['440000', '440300', '330106', '510000'];
const CERTIFICATE_CODES = ['welder-cert', 'forklift-license', 'electrician-cert'];
const BRANDS = ['chuan-mei-zi', 'liangshan-jiangong'];

/** A date `days` from today in China (UTC+8), as certificates' validUntil are written. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * DAY).toISOString().slice(0, 10);

/** A point `km` away from `from` in a random direction. */
export function pointNear(rng: Seeded, from: { lat: number; lon: number }, km: number): { lat: number; lon: number } {
  const bearing = rng.next() * 2 * Math.PI;
  const lat = from.lat + (km / 111.2) * Math.cos(bearing);
  const lon = from.lon + ((km / 111.2) * Math.sin(bearing)) / Math.cos((from.lat * Math.PI) / 180);
  return { lat, lon };
}

export function randomJob(rng: Seeded, now: number, overrides: Partial<JobChangedData> = {}): JobChangedData {
  const kind = rng.pick(JOB_KINDS);
  const place = rng.pick(PLACES);
  const spreadKm = rng.pick([0, 2, 10, 30, 80, 200]) * rng.next();
  const start = kind === 'gig' || rng.chance(0.2) ? now + rng.next() * 10 * DAY : undefined;
  const daily = rng.int(100, 400);
  const unit = rng.pick(['day', 'day', 'hour', 'month', 'piece'] as const);
  const scale = { day: 1, hour: 1 / 8, month: 21.75, piece: 0.05 }[unit];
  const ageMin = rng.chance(0.5) ? rng.int(16, 45) : undefined;
  const ageMax = rng.chance(0.5) ? rng.int(30, 65) : undefined;
  return jobData({
    jobId: rng.uuid(),
    kind,
    skills: Array.from({ length: rng.pick([0, 0, 1, 1, 2, 3]) }, () => ({ code: rng.pick(SKILLS), minLevel: rng.int(1, 3) })),
    headcount: rng.int(1, 20),
    filled: rng.chance(0.05) ? 20 : 0,
    status: rng.chance(0.05) ? 'closed' : 'open',
    wage: { min: Math.round(daily * 0.8 * scale), max: Math.round(daily * scale), unit },
    location: { regionCode: place.regionCode, ...pointNear(rng, place, spreadKm) },
    ...(rng.chance(0.3) ? { crossRegion: { sourceRegionCodes: rng.some(SOURCE_CODES, 0.4) } } : {}),
    ...(ageMin !== undefined || ageMax !== undefined ? { ageRange: { min: ageMin, max: ageMax } } : {}),
    olderWorkerFriendly: rng.chance(0.2),
    relocationQuotaPct: rng.chance(0.2) ? rng.int(5, 30) : 0,
    ...(start !== undefined && rng.chance(0.9) ? { startAt: new Date(start).toISOString(), endAt: new Date(start + rng.int(1, 30) * DAY).toISOString() } : {}),
    postedAt: new Date(now - (rng.next() * 40 - 1) * DAY).toISOString(),
    ...(rng.chance(0.25) ? { requiredCertificates: [...rng.some(CERTIFICATE_CODES, 0.4), ...(rng.chance(0.1) ? ['not-registered-cert'] : [])] } : {}),
    ...(rng.chance(0.25) ? { laborBrand: rng.pick(BRANDS) } : {}),
    ...overrides,
  });
}

export function randomWorker(rng: Seeded, overrides: Partial<WorkerChangedData> = {}): WorkerChangedData {
  const home = rng.pick(PLACES);
  const willing = rng.chance(0.5);
  const kinds: JobKind[] = rng.chance(0.3) ? [...JOB_KINDS] : rng.some(JOB_KINDS, 0.5);
  const minWage = rng.pick([undefined, { amount: 0, unit: 'day' as const }, { amount: rng.int(100, 300), unit: 'day' as const }, { amount: rng.int(3000, 7000), unit: 'month' as const }, { amount: 3, unit: 'piece' as const }]);
  return workerData(
    {
      workerId: rng.uuid(),
      ageYears: rng.int(16, 70),
      homeRegionCode: home.regionCode,
      residenceRegionCode: home.regionCode,
      location: pointNear(rng, home, rng.pick([0, 5, 20, 60]) * rng.next()),
      skills: Array.from({ length: rng.pick([0, 1, 1, 2]) }, () => ({ code: rng.pick(SKILLS), level: rng.int(1, 5) })),
      priorityGroups: rng.some(PRIORITY_GROUPS, 0.2),
      ...(rng.chance(0.3) ? { laborBrand: rng.pick(BRANDS) } : {}),
      ...overrides,
      certificates: overrides.certificates ?? [
        ...(rng.chance(0.2) ? [{ code: rng.pick(SKILLS), level: rng.int(1, 3) }] : []),
        ...CERTIFICATE_CODES.filter(() => rng.chance(0.4)).map((code) => {
          const validUntil = rng.pick([undefined, chinaDay(-400), chinaDay(-1), chinaDay(0), chinaDay(1), chinaDay(700)]);
          return { code, level: 1, ...(validUntil ? { validUntil } : {}) };
        }),
      ],
    },
    {
      kinds,
      willingToMigrate: willing,
      targetRegionCodes: willing ? rng.some(TARGET_CODES, 0.3) : [],
      maxCommuteKm: rng.pick([0, 5, 10, 30, 50, 100]),
      ...(minWage ? { minWage } : {}),
    },
  );
}
