/**
 * 国家职业分类大典 (2022) detailed occupations: lookups by code and a small search for clients
 * looking for valid codes (`GET /v1/reference/occupations?q=焊`). Data lives in occupations.data.ts.
 */
import { OCCUPATION_DEFINITIONS } from './occupations.data';

/** The public shape of an occupation. */
export interface Occupation {
  /** 大类-中类-小类-细类, e.g. 6-29-01-01. */
  readonly code: string;
  readonly name: string;
}

const OCCUPATION_CODE_SHAPE = /^\d-\d{2}-\d{2}-\d{2}$/;

interface Entry {
  readonly item: Occupation;
  readonly keywords: readonly string[];
}

const INDEX = new Map<string, Entry>();
for (const { code, name, keywords } of OCCUPATION_DEFINITIONS) {
  if (!OCCUPATION_CODE_SHAPE.test(code)) throw new Error(`malformed occupation code: ${code}`);
  if (INDEX.has(code)) throw new Error(`duplicate occupation code: ${code}`);
  INDEX.set(code, { item: Object.freeze({ code, name }), keywords: (keywords ?? []).map((k) => k.toLowerCase()) });
}

export const OCCUPATIONS: readonly Occupation[] = Object.freeze([...INDEX.values()].map((e) => e.item));

export function findOccupation(code: string): Occupation | undefined {
  return INDEX.get(code)?.item;
}

export function isKnownOccupation(code: string): boolean {
  return INDEX.has(code);
}

/** Lower is better: exact code or name, a name or code starting with q, a substring, a keyword. */
function matchRank({ item, keywords }: Entry, query: string): number | undefined {
  if (item.code === query || item.name === query) return 0;
  if (item.name.startsWith(query) || item.code.startsWith(query)) return 1;
  if (item.name.includes(query)) return 2;
  if (keywords.some((k) => k.includes(query))) return 3;
  return undefined;
}

/**
 * Occupations matching `q`: a code or code prefix ('6-29'), a name substring ('焊') or a colloquial
 * keyword ('叉车'); best first, then in code order. An empty query lists them in code order.
 */
export function searchOccupations(q: string, limit = 50): Occupation[] {
  const max = Math.max(0, Math.floor(limit));
  const query = (q ?? '').trim().toLowerCase();
  const entries = [...INDEX.values()];
  if (!query) return entries.slice(0, max).map((e) => e.item);
  return entries
    .map((entry, order) => ({ entry, order, rank: matchRank(entry, query) }))
    .filter((r): r is { entry: Entry; order: number; rank: number } => r.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, max)
    .map((r) => r.entry.item);
}
