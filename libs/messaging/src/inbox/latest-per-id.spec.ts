import { latestPerId } from './latest-per-id';

describe('latestPerId', () => {
  it('keeps the highest version of each id, whatever the order, and the first of equal versions', () => {
    const items = [
      { jobId: 'a', version: 2, tag: 'a2' },
      { jobId: 'b', version: 1, tag: 'b1' },
      { jobId: 'a', version: 3, tag: 'a3' },
      { jobId: 'a', version: 1, tag: 'a1' },
      { jobId: 'b', version: 1, tag: 'b1-again' },
    ];
    expect(latestPerId(items, (j) => j.jobId).map((j) => j.tag).sort()).toEqual(['a3', 'b1']);
  });

  it('returns nothing for nothing', () => {
    expect(latestPerId([], () => 'x')).toEqual([]);
  });
});
