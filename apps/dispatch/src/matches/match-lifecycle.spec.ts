import { canApply, headcountLeft } from './match-lifecycle';

describe('match lifecycle', () => {
  it('allows new → offered → accepted | declined and accept/decline straight from new', () => {
    expect(canApply('offer', 'new')).toBe(true);
    expect(canApply('accept', 'offered')).toBe(true);
    expect(canApply('decline', 'offered')).toBe(true);
    expect(canApply('accept', 'new')).toBe(true);
  });

  it('refuses every move out of a final state and re-offering', () => {
    for (const final of ['accepted', 'declined', 'expired'] as const) {
      for (const action of ['offer', 'accept', 'decline', 'expire'] as const) expect(canApply(action, final)).toBe(false);
    }
    expect(canApply('offer', 'offered')).toBe(false);
  });

  it('counts arrivals once whether or not job-collection has reported them back yet', () => {
    expect(headcountLeft({ headcount: 3, filled: 0 }, 1, 1)).toBe(1);
    expect(headcountLeft({ headcount: 3, filled: 1 }, 1, 1)).toBe(1);
    expect(headcountLeft({ headcount: 3, filled: 2 }, 1, 1)).toBe(0);
  });
});
