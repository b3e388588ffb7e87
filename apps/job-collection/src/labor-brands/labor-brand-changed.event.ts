import { createEnvelope, deterministicUuid, type EventEnvelope, LaborBrandChanged, type LaborBrandChangedData } from '@laowu/contracts';
import { type LaborBrandEntity } from './labor-brand.entity';

/** The brand's LaborBrandChanged, built field by field from the row (never from a response). */
export function laborBrandChangedEvent(brand: LaborBrandEntity, producer: string): EventEnvelope<LaborBrandChangedData> {
  const data: LaborBrandChangedData = {
    code: brand.code,
    name: brand.name,
    regionCode: brand.regionCode,
    trade: brand.trade,
    keywords: [...brand.keywords],
    updatedAt: brand.createdAt.toISOString(),
  };
  return createEnvelope(LaborBrandChanged, data, { producer, id: deterministicUuid(`labor-brand:${brand.code}`), occurredAt: brand.createdAt });
}
