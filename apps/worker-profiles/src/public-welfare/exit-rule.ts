/** 'YYYY-MM' → the month `offset` months later (earlier when negative). */
export function addMonths(month: string, offset: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The 12 months ending with `month` (both ends included), e.g. 2026-11 → 2025-12 … 2026-11. */
export function twelveMonthWindow(month: string): { from: string; to: string } {
  return { from: addMonths(month, -11), to: month };
}

/** Yuan with at most two decimals → whole fen, so sums and comparisons are exact. */
const fen = (yuan: number) => Math.round(yuan * 100);

/**
 * 十六: a worker in a public-welfare post whose flexible income (灵活就业收入) over the last 12
 * months exceeds the local monitoring line (防止返贫监测范围) must leave the post. At the line is
 * not over it; no line on record, or no post during the month, never requires an exit.
 */
export function exitRequired(input: { inPublicWelfarePost: boolean; flexibleIncome12m: number | null; monitoringLine: number | null }): boolean {
  if (!input.inPublicWelfarePost || input.monitoringLine === null) return false;
  return fen(input.flexibleIncome12m ?? 0) > fen(input.monitoringLine);
}
