import { brandNamedBy, findLaborBrand, LABOR_BRANDS, type NamedBrand } from '@laowu/domain';
import { Injectable } from '@nestjs/common';

/** A seeded 劳务品牌's name and keywords, by code (none for a code the seeds do not know). */
export function seededBrandNames(code: string): string[] {
  const brand = findLaborBrand(code);
  return brand?.code === code ? [brand.name, ...brand.keywords] : [];
}

/**
 * The names of every 劳务品牌 (四) matching knows: the seeds of @laowu/domain, and the brands
 * bureaus add (LaborBrandChanged on the reference topic, whose consumer calls `add`). Indexing
 * writes a job's brand names into its `laborBrandText` (so `q` finds them); job search resolves
 * a `laborBrand` given by code or name.
 */
@Injectable()
export class LaborBrandNames {
  private readonly brands = new Map<string, NamedBrand>(LABOR_BRANDS.map((brand) => [brand.code, brand]));

  /** Adds or replaces a brand (its name first, then keywords). */
  add(code: string, names: string[]): void {
    const [name, ...keywords] = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
    if (name) this.brands.set(code, { code, name, keywords });
  }

  /** The brand's name and keywords; none for an unknown code. */
  namesOf(code: string): string[] {
    const brand = this.brands.get(code);
    return brand ? [brand.name, ...brand.keywords] : [];
  }

  /** The code of the brand with this code, name or keyword (exact, trimmed); undefined when none has it. */
  codeOf(codeOrName: string): string | undefined {
    return brandNamedBy(this.brands.values(), codeOrName)?.code;
  }
}
