import { brandNamedBy, findLaborBrand } from '@laowu/domain';
import { type EntityManager } from 'typeorm';
import { SCHEMA } from '../schema';

/** A brand as jobs store it: its code, and its name for responses. */
export interface ResolvedLaborBrand {
  code: string;
  name: string;
}

/**
 * Resolves what callers type for a 劳务品牌 (a code, a name or a keyword; seeded or bureau-added) to
 * the brand, one query for all the keys that are not seeded. A key that resolves to nothing is
 * absent from the map. Seeded brands win: a bureau cannot add a brand under a seeded name, code or
 * keyword (409), so the two never disagree.
 */
export async function resolveLaborBrands(manager: EntityManager, keys: Iterable<string>): Promise<Map<string, ResolvedLaborBrand>> {
  const all = [...keys]; // read twice below: an iterator could be read only once
  const resolved = new Map<string, ResolvedLaborBrand>();
  const unseeded = new Set<string>();
  for (const key of all) {
    const seeded = findLaborBrand(key);
    if (seeded) resolved.set(key, { code: seeded.code, name: seeded.name });
    else if (key.trim()) unseeded.add(key.trim());
  }
  if (!unseeded.size) return resolved;
  const rows: { code: string; name: string; keywords: string[] }[] = await manager.query(
    `SELECT code, name, keywords FROM "${SCHEMA}".labor_brands WHERE code = ANY($1) OR name = ANY($1) OR keywords && $1::text[]`,
    [[...unseeded]],
  );
  for (const key of all) {
    const row = resolved.has(key) ? undefined : brandNamedBy(rows, key);
    if (row) resolved.set(key, { code: row.code, name: row.name });
  }
  return resolved;
}
