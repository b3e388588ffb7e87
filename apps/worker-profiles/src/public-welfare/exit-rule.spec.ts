import { addMonths, exitRequired, twelveMonthWindow } from './exit-rule';

describe('public-welfare exit rule (十六)', () => {
  it('moves across year ends both ways', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -23)).toBe('2024-12');
    expect(addMonths('2026-03', 0)).toBe('2026-03');
  });

  it('counts the 12 months ending with the monitoring month', () => {
    expect(twelveMonthWindow('2026-11')).toEqual({ from: '2025-12', to: '2026-11' });
    expect(twelveMonthWindow('2026-12')).toEqual({ from: '2026-01', to: '2026-12' });
    expect(twelveMonthWindow('2027-01')).toEqual({ from: '2026-02', to: '2027-01' });
  });

  it('requires the exit only above the line, for a worker in a post', () => {
    const inPost = { inPublicWelfarePost: true, monitoringLine: 7600 };
    expect(exitRequired({ ...inPost, flexibleIncome12m: 7599.99 })).toBe(false);
    expect(exitRequired({ ...inPost, flexibleIncome12m: 7600 })).toBe(false);
    expect(exitRequired({ ...inPost, flexibleIncome12m: 7600.01 })).toBe(true);
    expect(exitRequired({ ...inPost, flexibleIncome12m: null })).toBe(false);
  });

  it('never requires it without a post or without a line', () => {
    expect(exitRequired({ inPublicWelfarePost: false, flexibleIncome12m: 100_000, monitoringLine: 7600 })).toBe(false);
    expect(exitRequired({ inPublicWelfarePost: true, flexibleIncome12m: 100_000, monitoringLine: null })).toBe(false);
  });

  it('compares money exactly (0.1 + 0.2 is not above 0.3)', () => {
    expect(exitRequired({ inPublicWelfarePost: true, flexibleIncome12m: 0.1 + 0.2, monitoringLine: 0.3 })).toBe(false);
  });
});
