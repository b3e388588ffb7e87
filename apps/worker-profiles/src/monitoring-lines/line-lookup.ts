import { cityCodeOf, provinceCodeOf } from '@laowu/domain';

/** The line that applies to a region, and the region it was set for. */
export interface ApplicableLine {
  regionCode: string;
  annualIncome: number;
}

/**
 * Where to look for a region's monitoring line (防止返贫监测范围), most specific first: the region
 * itself, then its city (prefecture), then its province. 513401 → 513401, 513400, 510000.
 */
export function lineCandidates(regionCode: string): string[] {
  const candidates = [regionCode, cityCodeOf(regionCode), provinceCodeOf(regionCode)];
  return [...new Set(candidates.filter((code): code is string => code !== undefined))];
}

/** The most specific line on record for the region (`lines`: region code → annual income), if any. */
export function applicableLine(regionCode: string, lines: ReadonlyMap<string, number>): ApplicableLine | undefined {
  const found = lineCandidates(regionCode).find((code) => lines.has(code));
  return found === undefined ? undefined : { regionCode: found, annualIncome: lines.get(found)! };
}
