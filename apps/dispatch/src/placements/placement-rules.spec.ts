import { addCalendarMonths, checkDueDate, mayBeConcurrent, placementClash, plannedEndDate, type ActivePlacement } from './placement-rules';

const active = (id: string, overrides: Partial<ActivePlacement> = {}): ActivePlacement => ({ id, jobId: `job-${id}`, jobKind: 'fulltime', concurrent: false, ...overrides });

describe('placement rules', () => {
  it('never places a worker twice in one job, concurrent or not', () => {
    const held = [active('1', { jobKind: 'public_welfare', concurrent: true })];
    expect(placementClash(held, { jobId: 'job-1', jobKind: 'public_welfare', concurrent: true })).toEqual({ kind: 'same_job', placementId: '1' });
    expect(placementClash(held, { jobId: 'job-1', jobKind: 'public_welfare', concurrent: false })).toEqual({ kind: 'same_job', placementId: '1' });
  });

  it('refuses a second placement beside one that is not concurrent, unless the new one is concurrent', () => {
    expect(placementClash([active('1')], { jobId: 'job-2', jobKind: 'fulltime', concurrent: false })).toEqual({ kind: 'already_placed', placementId: '1' });
    expect(placementClash([active('1')], { jobId: null, jobKind: null, concurrent: false })).toEqual({ kind: 'already_placed', placementId: '1' });
    expect(placementClash([active('1')], { jobId: 'job-2', jobKind: 'public_welfare', concurrent: true })).toBeNull();
    // beside concurrent placements only, one exclusive placement is fine
    expect(placementClash([active('1', { jobKind: 'gig', concurrent: true })], { jobId: 'job-2', jobKind: 'fulltime', concurrent: false })).toBeNull();
    expect(placementClash([], { jobId: 'job-2', jobKind: 'fulltime', concurrent: false })).toBeNull();
  });

  it('allows concurrent only for a public-welfare post or beside public-welfare posts only (十六)', () => {
    expect(mayBeConcurrent([], { jobId: 'j', jobKind: 'public_welfare', concurrent: true })).toBe(true);
    expect(mayBeConcurrent([active('1', { jobKind: 'public_welfare' })], { jobId: 'j', jobKind: 'gig', concurrent: true })).toBe(true);
    expect(mayBeConcurrent([active('1', { jobKind: 'public_welfare' }), active('2', { jobKind: 'public_welfare', concurrent: true })], { jobId: 'j', jobKind: null, concurrent: true })).toBe(true);
    expect(mayBeConcurrent([active('1', { jobKind: 'public_welfare' }), active('2', { jobKind: 'gig', concurrent: true })], { jobId: 'j', jobKind: 'gig', concurrent: true })).toBe(false);
    expect(mayBeConcurrent([active('1')], { jobId: 'j', jobKind: 'gig', concurrent: true })).toBe(false);
    expect(mayBeConcurrent([], { jobId: 'j', jobKind: 'gig', concurrent: true })).toBe(false);
    expect(placementClash([], { jobId: 'j', jobKind: 'gig', concurrent: true })).toEqual({ kind: 'concurrent_not_allowed' });
  });

  it('adds calendar months, clamping to the last day of a shorter month', () => {
    expect(addCalendarMonths('2026-01-15', 1)).toBe('2026-02-15');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-12-05', 1)).toBe('2027-01-05');
  });

  it('makes retention checks due 1, 3 and 6 calendar months after the start', () => {
    expect([1, 3, 6].map((m) => checkDueDate('2026-03-31', m as 1 | 3 | 6))).toEqual(['2026-04-30', '2026-06-30', '2026-09-30']);
  });

  it("ends a public-welfare post's placement on the China date of the job's end, and no other", () => {
    // 2026-12-31T20:00Z is already 2027-01-01 in China
    expect(plannedEndDate('public_welfare', new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01');
    expect(plannedEndDate('public_welfare', new Date('2026-12-31T10:00:00Z'))).toBe('2026-12-31');
    expect(plannedEndDate('public_welfare', null)).toBeNull();
    expect(plannedEndDate('fulltime', new Date('2026-12-31T10:00:00Z'))).toBeNull();
  });
});
