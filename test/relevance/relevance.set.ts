import { type JobChangedData, type JobKind, type PriorityGroup, type WorkerChangedData } from '@laowu/contracts';
import { distanceKm, findRegion, isEastWestPair, provinceCodeOf, wagePerDay, wageRangePerDay } from '@laowu/domain';

/**
 * The judged relevance set: 30 workers × 40 jobs, each pair graded 0–3 with a one-line reason.
 * Grades come from `judge` below — plain-sense rules written from the policy and a station
 * worker's point of view, deliberately NOT from the ranking formula (no weights, no decay
 * curves) — and are frozen in judgments.json by build-judgments.ts. Times are relative to the
 * moment the test runs (days from now).
 */
const ALL: JobKind[] = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];

const PLACES: Record<string, [string, number, number]> = {
  shenzhen: ['440306', 22.55, 113.88],
  longgang: ['440307', 22.72, 114.25],
  guangzhou: ['440106', 23.13, 113.36],
  dongguan: ['441900', 23.02, 113.75],
  hangzhou: ['330106', 30.27, 120.15],
  ningbo: ['330203', 29.87, 121.55],
  suzhou: ['320505', 31.3, 120.58],
  chengdu: ['510104', 30.66, 104.07],
  xichang: ['513401', 27.89, 102.26],
  zhaojue: ['513431', 28.0, 102.84],
  guiyang: ['520102', 26.58, 106.71],
  nanning: ['450102', 22.82, 108.32],
  lanzhou: ['620102', 36.06, 103.83],
  beijing: ['110105', 39.92, 116.44],
};

export interface RelevanceWorker {
  key: string;
  data: WorkerChangedData;
}

export interface RelevanceJob {
  key: string;
  data: (now: number) => JobChangedData;
}

const uuid = (n: number, kind: 'a' | 'b') => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`;
const DAY = 86_400_000;

type W = [key: string, place: string, age: number, skills: [string, number][], groups: PriorityGroup[], kinds: JobKind[], willing: boolean, targets: string[], commuteKm: number, minWagePerDay?: number, home?: string];

// key, where they live, age, skills, priority groups, accepted kinds, willing to migrate, target regions, max commute, min wage/day, home (if not where they live)
const WORKER_ROWS: W[] = [
  ['sz-welder', 'shenzhen', 34, [['welding', 4]], [], ['fulltime', 'gig'], false, [], 25, 250],
  ['sz-electrician', 'shenzhen', 41, [['electrician', 3]], [], ALL, false, [], 30, 220],
  ['sz-general', 'shenzhen', 27, [], [], ['fulltime', 'gig'], false, [], 20, 180],
  ['sz-older', 'shenzhen', 57, [['construction-labour', 3]], [], ALL, false, [], 15, 150],
  ['sz-poor', 'shenzhen', 38, [['masonry', 2]], ['poverty_alleviated'], ALL, false, [], 30, 160],
  ['lg-gig', 'longgang', 30, [['carpentry', 3]], [], ['gig'], false, [], 15, 200],
  ['gz-cook', 'guangzhou', 45, [['cooking', 3]], [], ['fulltime'], false, [], 20, 200],
  ['gz-mover', 'guangzhou', 52, [], [], ['gig', 'seasonal'], false, [], 30, 150],
  ['dg-factory', 'dongguan', 24, [], [], ['fulltime'], false, [], 25, 170],
  ['dg-welder', 'dongguan', 36, [['welding', 2]], [], ['fulltime', 'gig'], false, [], 40, 200],
  ['hz-electrician', 'hangzhou', 33, [['electrician', 4]], [], ['fulltime'], false, [], 30, 300],
  ['hz-older', 'hangzhou', 60, [], [], ALL, false, [], 10, 120],
  ['nb-carpenter', 'ningbo', 44, [['carpentry', 4]], [], ['fulltime', 'seasonal'], false, [], 30, 260],
  ['sz-suzhou-welder', 'suzhou', 29, [['welding', 3]], [], ['fulltime'], false, [], 30, 230],
  ['xc-migrant', 'xichang', 31, [['construction-labour', 2]], ['poverty_alleviated'], ['fulltime', 'seasonal'], true, ['330000'], 20, 180],
  ['xc-migrant-any', 'xichang', 26, [], [], ['fulltime'], true, [], 20, 160],
  ['xc-stay', 'xichang', 48, [['masonry', 3]], ['poverty_alleviated'], ALL, false, [], 25, 120],
  ['xc-relocated', 'xichang', 35, [], ['relocated', 'poverty_alleviated'], ALL, false, [], 15, 100],
  ['zj-relocated', 'zhaojue', 40, [], ['relocated'], ALL, false, [], 20, 100],
  ['xc-older-stay', 'xichang', 59, [], ['monitoring_target'], ['public_welfare', 'work_relief', 'workshop'], false, [], 20, 80],
  ['cd-welder', 'chengdu', 37, [['welding', 3]], [], ['fulltime'], true, ['440000'], 30, 220],
  ['cd-electrician', 'chengdu', 28, [['electrician', 2]], [], ['fulltime', 'gig'], false, [], 25, 200],
  ['gy-migrant', 'guiyang', 33, [], ['poverty_alleviated'], ['fulltime', 'seasonal'], true, [], 20, 170],
  ['gy-stay', 'guiyang', 50, [['masonry', 2]], [], ['fulltime', 'work_relief'], false, [], 30, 150],
  ['nn-migrant', 'nanning', 29, [['welding', 2]], [], ['fulltime'], true, ['440300'], 20, 200],
  ['lz-migrant', 'lanzhou', 34, [['construction-labour', 3]], ['monitoring_target'], ['fulltime', 'seasonal'], true, [], 20, 180],
  ['lz-stay', 'lanzhou', 55, [], [], ['public_welfare', 'work_relief'], false, [], 15, 90],
  ['bj-electrician', 'beijing', 46, [['electrician', 3]], [], ['fulltime', 'gig'], false, [], 35, 300],
  ['bj-older', 'beijing', 61, [], [], ['gig', 'public_welfare'], false, [], 20, 150],
  ['remote-cook', 'chengdu', 42, [['cooking', 2]], [], ['fulltime', 'seasonal'], true, ['330000', '440000'], 20, 190],
];

type J = [key: string, title: string, place: string, kind: JobKind, skills: [string, number][], wagePerDay: [number, number], extra?: {
  ageMax?: number; older?: boolean; cross?: string[]; quota?: number; startInDays?: number; postedDaysAgo?: number; instant?: boolean;
}];

// key, title, where, kind, required skills, wage per day [min, max], extras
const JOB_ROWS: J[] = [
  ['sz-weld-ft', '钢结构焊工', 'shenzhen', 'fulltime', [['welding', 3]], [300, 380]],
  ['sz-weld-gig', '焊工零工（三天）', 'shenzhen', 'gig', [['welding', 2]], [350, 400], { startInDays: 1, instant: true }],
  ['sz-elec-ft', '物业电工', 'shenzhen', 'fulltime', [['electrician', 2]], [230, 260]],
  ['sz-factory', '电子厂普工', 'shenzhen', 'fulltime', [], [180, 220], { ageMax: 45 }],
  ['sz-factory-older', '包装工（欢迎大龄）', 'shenzhen', 'fulltime', [], [160, 190], { older: true }],
  ['sz-moving-gig', '搬运零工', 'shenzhen', 'gig', [], [200, 260], { startInDays: 2 }],
  ['sz-clean', '小区保洁', 'shenzhen', 'fulltime', [], [140, 160], { older: true }],
  ['lg-carpentry-gig', '装修木工零工', 'longgang', 'gig', [['carpentry', 2]], [300, 350], { startInDays: 1 }],
  ['gz-cook', '食堂厨师', 'guangzhou', 'fulltime', [['cooking', 2]], [220, 260]],
  ['gz-logistics-season', '双十一分拣（季节工）', 'guangzhou', 'seasonal', [], [180, 220], { startInDays: 10 }],
  ['gz-security', '保安', 'guangzhou', 'fulltime', [], [160, 180], { ageMax: 50 }],
  ['dg-factory', '电子厂操作工', 'dongguan', 'fulltime', [], [190, 230], { ageMax: 40 }],
  ['dg-weld', '焊工', 'dongguan', 'fulltime', [['welding', 2]], [260, 300]],
  ['hz-elec', '工厂电工', 'hangzhou', 'fulltime', [['electrician', 3]], [320, 380]],
  ['hz-cross-sc', '杭州电子厂（定向招收四川）', 'hangzhou', 'fulltime', [], [210, 250], { cross: ['510000'], quota: 10 }],
  ['hz-cross-gz', '杭州建筑工地（定向贵州）', 'hangzhou', 'fulltime', [['construction-labour', 1]], [260, 300], { cross: ['520000'] }],
  ['nb-carpentry', '家具厂木工', 'ningbo', 'fulltime', [['carpentry', 3]], [280, 320]],
  ['nb-tea-season', '采茶季节工', 'ningbo', 'seasonal', [], [150, 180], { older: true, startInDays: 20 }],
  ['sz-cross-gx', '深圳工厂（定向广西）', 'shenzhen', 'fulltime', [['welding', 1]], [240, 280], { cross: ['450000'] }],
  ['sz-cross-ls', '深圳电子厂（定向凉山）', 'shenzhen', 'fulltime', [], [200, 240], { cross: ['513400'], quota: 20 }],
  ['suzhou-weld', '船厂焊工', 'suzhou', 'fulltime', [['welding', 3]], [300, 360]],
  ['suzhou-cross-sx', '苏州工厂（定向陕西）', 'suzhou', 'fulltime', [], [200, 240], { cross: ['610000'] }],
  ['xc-welfare', '乡村保洁公益性岗位', 'xichang', 'public_welfare', [], [60, 80]],
  ['xc-work-relief', '以工代赈道路修缮', 'xichang', 'work_relief', [['masonry', 1]], [120, 150], { quota: 30 }],
  ['xc-workshop', '就业帮扶车间缝纫工', 'xichang', 'workshop', [], [100, 130], { quota: 20 }],
  ['zj-workshop', '昭觉帮扶车间（易地搬迁安置区）', 'zhaojue', 'workshop', [], [100, 120], { quota: 30 }],
  ['cd-weld', '成都机械厂焊工', 'chengdu', 'fulltime', [['welding', 3]], [260, 300]],
  ['cd-elec-gig', '电工零工', 'chengdu', 'gig', [['electrician', 2]], [280, 320], { startInDays: 1, instant: true }],
  ['cd-factory', '成都食品厂普工', 'chengdu', 'fulltime', [], [150, 180], { ageMax: 45 }],
  ['gy-work-relief', '以工代赈水利工程', 'guiyang', 'work_relief', [['masonry', 1]], [150, 180]],
  ['gy-factory', '贵阳电子厂', 'guiyang', 'fulltime', [], [160, 190]],
  ['gz-cross-gy', '广州工厂（定向贵州）', 'guangzhou', 'fulltime', [], [210, 250], { cross: ['520000'] }],
  ['nn-factory', '南宁制糖厂季节工', 'nanning', 'seasonal', [], [150, 180]],
  ['lz-welfare', '兰州社区公益性岗位', 'lanzhou', 'public_welfare', [], [80, 100]],
  ['lz-work-relief', '以工代赈梯田整修', 'lanzhou', 'work_relief', [], [120, 140]],
  ['tj-cross-gs', '天津工厂（定向甘肃）', 'beijing', 'fulltime', [['construction-labour', 1]], [250, 290], { cross: ['620000'] }],
  ['bj-elec', '北京物业电工', 'beijing', 'fulltime', [['electrician', 3]], [300, 350]],
  ['bj-gig-older', '北京展会搭建零工（欢迎大龄）', 'beijing', 'gig', [], [220, 260], { older: true, startInDays: 2 }],
  ['bj-welfare', '北京社区公益岗', 'beijing', 'public_welfare', [], [120, 140]],
  ['stale-sz', '深圳普工（两个月前发布）', 'shenzhen', 'fulltime', [], [180, 220], { postedDaysAgo: 60 }],
];

function place(name: string): { regionCode: string; lat: number; lon: number } {
  const [regionCode, lat, lon] = PLACES[name];
  if (!findRegion(regionCode)) throw new Error(`relevance set: unknown region ${regionCode}`);
  return { regionCode, lat, lon };
}

export const RELEVANCE_WORKERS: RelevanceWorker[] = WORKER_ROWS.map(([key, where, age, skills, groups, kinds, willing, targets, commute, minWage, home], i) => {
  const at = place(where);
  return {
    key,
    data: {
      workerId: uuid(i + 1, 'a'),
      version: 1,
      stationId: `station-${at.regionCode}-01`,
      ageYears: age,
      gender: i % 2 ? 'female' : 'male',
      homeRegionCode: home ?? at.regionCode,
      residenceRegionCode: at.regionCode,
      location: { lat: at.lat, lon: at.lon },
      skills: skills.map(([code, level]) => ({ code, level })),
      certificates: [],
      priorityGroups: groups,
      preferences: { kinds, willingToMigrate: willing, targetRegionCodes: targets, maxCommuteKm: commute, ...(minWage ? { minWage: { amount: minWage, unit: 'day' as const } } : {}) },
      employmentStatus: 'seeking',
      available: true,
      updatedAt: new Date(0).toISOString(),
    },
  };
});

export const RELEVANCE_JOBS: RelevanceJob[] = JOB_ROWS.map(([key, title, where, kind, skills, [min, max], extra = {}], i) => ({
  key,
  data: (now: number) => ({
    jobId: uuid(i + 1, 'b'),
    version: 1,
    change: 'created' as const,
    status: 'open' as const,
    agencyId: 'agency-relevance',
    title,
    kind,
    skills: skills.map(([code, minLevel]) => ({ code, minLevel })),
    headcount: 20,
    filled: 0,
    wage: { min, max, unit: 'day' as const },
    location: place(where),
    ...(extra.cross ? { crossRegion: { sourceRegionCodes: extra.cross } } : {}),
    ...(extra.ageMax ? { ageRange: { min: 18, max: extra.ageMax } } : {}),
    olderWorkerFriendly: extra.older ?? false,
    ...(extra.startInDays !== undefined ? { startAt: new Date(now + extra.startInDays * DAY).toISOString(), endAt: new Date(now + (extra.startInDays + 3) * DAY).toISOString() } : {}),
    instant: extra.instant ?? false,
    relocationQuotaPct: extra.quota ?? 0,
    materialVersion: 1,
    postedAt: new Date(now - (extra.postedDaysAgo ?? 2) * DAY).toISOString(),
    updatedAt: new Date(now - (extra.postedDaysAgo ?? 2) * DAY).toISOString(),
  }),
}));

export interface Judgment {
  worker: string;
  job: string;
  grade: 0 | 1 | 2 | 3;
  reason: string;
}

/**
 * The judge: how a station worker who knows the policy would grade the offer. 0 = should not be
 * offered, 1 = could mention it, 2 = a good offer, 3 = the offer to make first.
 */
export function judge(worker: WorkerChangedData, job: JobChangedData): Omit<Judgment, 'worker' | 'job'> {
  const prefs = worker.preferences;
  if (!prefs.kinds.includes(job.kind)) return { grade: 0, reason: '劳动者不接受该类岗位' };
  const placeable = worker.priorityGroups.some((g) => g === 'poverty_alleviated' || g === 'monitoring_target');
  if (job.kind === 'public_welfare' && !placeable) return { grade: 0, reason: '非脱贫人口或监测对象，不安置公益性岗位（十六）' };
  const km = distanceKm(worker.location!, job.location);
  const targetsHome = (job.crossRegion?.sourceRegionCodes ?? []).some((code) => worker.homeRegionCode.startsWith(code.replace(/0+$/, '')));
  const wantsThere = prefs.targetRegionCodes.some((code) => job.location.regionCode.startsWith(code.replace(/0+$/, '')));
  const withinCommute = km <= prefs.maxCommuteKm;
  const nearish = km <= prefs.maxCommuteKm * 2;
  const reachable = withinCommute || (prefs.willingToMigrate && (targetsHome || wantsThere));
  if (!reachable && !nearish) {
    return prefs.willingToMigrate
      ? { grade: 1, reason: `愿意外出，但岗位 ${Math.round(km)} km 外且未定向招收本地，也不在意向地区` }
      : { grade: 0, reason: `不愿外出，岗位在 ${Math.round(km)} km 外，超出通勤范围` };
  }
  const required = job.skills;
  const met = required.filter((s) => worker.skills.some((w) => w.code === s.code && w.level >= (s.minLevel ?? 1))).length;
  if (required.length && met === 0) return { grade: 0, reason: '缺少岗位要求的技能' };
  const pay = wageRangePerDay(job.wage)?.max;
  const floor = prefs.minWage ? wagePerDay(prefs.minWage.amount, prefs.minWage.unit) : undefined;
  if (pay !== undefined && floor !== undefined && pay < floor * 0.8) return { grade: 0, reason: `日薪 ${pay} 元远低于期望 ${floor} 元` };

  let grade = 3;
  const weaknesses: string[] = [];
  if (!withinCommute && !(prefs.willingToMigrate && (targetsHome || wantsThere))) {
    grade -= 1;
    weaknesses.push('略超通勤范围');
  }
  if (required.length && met < required.length) {
    grade -= 1;
    weaknesses.push('技能部分符合');
  }
  if (pay !== undefined && floor !== undefined && pay < floor) {
    grade -= 1;
    weaknesses.push('工资略低于期望');
  }
  const ageMax = job.ageRange?.max;
  if (ageMax !== undefined && worker.ageYears > ageMax && !job.olderWorkerFriendly) {
    grade -= 1;
    weaknesses.push(`年龄超出偏好上限 ${ageMax} 岁（不排除，十二）`);
  }
  if (Date.parse(job.postedAt) < Date.now() - 30 * DAY) {
    grade -= 1;
    weaknesses.push('发布已久，可能已招满');
  }
  const strengths: string[] = [];
  if (prefs.willingToMigrate && targetsHome) strengths.push(isEastWestPair(job.location.regionCode, worker.homeRegionCode) ? '东西部协作定向招收本地' : '定向招收本地');
  if (job.olderWorkerFriendly && worker.ageYears >= 50) strengths.push('适合大龄（十二）');
  const assistance = ['work_relief', 'workshop', 'public_welfare'].includes(job.kind);
  if (assistance && worker.priorityGroups.some((g) => g !== 'relocated')) strengths.push('脱贫人口就近安置（十四）');
  if ((job.relocationQuotaPct ?? 0) > 0 && worker.priorityGroups.includes('relocated')) strengths.push('搬迁群众优先（十五）');
  if (strengths.length && grade < 3) grade += 1;
  const fits: string[] = [];
  if (required.length && met === required.length) fits.push('技能符合');
  if (pay !== undefined && floor !== undefined && pay >= floor) fits.push('工资达到期望');
  if (!strengths.length && !required.length && grade === 3 && !withinCommute) grade = 2;
  const bounded = Math.max(1, Math.min(3, grade)) as 1 | 2 | 3;
  const where = provinceCodeOf(job.location.regionCode) === provinceCodeOf(worker.residenceRegionCode) ? `${Math.round(km)} km` : `外省 ${Math.round(km)} km`;
  return { grade: bounded, reason: [where, ...strengths, ...fits, ...weaknesses].join('；') || '条件符合' };
}
