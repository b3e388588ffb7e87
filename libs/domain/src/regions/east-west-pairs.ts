/**
 * East-west cooperation pairs (东西部协作结对关系), province level: an eastern helper province and
 * its western partner. Matching boosts a cross-region job for a worker when the job's province and
 * the worker's home province form a pair (ARCHITECTURE.md, "cross-region").
 *
 * Sources and confidence
 * - The current arrangement dates from the 2021 adjustment that followed 中共中央办公厅、国务院
 *   办公厅《关于坚持和完善东西部协作机制的意见》(March 2021): eight eastern provinces, one-to-one
 *   or one-to-two, help ten western ones (新疆 and 西藏 are covered by 对口支援, not by this list).
 *   I have not seen the primary notice that lists the 2021 pairs; the pairs below are from memory of
 *   its public reporting and were cross-checked against later public reports:
 *     浙江—四川 "一对一" after the adjustment: https://www.sc.gov.cn/10462/10464/10797/2023/6/16/27ecceaf8d394012b47f49c74a48e17b.shtml
 *     山东—甘肃 (鲁甘协作, 济南/青岛 → 陇南/定西/临夏): https://www.163.com/dy/article/KC1B0J1M051482MP.html
 *     天津—甘肃 in the 十四五 period: https://wanbiaoku.com/new/0b6c6c7ee4ce41558e1b7006a3af7c67
 *     江苏—青海 (苏青协作): http://big5.news.cn/gate/big5/qh.news.cn/20240311/8b2061a2dc3647a7b5545abcca8cfe3d/c.html
 *     广东(广州)—贵州: https://staging.reportify.cn/news/1163096792468951040
 *   北京—内蒙古, 上海—云南, 江苏—陕西, 福建—宁夏, 山东—重庆, 广东—广西 are long-standing pairs
 *   that also appear in the 2016 list below and in every report of the 2021 arrangement I know of.
 * - 北京—河北 and 天津—河北 come from the 2016 arrangement (《关于进一步加强东西部扶贫协作工作的
 *   指导意见》, 中办、国办, December 2016: 北京 → 张家口、保定; 天津 → 承德, "落实北京市、天津市与河北省
 *   扶贫协作任务"), reported at http://daily.cnnb.com.cn/nbrb/html/2016-12/08/content_1015203.htm.
 *   After 2021 this help is carried on under 京津冀协同发展 rather than the east-west list, so they
 *   are marked `since: 2016` and medium confidence; they are kept because local labour cooperation
 *   (京冀/津冀劳务协作) continues and the product brief lists 北京—河北.
 * - City-level sub-pairs (e.g. 江苏 → 青海西宁/海东, 山东青岛 → 甘肃陇南) are reduced to provinces:
 *   the boost works on provinces, so `scope` only documents them.
 */
import { provinceCodeOf } from './regions';

export interface EastWestPair {
  /** Eastern helper province code. */
  readonly east: string;
  /** Western partner province code. */
  readonly west: string;
}

export interface EastWestPairDetail extends EastWestPair {
  readonly eastName: string;
  readonly westName: string;
  /** Year of the arrangement the pair is taken from. */
  readonly since: 2016 | 2021;
  readonly confidence: 'high' | 'medium';
  /** Parts of the western province covered, when not the whole province. */
  readonly scope?: string;
}

const PAIR_DETAILS: EastWestPairDetail[] = [
  { east: '110000', eastName: '北京', west: '150000', westName: '内蒙古', since: 2021, confidence: 'high' },
  { east: '120000', eastName: '天津', west: '620000', westName: '甘肃', since: 2021, confidence: 'high' },
  { east: '310000', eastName: '上海', west: '530000', westName: '云南', since: 2021, confidence: 'high' },
  { east: '320000', eastName: '江苏', west: '610000', westName: '陕西', since: 2021, confidence: 'high' },
  { east: '320000', eastName: '江苏', west: '630000', westName: '青海', since: 2021, confidence: 'high', scope: '西宁、海东 (and other prefectures through city pairs)' },
  { east: '330000', eastName: '浙江', west: '510000', westName: '四川', since: 2021, confidence: 'high' },
  { east: '350000', eastName: '福建', west: '640000', westName: '宁夏', since: 2021, confidence: 'high' },
  { east: '370000', eastName: '山东', west: '500000', westName: '重庆', since: 2021, confidence: 'high' },
  { east: '370000', eastName: '山东', west: '620000', westName: '甘肃', since: 2021, confidence: 'high', scope: '陇南、定西、临夏 (济南、青岛)' },
  { east: '440000', eastName: '广东', west: '450000', westName: '广西', since: 2021, confidence: 'high' },
  { east: '440000', eastName: '广东', west: '520000', westName: '贵州', since: 2021, confidence: 'high' },
  { east: '110000', eastName: '北京', west: '130000', westName: '河北', since: 2016, confidence: 'medium', scope: '张家口、保定 (and 承德 under 京津冀 cooperation)' },
  { east: '120000', eastName: '天津', west: '130000', westName: '河北', since: 2016, confidence: 'medium', scope: '承德' },
];

export const EAST_WEST_PAIR_DETAILS: readonly EastWestPairDetail[] = Object.freeze(PAIR_DETAILS.map((pair) => Object.freeze(pair)));

export const EAST_WEST_PAIRS: readonly EastWestPair[] = Object.freeze(
  EAST_WEST_PAIR_DETAILS.map(({ east, west }) => Object.freeze({ east, west })),
);

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

const PAIR_KEYS: ReadonlySet<string> = new Set(EAST_WEST_PAIRS.map(({ east, west }) => pairKey(east, west)));

/**
 * True when the provinces of the two codes form an east-west pair, in either order. Accepts any
 * region codes (county, city or province); unknown or malformed codes give false.
 */
export function isEastWestPair(regionA: string, regionB: string): boolean {
  const a = provinceCodeOf(regionA);
  const b = provinceCodeOf(regionB);
  return a !== undefined && b !== undefined && a !== b && PAIR_KEYS.has(pairKey(a, b));
}

/** The partner provinces (either side) of the province of `regionCode`, ordered by code. */
export function eastWestPartnersOf(regionCode: string): string[] {
  const province = provinceCodeOf(regionCode);
  if (!province) return [];
  const partners = EAST_WEST_PAIRS.flatMap(({ east, west }) => (east === province ? [west] : west === province ? [east] : []));
  return [...new Set(partners)].sort();
}
