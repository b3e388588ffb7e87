import { type PlacementEndedData } from '@laowu/contracts';
import { freeSeat, freesSeat, takeSeat } from './job-seats';
import { type JobEntity } from './job.entity';

type Seats = Pick<JobEntity, 'filled' | 'headcount' | 'status'>;
const seats = (filled: number, headcount: number, status: JobEntity['status']): Seats => ({ filled, headcount, status });

describe('job seats', () => {
  it.each<[string, Seats, Seats]>([
    ['an open job below headcount stays open', seats(0, 2, 'open'), seats(1, 2, 'open')],
    ['an open job reaching headcount becomes filled', seats(1, 2, 'open'), seats(2, 2, 'filled')],
    ['a filled job takes one more (over headcount) and stays filled', seats(2, 2, 'filled'), seats(3, 2, 'filled')],
    ['a closed job counts the placement and stays closed', seats(1, 2, 'closed'), seats(2, 2, 'closed')],
    ['an expired job counts the placement and stays expired', seats(0, 1, 'expired'), seats(1, 1, 'expired')],
  ])('takeSeat: %s', (_case, before, after) => {
    const job = { ...before };
    takeSeat(job);
    expect(job).toEqual(after);
  });

  it.each<[string, Seats, Seats, boolean]>([
    ['a filled job below headcount again is open', seats(2, 2, 'filled'), seats(1, 2, 'open'), true],
    ['an over-filled job still at headcount stays filled', seats(3, 2, 'filled'), seats(2, 2, 'filled'), true],
    ['an open job just counts down', seats(1, 3, 'open'), seats(0, 3, 'open'), true],
    ['a closed job stays closed', seats(2, 2, 'closed'), seats(1, 2, 'closed'), true],
    ['an expired job stays expired', seats(1, 1, 'expired'), seats(0, 1, 'expired'), true],
    ['filled never goes below 0 (nothing changes)', seats(0, 1, 'open'), seats(0, 1, 'open'), false],
  ])('freeSeat: %s', (_case, before, after, changed) => {
    const job = { ...before };
    expect(freeSeat(job)).toBe(changed);
    expect(job).toEqual(after);
  });

  const ended = (overrides: Partial<PlacementEndedData>): PlacementEndedData => ({
    placementId: '00000000-0000-4000-8000-000000000001', workerId: '00000000-0000-4000-8000-000000000002',
    jobId: '00000000-0000-4000-8000-000000000003', endDate: '2026-12-01', reason: 'quit', otherActivePlacements: 0, ...overrides,
  });

  it('an ended placement frees its seat unless it ran its term or had no job', () => {
    expect(['quit', 'dismissed', 'other'].map((reason) => freesSeat(ended({ reason: reason as PlacementEndedData['reason'] })))).toEqual([true, true, true]);
    expect(freesSeat(ended({ reason: 'contract_end' }))).toBe(false);
    expect(freesSeat(ended({ jobId: undefined }))).toBe(false);
  });
});
