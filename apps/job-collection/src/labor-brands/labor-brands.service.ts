import { type Principal } from '@laowu/auth';
import { TOPICS } from '@laowu/contracts';
import { findLaborBrand, isKnownRegion, LABOR_BRANDS, laborBrandMatchRank } from '@laowu/domain';
import { appendToOutbox } from '@laowu/messaging';
import { APP_NAME, DomainError } from '@laowu/platform';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ERRORS } from '../job-collection.errors';
import { SCHEMA } from '../schema';
import { assertMayRegisterBrand } from './labor-brand.access';
import { LaborBrandEntity } from './labor-brand.entity';
import { laborBrandChangedEvent } from './labor-brand-changed.event';
import { resolveLaborBrands } from './labor-brand-resolver';
import { type LaborBrandView } from './labor-brand.response.dto';
import { type RegisterLaborBrandRequest } from './register-labor-brand.request.dto';

const SEARCH_LIMIT = 50;

/**
 * The 劳务品牌 registry (四): the seeded brands of @laowu/domain plus those bureaus add. A new brand
 * is one row and its LaborBrandChanged (laowu.reference.v1) in one transaction; additions are
 * serialized by a transaction-scoped advisory lock, so two bureaus adding the same name at once get
 * one 201 and one 409.
 */
@Injectable()
export class LaborBrandsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_NAME) private readonly producer: string,
  ) {}

  async register(principal: Principal, request: RegisterLaborBrandRequest): Promise<string> {
    assertMayRegisterBrand(principal, request.regionCode);
    if (!isKnownRegion(request.regionCode)) {
      throw DomainError.unprocessable(ERRORS.REGION_UNKNOWN, [{ field: 'regionCode', problem: `${request.regionCode} is not a known GB/T 2260 region code` }]);
    }
    const name = request.name.trim();
    const keywords = [...new Set((request.keywords ?? []).map((k) => k.trim()).filter((k) => k && k !== name))];
    const code = request.code ?? generatedCode(request.regionCode, name);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`${SCHEMA}.labor_brands`]);
      const taken = await resolveLaborBrands(manager, [code, name, ...keywords]);
      const existing = taken.get(code) ?? taken.get(name) ?? [...taken.values()][0];
      if (existing) {
        throw DomainError.conflict(ERRORS.LABOR_BRAND_EXISTS, `a labour brand with this code, name or keyword exists: ${existing.code}`, { existingCode: existing.code });
      }
      const brand = Object.assign(new LaborBrandEntity(), {
        code, name, regionCode: request.regionCode, trade: request.trade.trim(), keywords, createdBy: `${principal.role}:${principal.sub}`, createdAt: new Date(),
      });
      await manager.insert(LaborBrandEntity, brand);
      await appendToOutbox(manager, SCHEMA, TOPICS.reference, [laborBrandChangedEvent(brand, this.producer)]);
      return code;
    });
  }

  /** Seeded and added brands matching q (name, keyword, code or trade), best first; seeded first on a tie. */
  async search(q: string | undefined): Promise<LaborBrandView[]> {
    const query = (q ?? '').trim().toLowerCase();
    const added = await this.dataSource.manager.find(LaborBrandEntity, { order: { createdAt: 'ASC', code: 'ASC' } });
    const all = [...LABOR_BRANDS, ...added];
    const ranked = all
      .map((brand, order) => ({ brand, order, rank: query ? laborBrandMatchRank(brand, query) : 0 }))
      .filter((r) => r.rank !== undefined)
      .sort((a, b) => a.rank! - b.rank! || a.order - b.order);
    return ranked.slice(0, SEARCH_LIMIT).map(({ brand: { code, name, regionCode, trade } }) => ({ code, name, regionCode, trade }));
  }

  /** Name, origin and trade of brands by code (seeded or added), for per-brand figures. */
  async describe(codes: string[]): Promise<Map<string, LaborBrandView>> {
    const views = new Map<string, LaborBrandView>();
    const unseeded: string[] = [];
    for (const code of codes) {
      const seeded = findLaborBrand(code);
      if (seeded?.code === code) views.set(code, { code, name: seeded.name, regionCode: seeded.regionCode, trade: seeded.trade });
      else unseeded.push(code);
    }
    if (unseeded.length) {
      const rows = await this.dataSource.manager.findBy(LaborBrandEntity, unseeded.map((code) => ({ code })));
      for (const { code, name, regionCode, trade } of rows) views.set(code, { code, name, regionCode, trade });
    }
    return views;
  }
}

/** A code for a brand posted without one: its region and a hash of its name (pinyin is not at hand). */
function generatedCode(regionCode: string, name: string): string {
  return `brand-${regionCode}-${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}
