import { classValue, MAX_CLASSED_IDS, type OutcomeCounts, priorRates, rateClasses, rated, rateDeviationOf, rateFunctions, smoothedRate } from './outcome-rates';

const counts = (id: string, decided: number, accepted: number, acceptedPairs = accepted, arrivedPairs = 0): OutcomeCounts => ({ id, decided, accepted, acceptedPairs, arrivedPairs });
const PRIOR = { acceptance: 0.5, arrival: 0.5 };

describe('outcome rates (smoothing with a Beta prior, classes)', () => {
  it('smooths towards the prior: exactly the prior with no trials, the observed rate with many', () => {
    expect(smoothedRate(0, 0, 0.3)).toBe(0.3);
    // (8 + 10 × 0.5) / (10 + 10) = 13 / 20
    expect(smoothedRate(8, 10, 0.5)).toBeCloseTo(0.65, 12);
    // (0 + 10 × 0.4) / (40 + 10) = 4 / 50
    expect(smoothedRate(0, 40, 0.4)).toBeCloseTo(0.08, 12);
    expect(smoothedRate(900, 1000, 0.5)).toBeCloseTo(905 / 1010, 12);
  });

  it('takes the global rates for the prior, 0.5 while nothing was decided', () => {
    expect(priorRates([])).toEqual({ acceptance: 0.5, arrival: 0.5 });
    // accepted 3 + 1 of decided 4 + 6; arrived 2 + 0 of accepted pairs 3 + 1
    expect(priorRates([counts('a', 4, 3, 3, 2), counts('b', 6, 1, 1, 0)])).toEqual({ acceptance: 0.4, arrival: 0.5 });
  });

  it('rates a new agency exactly at the prior, whatever the prior (neutral: value 0.5)', () => {
    for (const prior of [PRIOR, { acceptance: 0.2, arrival: 0.9 }]) {
      const fresh = rated(counts('new', 0, 0), prior);
      expect([fresh.acceptance, fresh.arrival, fresh.value]).toEqual([prior.acceptance, prior.arrival, 0.5]);
      // at the global rates with data: neutral too
      expect(rated(counts('avg', 50, 50 * prior.acceptance, 10, 10 * prior.arrival), prior).value).toBe(0.5);
    }
  });

  it('moves the value by half of each rate’s distance from the prior, in classes of 0.1', () => {
    // acceptance (0 + 5) / (20 + 10) = 1/6 → −1/3 from 0.5; no accepted pairs: arrival at the prior → 0.5 − 1/6 = 0.333 → class 0.3
    expect(rated(counts('declines', 20, 0), PRIOR).value).toBe(0.3);
    // acceptance (20 + 5) / 30 = 5/6 → +1/3; arrival (20 + 5) / 30 → +1/3: 0.5 + 1/3 = 0.833 → class 0.8
    expect(rated(counts('great', 20, 20, 20, 20), PRIOR).value).toBe(0.8);
    // accepted but never arrived: acceptance +1/3, arrival (0 + 5) / 30 = 1/6 → −1/3: neutral
    expect(rated(counts('no-shows', 20, 20, 20, 0), PRIOR).value).toBe(0.5);
    expect([classValue(-0.2), classValue(0.04), classValue(0.06), classValue(0.96), classValue(1.3)]).toEqual([0, 0, 0.1, 1, 1]);
  });

  it('classes only the ids off the prior, grouped lowest first, the best-evidenced kept when there are too many', () => {
    const classes = rateClasses([counts('b', 20, 0), counts('a', 20, 0), counts('c', 20, 20, 20, 20), counts('d', 1, 0), counts('e', 0, 0)], PRIOR);
    expect(classes.classes).toEqual([{ value: 0.3, ids: ['a', 'b'] }, { value: 0.8, ids: ['c'] }]);
    expect([...classes.byId.keys()].sort()).toEqual(['a', 'b', 'c']);
    // one decline: (0 + 5) / 11 = 0.4545 → 0.477 → class 0.5: no clause
    expect(rateDeviationOf(classes, 'd')).toBeUndefined();
    expect(rateDeviationOf(classes, 'a')?.value).toBe(-0.2);
    expect(rateDeviationOf(classes, 'c')?.value).toBe(0.3);
    const many = Array.from({ length: 5 }, (_, i) => counts(`x${i}`, 20 + i, 0));
    expect(rateClasses(many, PRIOR, 2).classes.flatMap((c) => c.ids).sort()).toEqual(['x3', 'x4']);
    expect(MAX_CLASSED_IDS).toBeLessThanOrEqual(65_536); // the engines' terms limit
  });

  it('scores in the engine the reasons’ deviation plus one constant for every job, each id in one clause, no negative weight', () => {
    const classes = rateClasses([counts('bad', 20, 0), counts('good', 20, 20, 20, 20)], PRIOR);
    // bad: class 0.3 → every job outside it gets 2 × 0.2; good: class 0.8 → its jobs get 2 × 0.3.
    const functions = rateFunctions('agencyId', classes, 2);
    expect(functions).toEqual([
      { filter: { bool: { must_not: { terms: { agencyId: ['bad'] } } } }, weight: expect.closeTo(0.4, 12) },
      { filter: { terms: { agencyId: ['good'] } }, weight: expect.closeTo(0.6, 12) },
    ]);
    // reasons: bad −0.4, new 0, good +0.6; engine: 0, 0.4, 1.0 — the reasons plus 0.4 each.
    expect(rateFunctions('agencyId', rateClasses([counts('d', 1, 0)], PRIOR), 2)).toEqual([]);
  });
});
