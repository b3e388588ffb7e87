import { agreementDates, oneYearAfter, postPeriodProblems } from './sharing-period';

describe('sharing periods', () => {
  it('allows a post of exactly one year and refuses a day more, a reversed period and one already over', () => {
    expect(oneYearAfter('2027-03-15')).toBe('2028-03-15');
    expect(oneYearAfter('2028-02-29')).toBe('2029-03-01');
    expect(postPeriodProblems('2027-03-15', '2028-03-15', '2027-01-01')).toEqual([]);
    expect(postPeriodProblems('2027-03-15', '2027-03-15', '2027-01-01')).toEqual([]);
    expect(postPeriodProblems('2027-03-15', '2028-03-16', '2027-01-01')[0].field).toBe('to');
    expect(postPeriodProblems('2027-03-15', '2027-03-14', '2027-01-01')[0].problem).toMatch(/before from/);
    expect(postPeriodProblems('2026-01-01', '2026-06-30', '2026-07-01')[0].problem).toMatch(/over/);
  });

  it('starts an agreement on the latest of today and both froms, and keeps the return date inside the shared period', () => {
    const offer = { from: '2027-03-01', to: '2027-06-30' };
    const request = { from: '2027-04-01', to: '2027-09-30' };
    expect(agreementDates(offer, request, '2027-06-30', '2027-01-10')).toEqual({ dates: { startDate: '2027-04-01', overlapEnd: '2027-06-30' } });
    expect(agreementDates(offer, request, '2027-05-01', '2027-04-20').dates?.startDate).toBe('2027-04-20');
    expect(agreementDates(offer, request, '2027-07-01', '2027-01-10').problem?.field).toBe('returnDate');
    expect(agreementDates(offer, request, '2027-03-31', '2027-01-10').problem?.field).toBe('returnDate');
    expect(agreementDates(offer, { from: '2027-07-01', to: '2027-08-01' }, '2027-07-15', '2027-01-10').problem?.field).toBe('requestId');
    expect(agreementDates(offer, request, '2027-06-01', '2027-07-01').problem?.field).toBe('requestId');
  });
});
