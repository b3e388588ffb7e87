import { PRIORITY_GROUPS } from '@laowu/contracts';
import { type CsvColumn } from '@laowu/platform';
import { type AgencyOutcome, type OutcomeCount, type OutcomeFigures } from './stats.response.dto';

export const MEASURES = ['dispatched', 'arrived', 'placed', 'checked3m', 'retained3m'] as const;
export type Measure = (typeof MEASURES)[number];

/** The group a query row carries for the total (every worker once, whatever their groups). */
export const TOTAL_GROUP = '*total*';

/** One row of the figures' queries: an agency (none for a direct hire), a group, some measures. */
export type FigureRow = { agency_id: string | null; grp: string } & Partial<Record<Measure, number>>;

function emptyCount(): OutcomeCount {
  return { total: 0, byPriorityGroup: Object.fromEntries(PRIORITY_GROUPS.map((g) => [g, 0])) };
}

function emptyFigures(): OutcomeFigures {
  return { dispatched: emptyCount(), arrived: emptyCount(), placed: emptyCount(), checked3m: emptyCount(), retained3m: emptyCount() };
}

function add(figures: OutcomeFigures, row: FigureRow): void {
  for (const measure of MEASURES) {
    const n = row[measure] ?? 0;
    const count = figures[measure];
    if (row.grp === TOTAL_GROUP) count.total += n;
    else count.byPriorityGroup[row.grp] = (count.byPriorityGroup[row.grp] ?? 0) + n;
  }
}

/**
 * Per agency (by id; only agencies with a departure, an arrival or a placement) and the totals
 * over every row, rows without an agency included: each batch worker and placement has at most
 * one agency, so the totals are the sums.
 */
export function toOutcomes(rows: FigureRow[]): { agencies: AgencyOutcome[]; totals: OutcomeFigures } {
  const byAgency = new Map<string, AgencyOutcome>();
  const totals = emptyFigures();
  for (const row of rows) {
    add(totals, row);
    if (row.agency_id === null) continue;
    const agency = byAgency.get(row.agency_id) ?? { agencyId: row.agency_id, ...emptyFigures() };
    add(agency, row);
    byAgency.set(row.agency_id, agency);
  }
  const agencies = [...byAgency.values()].filter((a) => a.dispatched.total > 0 || a.arrived.total > 0 || a.placed.total > 0);
  return { agencies: agencies.sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0)), totals };
}

/** `agency_id` and `priority_group` of the CSV's rows for every agency and every group. */
export const ALL = '*';

export interface OutcomeCsvRow {
  agencyId: string;
  /** A priority group, or ALL for the total. */
  group: string;
  figures: OutcomeFigures;
  from: string;
  to: string;
}

const countIn = (count: OutcomeCount, group: string): number => (group === ALL ? count.total : (count.byPriorityGroup[group] ?? 0));

/** The outcome CSV for the bureau (docs/OUTCOMES.md): one column per measure, snake_case headers. */
export const OUTCOME_CSV_COLUMNS: CsvColumn<OutcomeCsvRow>[] = [
  { header: 'agency_id', value: (r) => r.agencyId },
  { header: 'priority_group', value: (r) => r.group },
  { header: 'dispatched', value: (r) => countIn(r.figures.dispatched, r.group) },
  { header: 'arrived', value: (r) => countIn(r.figures.arrived, r.group) },
  { header: 'placed', value: (r) => countIn(r.figures.placed, r.group) },
  { header: 'checked_3m', value: (r) => countIn(r.figures.checked3m, r.group) },
  { header: 'retained_3m', value: (r) => countIn(r.figures.retained3m, r.group) },
  { header: 'from', value: (r) => r.from },
  { header: 'to', value: (r) => r.to },
];

/** Each agency's rows (the total, then each priority group), then the same for the totals (agency `*`). */
export function outcomeCsvRows(agencies: AgencyOutcome[], totals: OutcomeFigures, from: string, to: string): OutcomeCsvRow[] {
  const groups = [ALL, ...PRIORITY_GROUPS];
  const owners: [string, OutcomeFigures][] = [...agencies.map((a): [string, OutcomeFigures] => [a.agencyId, a]), [ALL, totals]];
  return owners.flatMap(([agencyId, figures]) => groups.map((group) => ({ agencyId, group, figures, from, to })));
}
