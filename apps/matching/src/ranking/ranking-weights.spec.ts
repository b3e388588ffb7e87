import { DEFAULT_WEIGHTS, mergeWeights, partialWeightsProblems, storedRankingWeights, toRankingWeights, weightsForProvince, weightsProblems, type WeightsSnapshot } from './ranking-weights';

// Written out here, not read from the factors: today's constants are the code defaults (version 0).
const TODAYS_CONSTANTS = {
  skills: 3, distance: 4, crossRegion: 1, eastWest: 0.5, targetRegion: 2, age: 2, olderFriendly: 1, priority: 1,
  assistance: 0.5, publicWelfare: 2.5, relocation: 1, laborBrand: 1, wage: 1.5, freshness: 0.5, startSoon: 0.5,
  agencyOutcomes: 1, jobOutcomes: 0.5, acceptedHistory: 1,
};

describe('ranking weights (values)', () => {
  it('defaults to the code constants as version 0, every factor present', () => {
    expect(DEFAULT_WEIGHTS).toEqual({ version: 0, weights: TODAYS_CONSTANTS });
    expect(weightsProblems(TODAYS_CONSTANTS)).toEqual([]);
  });

  it('names the field of each bad weight: unknown factor, negative, too large, not a number', () => {
    expect(partialWeightsProblems({ skills: 2, speed: 1 }).map((p) => p.field)).toEqual(['weights.speed']);
    expect(partialWeightsProblems({ distance: -0.5 }).map((p) => p.field)).toEqual(['weights.distance']);
    expect(partialWeightsProblems({ distance: 101 }).map((p) => p.field)).toEqual(['weights.distance']);
    for (const bad of ['3', null, Number.NaN, Number.POSITIVE_INFINITY, [1], { value: 1 }]) {
      expect(partialWeightsProblems({ wage: bad })).toEqual([{ field: 'weights.wage', message: 'must be a finite number' }]);
    }
    for (const notAnObject of [null, 3, 'distance', [1, 2]]) expect(partialWeightsProblems(notAnObject).map((p) => p.field)).toEqual(['weights']);
    expect(partialWeightsProblems({ laborBrand: 0, age: 0.25 })).toEqual([]);
  });

  it('wants every factor in a full set, and not all of them 0', () => {
    const { freshness: _left, ...missingOne } = TODAYS_CONSTANTS;
    expect(weightsProblems(missingOne)).toEqual([{ field: 'weights.freshness', message: 'missing' }]);
    const allZero = Object.fromEntries(Object.keys(TODAYS_CONSTANTS).map((name) => [name, 0]));
    expect(weightsProblems(allZero)).toEqual([{ field: 'weights', message: 'at least one weight must be above 0' }]);
    expect(weightsProblems({ ...allZero, distance: 1 })).toEqual([]);
    expect(() => toRankingWeights({ ...TODAYS_CONSTANTS, skills: -1 })).toThrow(/weights\.skills/);
  });

  it('merges a partial change over the weights in effect: named factors change, the others stay', () => {
    expect(mergeWeights(DEFAULT_WEIGHTS.weights, { distance: 5, laborBrand: 0 })).toEqual({ ...TODAYS_CONSTANTS, distance: 5, laborBrand: 0 });
  });

  it('reads a stored set from before a factor existed with that factor at 0 (the ranking that version made), still refusing a bad one', () => {
    const { agencyOutcomes: _a, jobOutcomes: _j, acceptedHistory: _h, ...before } = TODAYS_CONSTANTS;
    expect(storedRankingWeights(before)).toEqual({ ...TODAYS_CONSTANTS, agencyOutcomes: 0, jobOutcomes: 0, acceptedHistory: 0 });
    expect(storedRankingWeights(TODAYS_CONSTANTS)).toEqual(TODAYS_CONSTANTS);
    expect(() => storedRankingWeights({ ...before, skills: -1 })).toThrow(/weights\.skills/);
    expect(() => storedRankingWeights('nonsense')).toThrow(/weights/);
  });

  it('applies a province’s override in that province only, and the global weights elsewhere or without a province', () => {
    const global = { version: 4, weights: { ...TODAYS_CONSTANTS, distance: 5 } };
    const sichuan = { version: 6, weights: { ...TODAYS_CONSTANTS, laborBrand: 3 } };
    const snapshot: WeightsSnapshot = { global, provinces: new Map([['510000', sichuan]]) };
    expect(weightsForProvince(snapshot, '510000')).toBe(sichuan);
    expect(weightsForProvince(snapshot, '440000')).toBe(global);
    expect(weightsForProvince(snapshot, undefined)).toBe(global);
  });
});
