import { type Factor, FACTORS } from './factors/factors';

/** A weight for every factor of the match score (factors.ts), each ≥ 0, not all 0. */
export type RankingWeights = Readonly<Record<Factor, number>>;

/** Weights and the version that identifies them: what a result records it was ranked with. */
export interface AppliedWeights {
  readonly version: number;
  readonly weights: RankingWeights;
}

export const FACTOR_NAMES: readonly Factor[] = FACTORS.map((factor) => factor.name);

/** The largest weight accepted: the defaults' largest is 4 (distance); beyond this one factor would drown every other. */
export const MAX_WEIGHT = 100;

/** The code's own weights (the factors' defaultWeight): version 0, in effect until an admin changes them. */
export const DEFAULT_WEIGHTS: AppliedWeights = Object.freeze({
  version: 0,
  weights: Object.freeze(Object.fromEntries(FACTORS.map((factor) => [factor.name, factor.defaultWeight])) as Record<Factor, number>),
});

/** What is wrong with a weights value: the field (`weights.<factor>`, or `weights`) and why. */
export interface WeightProblem {
  field: string;
  message: string;
}

/**
 * The problems of a partial weights value (an admin's change): every key a known factor, every
 * value a finite number in [0, MAX_WEIGHT]. Empty: fine.
 */
export function partialWeightsProblems(candidate: unknown): WeightProblem[] {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return [{ field: 'weights', message: 'must be an object of factor name → number' }];
  return Object.entries(candidate).flatMap(([name, value]): WeightProblem[] => {
    const field = `weights.${name}`;
    if (!(FACTOR_NAMES as readonly string[]).includes(name)) return [{ field, message: `unknown factor; one of ${FACTOR_NAMES.join(', ')}` }];
    if (typeof value !== 'number' || !Number.isFinite(value)) return [{ field, message: 'must be a finite number' }];
    if (value < 0 || value > MAX_WEIGHT) return [{ field, message: `must be between 0 and ${MAX_WEIGHT}` }];
    return [];
  });
}

/** The problems of a full weights value: those of a partial one, every factor present, and not all 0 (nothing would rank). */
export function weightsProblems(candidate: unknown): WeightProblem[] {
  const partial = partialWeightsProblems(candidate);
  if (partial.length) return partial;
  const given = candidate as Record<string, number>;
  const missing = FACTOR_NAMES.filter((name) => !(name in given)).map((name) => ({ field: `weights.${name}`, message: 'missing' }));
  if (missing.length) return missing;
  return FACTOR_NAMES.every((name) => given[name] === 0) ? [{ field: 'weights', message: 'at least one weight must be above 0' }] : [];
}

/** Narrows a full weights value, or throws naming the first problem's field (for rows read back from the database). */
export function toRankingWeights(candidate: unknown): RankingWeights {
  const problems = weightsProblems(candidate);
  if (problems.length) throw new Error(`invalid ranking weights: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`);
  const given = candidate as Record<Factor, number>;
  return Object.freeze(Object.fromEntries(FACTOR_NAMES.map((name) => [name, given[name]])) as Record<Factor, number>);
}

/**
 * A stored set read back: a factor added after the set was stored (the outcome factors, issue 18)
 * reads as 0 — that version ranked without it, and a version names one ranking for good; an
 * admin's change turns it on (mergeWeights over this, a new version). Then narrowed like any set.
 */
export function storedRankingWeights(stored: unknown): RankingWeights {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return toRankingWeights(stored);
  const absent = FACTOR_NAMES.filter((name) => !(name in stored));
  return toRankingWeights({ ...Object.fromEntries(absent.map((name) => [name, 0])), ...stored });
}

/** A change merged over the weights it changes: factors it names take its value, the others keep theirs. */
export function mergeWeights(current: RankingWeights, change: Partial<Record<Factor, number>>): Record<Factor, number> {
  return { ...current, ...change };
}

/** The weights in effect: the global ones, and the provinces' overrides (each a full set of its own). */
export interface WeightsSnapshot {
  readonly global: AppliedWeights;
  readonly provinces: ReadonlyMap<string, AppliedWeights>;
}

export const DEFAULT_SNAPSHOT: WeightsSnapshot = { global: DEFAULT_WEIGHTS, provinces: new Map() };

/**
 * The weights a ranking in this province uses: the province's override when it has one, else
 * the global weights. An override is a full set: a later global change does not reach a
 * province that has one (until the override is deleted). No province (an unknown region): global.
 */
export function weightsForProvince(snapshot: WeightsSnapshot, provinceCode: string | undefined): AppliedWeights {
  return (provinceCode && snapshot.provinces.get(provinceCode)) || snapshot.global;
}
