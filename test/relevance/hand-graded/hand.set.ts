import { type JobChangedData, type JobKind, type PriorityGroup, type WorkerChangedData } from '@laowu/contracts';
import { findRegion, isKnownCertificate, isKnownSkill } from '@laowu/domain';

/**
 * The hand-graded relevance set's people and jobs (README.md beside this file). Plain data with
 * small builders of the event shapes; the grades are in judgments.hand.ts, typed pair by pair.
 * Places are county centre points (regions.data.json); times are days from the moment the test runs.
 */
const PLACES = {
  // east coast: receiving areas
  baoan: ['440306', 22.555, 113.8838], // 深圳宝安
  dongguan: ['441900', 23.0207, 113.7518], // 东莞
  nanhai: ['440605', 23.029, 113.1434], // 佛山南海
  kunshan: ['320583', 31.3856, 120.9807], // 苏州昆山
  yiwu: ['330782', 29.3068, 120.0751], // 金华义乌
  xiaoshan: ['330109', 30.1838, 120.2643], // 杭州萧山
  jinjiang: ['350582', 24.7816, 118.5517], // 泉州晋江
  huangdao: ['370211', 35.9609, 120.1981], // 青岛黄岛
  // west: sending counties and their towns
  aksu: ['652901', 41.1675, 80.2634], // 新疆阿克苏 (cotton)
  weining: ['520526', 26.8738, 104.2531], // 毕节威宁
  qixingguan: ['520502', 27.2985, 105.3047], // 毕节七星关 (city seat, relocation site)
  zhaojue: ['513431', 28.0153, 102.8403], // 凉山昭觉
  xichang: ['513401', 27.8945, 102.2644], // 凉山西昌
  weiyuan: ['621123', 35.1368, 104.2155], // 定西渭源
  anding: ['621102', 35.5806, 104.6107], // 定西安定
  duan: ['451228', 23.9327, 108.1053], // 河池都安
  zhenxiong: ['530627', 27.4416, 104.8738], // 昭通镇雄
  xiji: ['640422', 35.9639, 105.7291], // 固原西吉
  yunyang: ['500235', 30.9305, 108.6977], // 重庆云阳
  wuhou: ['510107', 30.6419, 104.0432], // 成都武侯
} as const satisfies Record<string, readonly [string, number, number]>;
type Place = keyof typeof PLACES;

const DAY = 86_400_000;
const ALL: JobKind[] = ['gig', 'fulltime', 'seasonal', 'public_welfare', 'work_relief', 'workshop'];

export interface HandWorker {
  key: string;
  data: WorkerChangedData;
}

export interface HandJob {
  key: string;
  data: (now: number) => JobChangedData;
}

export interface HandJudgment {
  worker: string;
  job: string;
  grade: 0 | 1 | 2 | 3;
  reason: string;
}

interface WorkerRow {
  key: string;
  at: Place;
  age: number;
  gender: 'male' | 'female';
  skills?: [string, number][];
  certs?: [string, string?][];
  groups?: PriorityGroup[];
  kinds: JobKind[];
  willing: boolean;
  targets?: string[];
  commuteKm: number;
  minWagePerDay: number;
}

interface JobRow {
  key: string;
  title: string;
  at: Place;
  kind: JobKind;
  skills: [string, number][];
  wage: [number, number];
  ages?: [number, number];
  older?: boolean;
  certs?: string[];
  cross?: string[];
  quota?: number;
  startInDays?: number;
  instant?: boolean;
  housing?: boolean;
}

const WORKERS: WorkerRow[] = [
  // east coast locals
  { key: 'sz-assembler-23', at: 'baoan', age: 23, gender: 'female', skills: [['electronics-assembly', 2]], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 20, minWagePerDay: 180 },
  { key: 'sz-welder-38', at: 'baoan', age: 38, gender: 'male', skills: [['welding', 4]], certs: [['welder-cert', '2029-06-30']], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 30, minWagePerDay: 300 },
  { key: 'sz-cleaner-62', at: 'baoan', age: 62, gender: 'female', skills: [['commercial-cleaning', 3]], kinds: ['gig', 'fulltime'], willing: false, commuteKm: 10, minWagePerDay: 140 },
  { key: 'sz-electrician-nocert-30', at: 'baoan', age: 30, gender: 'male', skills: [['electrician', 2]], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 25, minWagePerDay: 220 },
  { key: 'dg-sewer-45', at: 'dongguan', age: 45, gender: 'female', skills: [['sewing-machine', 4]], kinds: ['fulltime'], willing: false, commuteKm: 20, minWagePerDay: 220 },
  { key: 'dg-forklift-33', at: 'dongguan', age: 33, gender: 'male', skills: [['forklift', 3]], certs: [['forklift-license', '2028-12-31']], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 30, minWagePerDay: 220 },
  { key: 'dg-truck-40', at: 'dongguan', age: 40, gender: 'male', skills: [['truck-driving', 3]], certs: [['driver-license-b2'], ['freight-qualification', '2030-01-01']], kinds: ['fulltime'], willing: false, commuteKm: 40, minWagePerDay: 300 },
  { key: 'fs-cook-50', at: 'nanhai', age: 50, gender: 'male', skills: [['chinese-cooking', 4]], certs: [['health-cert', '2027-10-01'], ['chef-cert']], kinds: ['fulltime'], willing: false, commuteKm: 25, minWagePerDay: 250 },
  { key: 'ks-cnc-28', at: 'kunshan', age: 28, gender: 'male', skills: [['cnc-operation', 3]], kinds: ['fulltime'], willing: false, commuteKm: 20, minWagePerDay: 260 },
  { key: 'ks-older-66', at: 'kunshan', age: 66, gender: 'male', skills: [['construction-labour', 2]], kinds: ['gig', 'fulltime'], willing: false, commuteKm: 10, minWagePerDay: 140 },
  { key: 'yw-livestream-21', at: 'yiwu', age: 21, gender: 'female', skills: [['livestream-selling', 2], ['retail-sales', 2]], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 20, minWagePerDay: 180 },
  { key: 'xs-domestic-55', at: 'xiaoshan', age: 55, gender: 'female', skills: [['domestic-cleaning', 3]], certs: [['domestic-service-cert']], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 15, minWagePerDay: 170 },
  { key: 'hd-port-35', at: 'huangdao', age: 35, gender: 'male', skills: [['loading-unloading', 2]], kinds: ['fulltime', 'gig'], willing: false, commuteKm: 25, minWagePerDay: 200 },
  { key: 'jj-shoe-42', at: 'jinjiang', age: 42, gender: 'female', skills: [['shoemaking', 3]], kinds: ['fulltime'], willing: false, commuteKm: 15, minWagePerDay: 180 },
  // west, willing to go out to work (外出务工)
  { key: 'wn-migrant-26', at: 'weining', age: 26, gender: 'male', skills: [['electronics-assembly', 1]], groups: ['poverty_alleviated'], kinds: ['fulltime', 'seasonal'], willing: true, targets: ['440000'], commuteKm: 20, minWagePerDay: 150 },
  { key: 'wn-welder-35', at: 'weining', age: 35, gender: 'male', skills: [['welding', 3]], certs: [['welder-cert', '2028-03-31']], groups: ['poverty_alleviated'], kinds: ['fulltime'], willing: true, commuteKm: 20, minWagePerDay: 250 },
  { key: 'qx-sewer-31', at: 'qixingguan', age: 31, gender: 'female', skills: [['sewing-machine', 2]], groups: ['monitoring_target'], kinds: ['fulltime'], willing: true, targets: ['441900'], commuteKm: 15, minWagePerDay: 180 },
  { key: 'zj-mason-29', at: 'zhaojue', age: 29, gender: 'male', skills: [['masonry', 2]], groups: ['poverty_alleviated'], kinds: ['fulltime', 'seasonal'], willing: true, targets: ['330000'], commuteKm: 20, minWagePerDay: 200 },
  { key: 'zj-young-19', at: 'zhaojue', age: 19, gender: 'female', groups: ['poverty_alleviated'], kinds: ['fulltime'], willing: true, commuteKm: 20, minWagePerDay: 150 },
  { key: 'xc-rebar-40', at: 'xichang', age: 40, gender: 'male', skills: [['rebar-work', 3]], kinds: ['fulltime'], willing: true, targets: ['330000', '440000'], commuteKm: 25, minWagePerDay: 230 },
  { key: 'wy-food-30', at: 'weiyuan', age: 30, gender: 'female', skills: [['food-processing', 1]], groups: ['monitoring_target'], kinds: ['fulltime', 'seasonal'], willing: true, targets: ['370000'], commuteKm: 20, minWagePerDay: 150 },
  { key: 'wy-welder-expired-44', at: 'weiyuan', age: 44, gender: 'male', skills: [['welding', 2]], certs: [['welder-cert', '2024-01-31']], groups: ['poverty_alleviated'], kinds: ['fulltime'], willing: true, commuteKm: 20, minWagePerDay: 220 },
  { key: 'da-young-22', at: 'duan', age: 22, gender: 'male', groups: ['poverty_alleviated'], kinds: ['fulltime'], willing: true, targets: ['440000'], commuteKm: 20, minWagePerDay: 170 },
  { key: 'xj-shoe-27', at: 'xiji', age: 27, gender: 'female', skills: [['shoemaking', 1]], groups: ['poverty_alleviated'], kinds: ['fulltime', 'seasonal'], willing: true, targets: ['350000'], commuteKm: 20, minWagePerDay: 160 },
  { key: 'yy-porter-38', at: 'yunyang', age: 38, gender: 'male', skills: [['loading-unloading', 2]], kinds: ['fulltime'], willing: true, targets: ['370000'], commuteKm: 20, minWagePerDay: 200 },
  { key: 'cd-cook-36', at: 'wuhou', age: 36, gender: 'male', skills: [['chinese-cooking', 3]], certs: [['health-cert', '2027-05-01']], kinds: ['fulltime'], willing: true, targets: ['440000', '330000'], commuteKm: 20, minWagePerDay: 220 },
  { key: 'zx-older-migrant-58', at: 'zhenxiong', age: 58, gender: 'male', skills: [['construction-labour', 3]], groups: ['poverty_alleviated'], kinds: ['fulltime', 'seasonal', 'gig'], willing: true, commuteKm: 20, minWagePerDay: 150 },
  { key: 'wn-older-migrant-61', at: 'weining', age: 61, gender: 'male', skills: [['construction-labour', 3]], groups: ['poverty_alleviated'], kinds: ['fulltime', 'gig'], willing: true, targets: ['440000'], commuteKm: 20, minWagePerDay: 150 },
  { key: 'cd-electrician-39', at: 'wuhou', age: 39, gender: 'male', skills: [['electrician', 3]], certs: [['construction-electrician-cert', '2029-01-01'], ['electrician-cert', '2029-01-01']], kinds: ['fulltime'], willing: true, targets: ['330000'], commuteKm: 25, minWagePerDay: 280 },
  // west, staying home (无法离乡 / 就近就地)
  { key: 'wn-mother-34', at: 'weining', age: 34, gender: 'female', skills: [['sewing-machine', 1]], groups: ['poverty_alleviated'], kinds: ['workshop', 'public_welfare', 'work_relief', 'seasonal', 'gig'], willing: false, commuteKm: 15, minWagePerDay: 80 },
  { key: 'wn-older-63', at: 'weining', age: 63, gender: 'male', skills: [['crop-farming', 3]], groups: ['monitoring_target'], kinds: ALL, willing: false, commuteKm: 10, minWagePerDay: 60 },
  { key: 'wn-builder-45', at: 'weining', age: 45, gender: 'male', skills: [['construction-labour', 3], ['rural-building', 2]], kinds: ['gig', 'work_relief', 'public_welfare', 'fulltime'], willing: false, commuteKm: 20, minWagePerDay: 130 },
  { key: 'qx-relocated-40', at: 'qixingguan', age: 40, gender: 'female', groups: ['relocated', 'poverty_alleviated'], kinds: ['workshop', 'fulltime', 'gig', 'public_welfare'], willing: false, commuteKm: 10, minWagePerDay: 90 },
  { key: 'zj-embroiderer-60', at: 'zhaojue', age: 60, gender: 'female', skills: [['sewing-machine', 2]], groups: ['poverty_alleviated'], kinds: ['workshop', 'public_welfare', 'seasonal', 'work_relief'], willing: false, commuteKm: 15, minWagePerDay: 60 },
  { key: 'zj-labourer-48', at: 'zhaojue', age: 48, gender: 'male', skills: [['construction-labour', 2]], groups: ['monitoring_target'], kinds: ['work_relief', 'gig', 'public_welfare', 'fulltime', 'seasonal'], willing: false, commuteKm: 70, minWagePerDay: 120 },
  { key: 'xc-housekeeper-35', at: 'xichang', age: 35, gender: 'female', skills: [['hotel-housekeeping', 2]], kinds: ['fulltime', 'gig', 'public_welfare'], willing: false, commuteKm: 20, minWagePerDay: 110 },
  { key: 'wy-herbalist-67', at: 'weiyuan', age: 67, gender: 'male', skills: [['herb-growing', 3]], groups: ['poverty_alleviated'], kinds: ['seasonal', 'public_welfare', 'workshop', 'work_relief'], willing: false, commuteKm: 10, minWagePerDay: 50 },
  { key: 'ad-food-41', at: 'anding', age: 41, gender: 'female', skills: [['food-processing', 2]], certs: [['health-cert', '2027-03-01']], groups: ['monitoring_target'], kinds: ['fulltime', 'workshop', 'gig'], willing: false, commuteKm: 70, minWagePerDay: 100 },
  { key: 'da-cane-50', at: 'duan', age: 50, gender: 'male', skills: [['sugarcane-harvesting', 3]], groups: ['poverty_alleviated'], kinds: ['seasonal', 'work_relief', 'workshop', 'public_welfare'], willing: false, commuteKm: 20, minWagePerDay: 100 },
  { key: 'zx-homebound-45', at: 'zhenxiong', age: 45, gender: 'male', groups: ['poverty_alleviated'], kinds: ['public_welfare', 'work_relief', 'workshop', 'seasonal'], willing: false, commuteKm: 10, minWagePerDay: 40 },
  { key: 'xj-herder-52', at: 'xiji', age: 52, gender: 'male', skills: [['cattle-sheep-raising', 3]], groups: ['monitoring_target'], kinds: ['fulltime', 'public_welfare', 'seasonal'], willing: false, commuteKm: 20, minWagePerDay: 100 },
  { key: 'yy-orchard-56', at: 'yunyang', age: 56, gender: 'female', skills: [['orchard-management', 2], ['fruit-picking', 3]], kinds: ['seasonal', 'workshop', 'gig'], willing: false, commuteKm: 15, minWagePerDay: 90 },
  { key: 'cd-carer-47', at: 'wuhou', age: 47, gender: 'female', skills: [['elderly-care', 3]], certs: [['elderly-care-cert']], kinds: ['fulltime'], willing: false, commuteKm: 20, minWagePerDay: 160 },
  { key: 'cd-rider-24', at: 'wuhou', age: 24, gender: 'male', skills: [['food-delivery', 2]], certs: [['driver-license-c1']], kinds: ['gig', 'fulltime'], willing: false, commuteKm: 25, minWagePerDay: 150 },
  { key: 'qx-rider-20', at: 'qixingguan', age: 20, gender: 'male', skills: [['food-delivery', 1]], kinds: ['gig', 'fulltime'], willing: false, commuteKm: 15, minWagePerDay: 120 },
];

const JOBS: JobRow[] = [
  // 深圳宝安
  { key: 'sz-electronics', title: '电子厂装配普工（包吃住）', at: 'baoan', kind: 'fulltime', skills: [['electronics-assembly', 1]], wage: [200, 260], ages: [18, 40], cross: ['520000', '450000'], housing: true },
  { key: 'sz-smt', title: 'SMT贴片操作员', at: 'baoan', kind: 'fulltime', skills: [['smt-operation', 2]], wage: [230, 300], ages: [18, 35] },
  { key: 'sz-steel-welder', title: '钢结构焊工（持证）', at: 'baoan', kind: 'fulltime', skills: [['welding', 3]], wage: [350, 450], certs: ['welder-cert'], cross: ['520000'] },
  { key: 'sz-security', title: '工业园保安', at: 'baoan', kind: 'fulltime', skills: [['security-guard', 1]], wage: [160, 190], ages: [18, 55] },
  { key: 'sz-office-cleaning-gig', title: '写字楼保洁（日结）', at: 'baoan', kind: 'gig', skills: [['commercial-cleaning', 1]], wage: [150, 170], older: true, startInDays: 1, instant: true },
  { key: 'sz-loading-gig', title: '物流园装卸（日结）', at: 'baoan', kind: 'gig', skills: [['loading-unloading', 1]], wage: [220, 260], ages: [18, 50], startInDays: 1, instant: true },
  { key: 'sz-expo-gig', title: '展会搭建临时工', at: 'baoan', kind: 'gig', skills: [['event-setup', 1]], wage: [250, 300], startInDays: 3 },
  { key: 'sz-electrician', title: '厂区维修电工（持证）', at: 'baoan', kind: 'fulltime', skills: [['electrician', 3]], wage: [300, 380], certs: ['electrician-cert'] },
  { key: 'sz-parcel', title: '快递分拣员', at: 'baoan', kind: 'fulltime', skills: [['parcel-sorting', 1]], wage: [190, 230] },
  { key: 'sz-elderly-care', title: '养老院护理员', at: 'baoan', kind: 'fulltime', skills: [['elderly-care', 2]], wage: [200, 250], older: true, cross: ['520000'] },
  { key: 'sz-welding-gig', title: '钢构维修焊工（日结）', at: 'baoan', kind: 'gig', skills: [['welding', 3]], wage: [380, 450], certs: ['welder-cert'], startInDays: 2 },
  // 东莞
  { key: 'dg-injection', title: '注塑车间普工', at: 'dongguan', kind: 'fulltime', skills: [['injection-moulding', 1]], wage: [180, 230], ages: [18, 45], cross: ['520000', '450000'], housing: true },
  { key: 'dg-furniture', title: '家具厂开料封边工', at: 'dongguan', kind: 'fulltime', skills: [['furniture-making', 2]], wage: [220, 280], cross: ['520000'] },
  { key: 'dg-sewing', title: '服装厂车位', at: 'dongguan', kind: 'fulltime', skills: [['sewing-machine', 3]], wage: [250, 350], ages: [18, 50] },
  { key: 'dg-packing-older', title: '包装工（欢迎大龄）', at: 'dongguan', kind: 'fulltime', skills: [['packing', 1]], wage: [150, 180], older: true },
  { key: 'dg-forklift', title: '仓库叉车司机', at: 'dongguan', kind: 'fulltime', skills: [['forklift', 2]], wage: [230, 280], certs: ['forklift-license'] },
  { key: 'dg-picking-gig', title: '电商仓理货（日结）', at: 'dongguan', kind: 'gig', skills: [['order-picking', 1]], wage: [170, 200], startInDays: 1 },
  { key: 'dg-truck', title: '物流货车司机', at: 'dongguan', kind: 'fulltime', skills: [['truck-driving', 3]], wage: [300, 400], certs: ['driver-license-b2', 'freight-qualification'] },
  // 佛山南海
  { key: 'fs-polishing', title: '陶瓷打磨抛光工', at: 'nanhai', kind: 'fulltime', skills: [['grinding-polishing', 2]], wage: [230, 300], cross: ['450000'] },
  { key: 'fs-canteen-helper', title: '工厂食堂帮厨', at: 'nanhai', kind: 'fulltime', skills: [['kitchen-assistant', 1]], wage: [150, 180], older: true, certs: ['health-cert'] },
  { key: 'fs-cook', title: '酒楼中式厨师', at: 'nanhai', kind: 'fulltime', skills: [['chinese-cooking', 3]], wage: [260, 330], certs: ['health-cert'] },
  // 苏州昆山
  { key: 'ks-electronics', title: '电子厂普工（昆山）', at: 'kunshan', kind: 'fulltime', skills: [['electronics-assembly', 1]], wage: [190, 240], ages: [18, 40], cross: ['610000', '630000', '530000'], housing: true },
  { key: 'ks-cnc', title: '数控车床操作工', at: 'kunshan', kind: 'fulltime', skills: [['cnc-operation', 3]], wage: [280, 360] },
  { key: 'ks-qc', title: '来料质检员', at: 'kunshan', kind: 'fulltime', skills: [['quality-inspection', 2]], wage: [200, 250] },
  { key: 'ks-site-gig', title: '工地小工（日结）', at: 'kunshan', kind: 'gig', skills: [['construction-labour', 1]], wage: [220, 260], startInDays: 2 },
  { key: 'ks-greening-gig', title: '小区绿化养护（日结，欢迎大龄）', at: 'kunshan', kind: 'gig', skills: [['grounds-maintenance', 1]], wage: [140, 170], older: true, startInDays: 1 },
  // 金华义乌
  { key: 'yw-packing-gig', title: '小商品包装（日结）', at: 'yiwu', kind: 'gig', skills: [['packing', 1]], wage: [140, 170], older: true, startInDays: 1 },
  { key: 'yw-livestream', title: '直播带货助理', at: 'yiwu', kind: 'fulltime', skills: [['livestream-selling', 2]], wage: [200, 300], ages: [18, 35] },
  { key: 'yw-warehouse', title: '电商仓库拣货员（包住）', at: 'yiwu', kind: 'fulltime', skills: [['order-picking', 1]], wage: [200, 240], cross: ['510000'], housing: true },
  // 杭州萧山
  { key: 'xs-weaving', title: '纺织厂挡车工', at: 'xiaoshan', kind: 'fulltime', skills: [['weaving', 2]], wage: [200, 260], ages: [18, 45], cross: ['510000'] },
  { key: 'xs-site-welder', title: '建筑工地电焊工（持证）', at: 'xiaoshan', kind: 'fulltime', skills: [['welding', 2]], wage: [330, 400], certs: ['welder-cert'], cross: ['510000'] },
  { key: 'xs-masonry', title: '砌筑工（浙川劳务协作专场）', at: 'xiaoshan', kind: 'fulltime', skills: [['masonry', 2]], wage: [300, 380], cross: ['513400'], housing: true },
  { key: 'xs-rebar', title: '钢筋工', at: 'xiaoshan', kind: 'fulltime', skills: [['rebar-work', 2]], wage: [300, 360], cross: ['510000'] },
  { key: 'xs-domestic', title: '家政保洁员', at: 'xiaoshan', kind: 'fulltime', skills: [['domestic-cleaning', 1]], wage: [180, 230], ages: [18, 58] },
  { key: 'xs-site-electrician', title: '建筑电工（持证）', at: 'xiaoshan', kind: 'fulltime', skills: [['electrician', 3]], wage: [320, 400], certs: ['construction-electrician-cert'], cross: ['510000'] },
  // 泉州晋江
  { key: 'jj-shoe', title: '鞋厂成型工（包住）', at: 'jinjiang', kind: 'fulltime', skills: [['shoemaking', 1]], wage: [190, 240], cross: ['640000'], housing: true },
  { key: 'jj-garment-finishing', title: '服装后道整理（欢迎大龄）', at: 'jinjiang', kind: 'fulltime', skills: [['garment-finishing', 1]], wage: [170, 210], cross: ['640000'], older: true },
  // 青岛黄岛
  { key: 'hd-shipyard-welder', title: '船厂电焊工（持证）', at: 'huangdao', kind: 'fulltime', skills: [['welding', 3]], wage: [380, 480], certs: ['welder-cert'], cross: ['620000', '500000'] },
  { key: 'hd-seafood', title: '水产品加工工（包吃住）', at: 'huangdao', kind: 'fulltime', skills: [['aquatic-processing', 1]], wage: [170, 210], cross: ['620000'], older: true, housing: true },
  { key: 'hd-port', title: '港口装卸工', at: 'huangdao', kind: 'fulltime', skills: [['loading-unloading', 1]], wage: [230, 280], ages: [18, 50], cross: ['500000'] },
  // 新疆阿克苏
  { key: 'ak-cotton', title: '新疆采棉（季节工，统一组织往返）', at: 'aksu', kind: 'seasonal', skills: [['cotton-picking', 1]], wage: [200, 300], cross: ['620000', '640000', '510000'], startInDays: 20, housing: true },
  // 毕节威宁
  { key: 'wn-workshop', title: '就业帮扶车间·箱包缝制', at: 'weining', kind: 'workshop', skills: [['sewing-machine', 1]], wage: [90, 120], older: true },
  { key: 'wn-road-relief', title: '以工代赈·通组道路硬化', at: 'weining', kind: 'work_relief', skills: [['construction-labour', 1]], wage: [130, 160], older: true },
  { key: 'wn-sanitation-pw', title: '乡村公益性岗位·村庄保洁', at: 'weining', kind: 'public_welfare', skills: [['street-sanitation', 1]], wage: [50, 60] },
  { key: 'wn-potato', title: '马铃薯收获（季节）', at: 'weining', kind: 'seasonal', skills: [['crop-farming', 1]], wage: [100, 130], older: true, startInDays: 5 },
  { key: 'wn-house-gig', title: '农房建设小工（日结）', at: 'weining', kind: 'gig', skills: [['construction-labour', 1]], wage: [150, 180], startInDays: 1 },
  { key: 'wn-cattle', title: '养牛场饲养员', at: 'weining', kind: 'fulltime', skills: [['cattle-sheep-raising', 1]], wage: [100, 130] },
  // 毕节七星关
  { key: 'qx-relocation-workshop', title: '易地搬迁安置区·服装加工车间', at: 'qixingguan', kind: 'workshop', skills: [['sewing-machine', 1]], wage: [100, 140], quota: 50 },
  { key: 'qx-security', title: '商场保安', at: 'qixingguan', kind: 'fulltime', skills: [['security-guard', 1]], wage: [110, 140], ages: [18, 55] },
  { key: 'qx-delivery-gig', title: '外卖骑手（毕节城区）', at: 'qixingguan', kind: 'gig', skills: [['food-delivery', 1]], wage: [150, 220] },
  { key: 'qx-water-relief', title: '以工代赈·小型水利', at: 'qixingguan', kind: 'work_relief', skills: [['construction-labour', 1]], wage: [130, 150] },
  { key: 'qx-supermarket', title: '超市理货员', at: 'qixingguan', kind: 'fulltime', skills: [['order-picking', 1]], wage: [100, 130] },
  // 凉山昭觉
  { key: 'zj-embroidery-workshop', title: '帮扶车间·彝绣', at: 'zhaojue', kind: 'workshop', skills: [['sewing-machine', 1]], wage: [80, 110], older: true, quota: 40 },
  { key: 'zj-forest-pw', title: '生态护林员（公益性岗位）', at: 'zhaojue', kind: 'public_welfare', skills: [['forest-tending', 1]], wage: [50, 60] },
  { key: 'zj-road-relief', title: '以工代赈·产业路', at: 'zhaojue', kind: 'work_relief', skills: [['construction-labour', 1]], wage: [130, 160] },
  // 凉山西昌
  { key: 'xc-hotel', title: '酒店客房服务员', at: 'xichang', kind: 'fulltime', skills: [['hotel-housekeeping', 1]], wage: [120, 150] },
  { key: 'xc-rebar', title: '建筑工地钢筋工', at: 'xichang', kind: 'fulltime', skills: [['rebar-work', 2]], wage: [220, 260] },
  { key: 'xc-pomegranate', title: '石榴采摘（季节）', at: 'xichang', kind: 'seasonal', skills: [['fruit-picking', 1]], wage: [120, 150], older: true, startInDays: 7 },
  { key: 'xc-cleaning-gig', title: '商场保洁（日结）', at: 'xichang', kind: 'gig', skills: [['commercial-cleaning', 1]], wage: [110, 130], older: true, startInDays: 1 },
  // 定西渭源
  { key: 'wy-herb', title: '中药材采挖（季节）', at: 'weiyuan', kind: 'seasonal', skills: [['herb-growing', 1]], wage: [110, 140], older: true, startInDays: 10 },
  { key: 'wy-road-pw', title: '乡村公益性岗位·护路员', at: 'weiyuan', kind: 'public_welfare', skills: [['grounds-maintenance', 1]], wage: [40, 55] },
  { key: 'wy-starch-workshop', title: '帮扶车间·马铃薯淀粉加工', at: 'weiyuan', kind: 'workshop', skills: [['food-processing', 1]], wage: [100, 130], older: true },
  { key: 'wy-canal-relief', title: '以工代赈·农田水渠', at: 'weiyuan', kind: 'work_relief', skills: [['construction-labour', 1]], wage: [120, 150] },
  // 定西安定
  { key: 'ad-potato-line', title: '薯业公司生产线工人', at: 'anding', kind: 'fulltime', skills: [['food-processing', 1]], wage: [120, 160], certs: ['health-cert'] },
  { key: 'ad-moving-gig', title: '搬运装卸（日结）', at: 'anding', kind: 'gig', skills: [['loading-unloading', 1]], wage: [140, 170], startInDays: 1 },
  // 河池都安
  { key: 'da-sugarcane', title: '甘蔗砍收（季节）', at: 'duan', kind: 'seasonal', skills: [['sugarcane-harvesting', 1]], wage: [150, 200], startInDays: 10 },
  { key: 'da-electronics-workshop', title: '帮扶车间·电子插件', at: 'duan', kind: 'workshop', skills: [['electronics-assembly', 1]], wage: [90, 120], older: true },
  { key: 'da-cistern-relief', title: '以工代赈·水柜修建', at: 'duan', kind: 'work_relief', skills: [['masonry', 1]], wage: [140, 170] },
  // 昭通镇雄
  { key: 'zx-road-relief', title: '以工代赈·农村公路', at: 'zhenxiong', kind: 'work_relief', skills: [['construction-labour', 1]], wage: [130, 160] },
  { key: 'zx-village-pw', title: '乡村公益性岗位·村级保洁', at: 'zhenxiong', kind: 'public_welfare', skills: [['street-sanitation', 1]], wage: [45, 55] },
  // 固原西吉
  { key: 'xj-cattle', title: '肉牛养殖场饲养员', at: 'xiji', kind: 'fulltime', skills: [['cattle-sheep-raising', 1]], wage: [120, 150] },
  { key: 'xj-info-pw', title: '乡村公益性岗位·村级信息员', at: 'xiji', kind: 'public_welfare', skills: [], wage: [50, 60] },
  // 重庆云阳
  { key: 'yy-citrus', title: '柑橘采摘（季节）', at: 'yunyang', kind: 'seasonal', skills: [['fruit-picking', 1]], wage: [110, 140], older: true, startInDays: 5 },
  { key: 'yy-shoe-workshop', title: '帮扶车间·鞋面加工', at: 'yunyang', kind: 'workshop', skills: [['shoemaking', 1]], wage: [100, 130] },
  // 成都武侯
  { key: 'cd-elderly-care', title: '养老院护理员（成都）', at: 'wuhou', kind: 'fulltime', skills: [['elderly-care', 2]], wage: [150, 190], ages: [18, 55] },
  { key: 'cd-delivery-gig', title: '外卖骑手（成都）', at: 'wuhou', kind: 'gig', skills: [['food-delivery', 1]], wage: [160, 250] },
  { key: 'cd-site-electrician', title: '建筑工地电工（持证）', at: 'wuhou', kind: 'fulltime', skills: [['electrician', 3]], wage: [280, 350], certs: ['construction-electrician-cert'] },
  { key: 'cd-hotpot-cook', title: '火锅店厨师', at: 'wuhou', kind: 'fulltime', skills: [['chinese-cooking', 3]], wage: [200, 260], certs: ['health-cert'] },
];

/** Ids of their own (8c: workers, 8d: jobs) so that they never collide with the rule-graded set's. */
const handId = (n: number, series: 'c' | 'd') => `00000000-0000-4000-8${series}00-${String(n).padStart(12, '0')}`;

function place(name: Place): { regionCode: string; lat: number; lon: number } {
  const [regionCode, lat, lon] = PLACES[name];
  if (!findRegion(regionCode)) throw new Error(`hand-graded set: unknown region ${regionCode}`);
  return { regionCode, lat, lon };
}

function checkedCode(code: string): string {
  if (!isKnownSkill(code) && !isKnownCertificate(code)) throw new Error(`hand-graded set: unknown skill or certificate ${code}`);
  return code;
}

function toWorker(row: WorkerRow, index: number): HandWorker {
  const at = place(row.at);
  return {
    key: row.key,
    data: {
      workerId: handId(index + 1, 'c'),
      version: 1,
      stationId: `station-${at.regionCode}-01`,
      ageYears: row.age,
      gender: row.gender,
      homeRegionCode: at.regionCode,
      residenceRegionCode: at.regionCode,
      location: { lat: at.lat, lon: at.lon },
      skills: (row.skills ?? []).map(([code, level]) => ({ code: checkedCode(code), level })),
      certificates: (row.certs ?? []).map(([code, validUntil]) => ({ code: checkedCode(code), level: 1, ...(validUntil ? { validUntil } : {}) })),
      priorityGroups: row.groups ?? [],
      preferences: {
        kinds: row.kinds,
        willingToMigrate: row.willing,
        targetRegionCodes: row.targets ?? [],
        maxCommuteKm: row.commuteKm,
        minWage: { amount: row.minWagePerDay, unit: 'day' },
      },
      employmentStatus: 'seeking',
      available: true,
      updatedAt: new Date(0).toISOString(),
    },
  };
}

function toJob(row: JobRow, index: number): HandJob {
  return {
    key: row.key,
    data: (now: number) => ({
      jobId: handId(index + 1, 'd'),
      version: 1,
      change: 'created',
      status: 'open',
      agencyId: `agency-hand-${row.at}`,
      title: row.title,
      kind: row.kind,
      skills: row.skills.map(([code, minLevel]) => ({ code: checkedCode(code), minLevel })),
      headcount: 20,
      filled: 0,
      wage: { min: row.wage[0], max: row.wage[1], unit: 'day' },
      location: place(row.at),
      ...(row.cross ? { crossRegion: { sourceRegionCodes: row.cross } } : {}),
      ...(row.ages ? { ageRange: { min: row.ages[0], max: row.ages[1] } } : {}),
      olderWorkerFriendly: row.older ?? false,
      ...(row.startInDays !== undefined
        ? { startAt: new Date(now + row.startInDays * DAY).toISOString(), endAt: new Date(now + (row.startInDays + (row.kind === 'gig' ? 3 : 60)) * DAY).toISOString() }
        : {}),
      instant: row.instant ?? false,
      ...(row.housing ? { benefits: { housing: true, meals: true } } : {}),
      ...(row.quota ? { relocationQuotaPct: row.quota } : {}),
      ...(row.certs ? { requiredCertificates: row.certs.map(checkedCode) } : {}),
      materialVersion: 1,
      postedAt: new Date(now - 2 * DAY).toISOString(),
      updatedAt: new Date(now - 2 * DAY).toISOString(),
    }),
  };
}

export const HAND_WORKERS: HandWorker[] = WORKERS.map(toWorker);
export const HAND_JOBS: HandJob[] = JOBS.map(toJob);
