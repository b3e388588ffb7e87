import { applicableLine, lineCandidates } from './line-lookup';

describe('monitoring line lookup', () => {
  it('looks at the region, its city, then its province', () => {
    expect(lineCandidates('513401')).toEqual(['513401', '513400', '510000']);
    expect(lineCandidates('513400')).toEqual(['513400', '510000']);
    expect(lineCandidates('510000')).toEqual(['510000']);
  });

  it('takes the most specific line on record', () => {
    const lines = new Map([['510000', 7000], ['513400', 7600], ['513401', 8000]]);
    expect(applicableLine('513401', lines)).toEqual({ regionCode: '513401', annualIncome: 8000 });
    expect(applicableLine('513402', lines)).toEqual({ regionCode: '513400', annualIncome: 7600 });
    expect(applicableLine('510104', lines)).toEqual({ regionCode: '510000', annualIncome: 7000 });
  });

  it('finds nothing when neither the region nor its city or province has a line', () => {
    const lines = new Map([['513401', 8000], ['440000', 9000]]);
    expect(applicableLine('513402', lines)).toBeUndefined();
    expect(applicableLine('510000', lines)).toBeUndefined();
  });
});
