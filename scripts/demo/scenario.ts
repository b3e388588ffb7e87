// The demo's world: where workers come from, where jobs are, and how both are generated.
// Shares are plain numbers so a reader can check them against the policy's priorities.
import { findRegion, makeResidentId, SKILLS } from '@laowu/domain';

/** Origin counties (劳务输出地) in Sichuan, Guizhou, Yunnan and Gansu, one station each. */
export const ORIGIN_COUNTIES = ['513401', '510824', '520502', '522601', '530602', '532601', '621102', '622901'];
export const ORIGIN_PROVINCES = ['510000', '520000', '530000', '620000'];

/** Destination counties in Guangdong, Zhejiang and Jiangsu, and the agencies posting there. */
export const AGENCIES = [
  { id: 'agency-gd-shenzhen', region: '440300', counties: ['440306', '440307', '440309'] },
  { id: 'agency-gd-dongguan', region: '441900', counties: ['441900'] },
  { id: 'agency-zj-hangzhou', region: '330100', counties: ['330110', '330106'] },
  { id: 'agency-js-suzhou', region: '320500', counties: ['320506', '320505'] },
];
const DESTINATION_PROVINCES = ['440000', '330000', '320000'];

export const SHARES = {
  povertyAlleviated: 0.3, // 脱贫人口
  monitoringTarget: 0.05, // 防止返贫监测对象
  relocated: 0.08, // 易地扶贫搬迁
  over50: 0.15,
  willingToMigrate: 0.65,
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红建华文飞鹏辉玲';
const TRADES = SKILLS.filter((s) => ['construction', 'manufacturing', 'logistics', 'services', 'domestic_services', 'agriculture', 'processing'].includes(s.sector));

/** A seeded generator so two runs of the demo tell the same story. */
export class Random {
  constructor(private seed: number) {}

  next(): number {
    this.seed = (this.seed * 1664525 + 1013904223) % 4294967296;
    return this.seed / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  sample<T>(items: readonly T[], n: number): T[] {
    const pool = [...items];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

export const stationIdOf = (county: string) => `station-${county}-01`;

function centre(code: string): { lat: number; lon: number } {
  const region = findRegion(code);
  if (!region) throw new Error(`demo data names an unknown region ${code}`);
  return { lat: region.lat, lon: region.lon };
}

function birthDateFor(random: Random, age: number): string {
  const year = new Date().getFullYear() - age - 1;
  return `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
}

export function workerRequest(random: Random, county: string) {
  const age = random.chance(SHARES.over50) ? random.int(50, 62) : random.int(18, 49);
  const gender = random.chance(0.55) ? 'male' : 'female';
  const priorityGroups: string[] = [];
  if (random.chance(SHARES.povertyAlleviated)) priorityGroups.push('poverty_alleviated');
  else if (random.chance(SHARES.monitoringTarget / (1 - SHARES.povertyAlleviated))) priorityGroups.push('monitoring_target');
  if (random.chance(SHARES.relocated)) priorityGroups.push('relocated');
  const willing = random.chance(SHARES.willingToMigrate);
  const home = centre(county);
  return {
    idNumber: makeResidentId({ regionCode: county, birthDate: birthDateFor(random, age), gender, sequence: random.int(0, 499) * 2 + (gender === 'male' ? 1 : 0) }),
    name: random.pick([...SURNAMES]) + random.pick([...GIVEN]) + (random.chance(0.5) ? random.pick([...GIVEN]) : ''),
    phone: `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`,
    homeRegionCode: county,
    residenceRegionCode: county,
    location: { lat: home.lat + (random.next() - 0.5) * 0.1, lon: home.lon + (random.next() - 0.5) * 0.1 },
    stationId: stationIdOf(county),
    skills: random.sample(TRADES, random.int(1, 3)).map((s) => ({ code: s.code, level: random.int(1, 4) })),
    priorityGroups,
    preferences: {
      kinds: willing ? ['gig', 'fulltime', 'seasonal'] : ['gig', 'work_relief', 'public_welfare', 'workshop', 'fulltime'],
      willingToMigrate: willing,
      targetRegionCodes: willing ? random.sample(DESTINATION_PROVINCES, random.int(1, 2)) : [],
      maxCommuteKm: random.pick([20, 30, 50]),
      minWage: { amount: random.int(120, 220), unit: 'day' },
    },
  };
}

/**
 * A worker back in `county` after a contract in the east: registered as employed there (so that
 * recording the unemployment later is a change matching sees: 转岗服务, 十四).
 */
export function returneeRequest(random: Random, county: string, today: string) {
  const workplace = random.pick(random.pick(AGENCIES).counties);
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - random.int(200, 400) * 86_400_000).toISOString().slice(0, 10);
  return {
    ...workerRequest(random, county),
    employmentStatus: { status: 'employed', effectiveDate: since, regionCode: workplace, employer: `${findRegion(workplace)?.name ?? ''}某电子厂` },
  };
}

/** A worker registering at the station as unemployed (registered where they live, 九). */
export function unemployedWorkerRequest(random: Random, county: string, today: string) {
  return { ...workerRequest(random, county), employmentStatus: { status: 'unemployed', effectiveDate: today, regionCode: county, registeredAt: 'residence' } };
}

type JobKind = 'gig' | 'fulltime' | 'seasonal' | 'public_welfare' | 'work_relief' | 'workshop';

const TITLES: Record<JobKind, string[]> = {
  gig: ['仓库装卸临时工', '电子厂日结普工', '快递分拣日结', '展会搭建临时工', '餐厅帮厨日结'],
  fulltime: ['电子厂普工', '注塑操作工', '物流分拣员', '建筑钢筋工', '家政保洁员', '数控车床操作工'],
  seasonal: ['茶叶采摘季节工', '柑橘采摘工', '冷库搬运季节工'],
  public_welfare: ['乡村保洁员', '护林员', '乡村道路养护员'],
  work_relief: ['以工代赈 农村公路建设', '以工代赈 水利设施修缮'],
  workshop: ['帮扶车间 手工编织', '帮扶车间 服装缝纫'],
};

function startEnd(random: Random, kind: JobKind): { startAt: string; endAt?: string } {
  const start = new Date(Date.now() + random.int(1, 10) * 86_400_000);
  const days = kind === 'gig' ? random.int(1, 3) : kind === 'public_welfare' ? 300 : kind === 'seasonal' ? 60 : undefined;
  return { startAt: start.toISOString(), endAt: days ? new Date(start.getTime() + days * 86_400_000).toISOString() : undefined };
}

export function destinationJob(random: Random, agency: (typeof AGENCIES)[number], index: number, kind: JobKind, instant = false) {
  const county = random.pick(agency.counties);
  const point = centre(county);
  const perDay = kind === 'gig';
  return {
    externalId: `${agency.id}-${kind}-${index}`,
    title: random.pick(TITLES[kind]),
    description: '包吃住，按时发放工资，签订劳动合同。',
    kind,
    skills: random.sample(TRADES, random.int(0, 2)).map((s) => ({ code: s.code, minLevel: random.int(1, 3) })),
    headcount: random.int(5, 60),
    wage: perDay ? { min: random.int(160, 220), max: random.int(230, 320), unit: 'day' } : { min: random.int(4500, 6000), max: random.int(6500, 9000), unit: 'month' },
    location: { regionCode: county, lat: point.lat + (random.next() - 0.5) * 0.05, lon: point.lon + (random.next() - 0.5) * 0.05, address: `${findRegion(county)?.name ?? ''}工业园` },
    crossRegion: random.chance(0.6) ? { sourceRegionCodes: random.sample(ORIGIN_PROVINCES, random.int(1, 2)) } : undefined,
    ageRange: random.chance(0.5) ? { min: 18, max: random.pick([45, 50, 55]) } : undefined,
    olderWorkerFriendly: random.chance(0.15),
    ...startEnd(random, kind),
    instant: instant || kind === 'gig',
    benefits: { housing: random.chance(0.7), meals: random.chance(0.8), transport: random.chance(0.3), injuryInsurance: true },
    relocationQuotaPct: random.chance(0.2) ? 20 : undefined,
    laborBrand: random.chance(0.2) ? random.pick(['川妹子', '黔灵女', '陇原巧手', '湘西边城家政']) : undefined,
  };
}

/** Work-relief, public-welfare and assistance-workshop jobs in the origin counties themselves. */
export function originJob(random: Random, county: string, index: number) {
  const kind = random.pick<JobKind>(['public_welfare', 'work_relief', 'workshop']);
  const point = centre(county);
  return {
    externalId: `origin-${county}-${kind}-${index}`,
    title: random.pick(TITLES[kind]),
    kind,
    headcount: random.int(3, 20),
    wage: { min: random.int(80, 120), max: random.int(130, 180), unit: 'day' },
    location: { regionCode: county, lat: point.lat, lon: point.lon },
    olderWorkerFriendly: kind !== 'workshop' || random.chance(0.5),
    ...startEnd(random, kind),
    instant: false,
    // 乡村公益性岗位 carry work-injury insurance (十六); job-collection refuses one without it (422).
    ...(kind === 'public_welfare' ? { benefits: { injuryInsurance: true } } : {}),
  };
}
