import { type LaborBrandChangedData } from '@laowu/contracts';
import { brandNamedBy, findLaborBrand } from '@laowu/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEMA } from '../schema';

/** A brand as a worker carries it: the registry code, and its name for responses. */
export interface ResolvedBrand {
  code: string;
  name: string;
}

/**
 * 劳务品牌 (四) a worker may carry: the seeded registry (@laowu/domain) first, then those bureaus
 * added (the `labor_brands` table, from LaborBrandChanged).
 */
@Injectable()
export class LaborBrandsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The brand with this code, name or keyword (exact, trimmed), or undefined when none is known. */
  async resolve(codeOrName: string): Promise<ResolvedBrand | undefined> {
    const seeded = findLaborBrand(codeOrName);
    if (seeded) return { code: seeded.code, name: seeded.name };
    const rows: { code: string; name: string; keywords: string[] }[] = await this.dataSource.query(
      `SELECT code, name, keywords FROM "${SCHEMA}".labor_brands WHERE code = $1 OR name = $1 OR $1 = ANY(keywords)`,
      [codeOrName.trim()],
    );
    const added = brandNamedBy(rows, codeOrName);
    return added && { code: added.code, name: added.name };
  }

  /** The name of a stored brand code (the code itself if the brand is no longer known). */
  async nameOf(code: string | null): Promise<string | undefined> {
    if (code === null) return undefined;
    return findLaborBrand(code)?.name ?? (await this.resolve(code))?.name ?? code;
  }

  /**
   * Stores a bureau-added brand. Idempotent: a redelivered or older event (an `updatedAt` not newer
   * than the stored one) changes nothing.
   */
  async apply(brand: LaborBrandChangedData): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO "${SCHEMA}".labor_brands AS b (code, name, region_code, trade, keywords, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, trade = EXCLUDED.trade,
         keywords = EXCLUDED.keywords, updated_at = EXCLUDED.updated_at
       WHERE b.updated_at < EXCLUDED.updated_at`,
      [brand.code, brand.name, brand.regionCode, brand.trade, brand.keywords, brand.updatedAt],
    );
  }
}
