import { cityCodeOf, distanceKm, findRegion, provinceCodeOf } from '@laowu/domain';
import { gauss, round } from '../ranking/factors/factor';
import { type PostSkill } from './sharing-post.entity';

/**
 * How well a 共享用工 (二) offer (idle staff one employer lends) fits a request (staff another
 * employer is short of). The score is the sum of `weight × value` (value in [0, 1]) over:
 * - `skills` (3): the share of the request's skills the offer's staff have at the level asked
 *   (a request asking for none: 0.5, as for jobs);
 * - `period` (2): the share of the request's days the offer's period covers;
 * - `distance` (2): closer is better, between the two regions' centres: a gauss decay with
 *   0.5 at 100 km, and at least 1 in the same county, 0.8 in the same prefecture, 0.5 in the
 *   same province (staff moving inside a province keep their insurance and commute home);
 * - `headcount` (1): the share of the request's open headcount the offer's open staff could fill.
 * Skills weigh most: a lent worker without the skill cannot do the work. Offers whose period
 * does not overlap the request's are not ranked at all (hard filter, in the query).
 */
export const OFFER_WEIGHTS = { skills: 3, period: 2, distance: 2, headcount: 1 } as const;
export type OfferFactor = keyof typeof OFFER_WEIGHTS;

/** The distance at which the distance value is 0.5 outside a shared county, prefecture or province. */
export const OFFER_DISTANCE_SCALE_KM = 100;
const SAME_COUNTY = 1;
const SAME_PREFECTURE = 0.8;
const SAME_PROVINCE = 0.5;

export interface OfferReason {
  factor: OfferFactor;
  contribution: number;
  detail: string;
}

/** What the score reads of a post (an offer or a request). */
export interface ScoredPost {
  skills: PostSkill[];
  from: string;
  to: string;
  regionCode: string;
  openHeadcount: number;
}

interface Valued {
  value: number;
  detail: string;
}

const levelOf = (skill: PostSkill) => skill.level ?? 1;

/** The share of the request's skills the offer covers at the level asked. */
export function skillsValue(request: Pick<ScoredPost, 'skills'>, offer: Pick<ScoredPost, 'skills'>): Valued {
  const asked = request.skills;
  if (!asked.length) return { value: 0.5, detail: '无技能要求' };
  const covered = asked.filter((want) => offer.skills.some((have) => have.code === want.code && levelOf(have) >= levelOf(want)));
  return { value: covered.length / asked.length, detail: `技能符合 ${covered.length}/${asked.length}` };
}

/** Days from `from` to `to`, both included (calendar dates, 'YYYY-MM-DD'); 0 when `to` is before `from`. */
export function daysIncluded(from: string, to: string): number {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return Math.max(0, Math.round(days));
}

/** The share of the request's days the offer's period covers. */
export function periodValue(request: Pick<ScoredPost, 'from' | 'to'>, offer: Pick<ScoredPost, 'from' | 'to'>): Valued {
  const wanted = daysIncluded(request.from, request.to);
  const covered = daysIncluded(request.from > offer.from ? request.from : offer.from, request.to < offer.to ? request.to : offer.to);
  return { value: wanted ? covered / wanted : 0, detail: `覆盖所需时段 ${covered}/${wanted} 天` };
}

/** Closer is better: the centres' distance, lifted for a shared county, prefecture or province. */
export function distanceValue(request: Pick<ScoredPost, 'regionCode'>, offer: Pick<ScoredPost, 'regionCode'>): Valued {
  const a = findRegion(request.regionCode);
  const b = findRegion(offer.regionCode);
  if (!a || !b) return { value: 0, detail: '地区未知' };
  const km = distanceKm(a, b);
  const decayed = gauss(km, OFFER_DISTANCE_SCALE_KM);
  const shown = `距离约 ${km.toFixed(km < 10 ? 1 : 0)} km`;
  if (request.regionCode === offer.regionCode) return { value: Math.max(SAME_COUNTY, decayed), detail: `同一地区（${a.name}）` };
  const city = cityCodeOf(request.regionCode);
  if (city && city === cityCodeOf(offer.regionCode)) return { value: Math.max(SAME_PREFECTURE, decayed), detail: `同市，${shown}` };
  const province = provinceCodeOf(request.regionCode);
  if (province && province === provinceCodeOf(offer.regionCode)) return { value: Math.max(SAME_PROVINCE, decayed), detail: `同省，${shown}` };
  return { value: decayed, detail: `跨省，${shown}` };
}

/** The share of the request's open headcount the offer could fill (all of it when the request has none open). */
export function headcountValue(request: Pick<ScoredPost, 'openHeadcount'>, offer: Pick<ScoredPost, 'openHeadcount'>): Valued {
  const value = request.openHeadcount > 0 ? Math.min(1, offer.openHeadcount / request.openHeadcount) : 1;
  return { value, detail: `可出借 ${offer.openHeadcount} 人，需 ${request.openHeadcount} 人` };
}

/** The offer's score for the request with one reason per factor; the contributions add up to the score. */
export function scoreOffer(request: ScoredPost, offer: ScoredPost): { score: number; reasons: OfferReason[] } {
  const values: Record<OfferFactor, Valued> = {
    skills: skillsValue(request, offer),
    period: periodValue(request, offer),
    distance: distanceValue(request, offer),
    headcount: headcountValue(request, offer),
  };
  const reasons = (Object.keys(OFFER_WEIGHTS) as OfferFactor[]).map((factor) => ({
    factor,
    contribution: round(OFFER_WEIGHTS[factor] * values[factor].value),
    detail: values[factor].detail,
  }));
  return { score: round(reasons.reduce((sum, r) => sum + r.contribution, 0)), reasons };
}
