/**
 * 劳务品牌 (四): the seeded registry of labour brands. Bureaus add more at run time (job-collection
 * stores them and publishes LaborBrandChanged); this list is the part every app knows without I/O.
 * Data lives in labor-brands.data.ts, with its sources.
 */
import { LABOR_BRAND_DEFINITIONS } from './labor-brands.data';

export interface LaborBrand {
  /** Stable lowercase-kebab code; never renamed or reused. */
  readonly code: string;
  readonly name: string;
  /** The brand's origin (GB/T 2260). */
  readonly regionCode: string;
  /** The trade it is known for (家政, 建筑, 餐饮 …). */
  readonly trade: string;
  /** Other names people type for it. */
  readonly keywords: readonly string[];
}

const BY_CODE = new Map(LABOR_BRAND_DEFINITIONS.map((brand) => [brand.code, brand]));
const BY_NAME = new Map(LABOR_BRAND_DEFINITIONS.flatMap((brand) => [brand.name, ...brand.keywords].map((name) => [name, brand] as const)));

export const LABOR_BRANDS: readonly LaborBrand[] = LABOR_BRAND_DEFINITIONS;

/** What naming a brand needs: its code, name and keywords (a seeded brand, or a bureau-added one as an app stores it). */
export type NamedBrand = Pick<LaborBrand, 'code' | 'name' | 'keywords'>;

/**
 * Of `brands`, the one that `key` (trimmed, exact) names: by code first, then by name, then by
 * keyword. Every app resolves a typed brand through this, over the seeds and the brands bureaus
 * added, so a key never names one brand in one app and another elsewhere.
 */
export function brandNamedBy<B extends NamedBrand>(brands: Iterable<B>, key: string): B | undefined {
  const typed = key.trim();
  if (!typed) return undefined;
  const all = [...brands];
  return all.find((b) => b.code === typed) ?? all.find((b) => b.name === typed) ?? all.find((b) => b.keywords.includes(typed));
}

/** The seeded brand with this code, name or keyword (exact). */
export function findLaborBrand(codeOrName: string): LaborBrand | undefined {
  const key = codeOrName.trim();
  return BY_CODE.get(key) ?? BY_NAME.get(key);
}

/**
 * Rank of a brand for a lower-cased query, lower is better: exact code or name (or keyword), then
 * a name starting with it, then a substring of the name or code, then of a keyword or the trade.
 * Exported so that job-collection ranks bureau-added brands the same way.
 */
export function laborBrandMatchRank(brand: Pick<LaborBrand, 'code' | 'name' | 'trade' | 'keywords'>, query: string): number | undefined {
  const name = brand.name.toLowerCase();
  const keywords = brand.keywords.map((k) => k.toLowerCase());
  if (brand.code === query || name === query || keywords.includes(query)) return 0;
  if (name.startsWith(query)) return 1;
  if (name.includes(query) || brand.code.includes(query)) return 2;
  if (keywords.some((k) => k.includes(query)) || brand.trade.toLowerCase().includes(query)) return 3;
  return undefined;
}

/**
 * Seeded brands matching `q` (a name or keyword substring such as 川妹, a code, a trade such as
 * 家政), best first; an empty query lists them in order.
 */
export function searchLaborBrands(q: string, limit = 50): LaborBrand[] {
  const max = Math.max(0, Math.floor(limit));
  const query = (q ?? '').trim().toLowerCase();
  if (!query) return LABOR_BRANDS.slice(0, max);
  return LABOR_BRANDS.map((brand, order) => ({ brand, order, rank: laborBrandMatchRank(brand, query) }))
    .filter((r): r is { brand: LaborBrand; order: number; rank: number } => r.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, max)
    .map((r) => r.brand);
}
