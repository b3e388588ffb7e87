import { EAST_WEST_PAIRS, EAST_WEST_PAIR_DETAILS, eastWestPartnersOf, isEastWestPair } from './east-west-pairs';
import { findRegion } from './regions';

const EXAMPLE_PAIRS: [string, string, string][] = [
  ['广东–广西', '440000', '450000'],
  ['广东–贵州', '440000', '520000'],
  ['浙江–四川', '330000', '510000'],
  ['江苏–陕西', '320000', '610000'],
  ['上海–云南', '310000', '530000'],
  ['福建–宁夏', '350000', '640000'],
  ['北京–内蒙古', '110000', '150000'],
  ['北京–河北', '110000', '130000'],
  ['天津–甘肃', '120000', '620000'],
  ['山东–重庆', '370000', '500000'],
  ['山东–甘肃', '370000', '620000'],
];

describe('EAST_WEST_PAIRS', () => {
  it.each(EXAMPLE_PAIRS)('includes %s', (_label, east, west) => {
    expect(EAST_WEST_PAIRS).toContainEqual({ east, west });
  });

  it('only uses known province codes and names them consistently', () => {
    for (const pair of EAST_WEST_PAIR_DETAILS) {
      expect(findRegion(pair.east)?.level).toBe('province');
      expect(findRegion(pair.west)?.level).toBe('province');
      expect(findRegion(pair.east)!.name.startsWith(pair.eastName)).toBe(true);
      expect(findRegion(pair.west)!.name.startsWith(pair.westName)).toBe(true);
    }
  });

  it('has no duplicates', () => {
    const keys = EAST_WEST_PAIRS.map((p) => `${p.east}-${p.west}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('isEastWestPair', () => {
  it.each(EXAMPLE_PAIRS)('accepts %s in either order', (_label, east, west) => {
    expect(isEastWestPair(east, west)).toBe(true);
    expect(isEastWestPair(west, east)).toBe(true);
  });

  it('reduces city and county codes to provinces', () => {
    expect(isEastWestPair('440306', '513401')).toBe(false); // 广东 – 四川
    expect(isEastWestPair('330106', '513401')).toBe(true); // 杭州西湖区 – 西昌
    expect(isEastWestPair('513400', '330100')).toBe(true);
    expect(isEastWestPair('440300', '522301')).toBe(true); // 深圳 – 兴义 (贵州)
  });

  it('rejects non-pairs, same province and unknown codes', () => {
    expect(isEastWestPair('440000', '510000')).toBe(false);
    expect(isEastWestPair('440000', '440000')).toBe(false);
    expect(isEastWestPair('440000', '999999')).toBe(false);
    expect(isEastWestPair('', '450000')).toBe(false);
  });
});

describe('eastWestPartnersOf', () => {
  it('lists partners from either side', () => {
    expect(eastWestPartnersOf('440306')).toEqual(['450000', '520000']);
    expect(eastWestPartnersOf('620000')).toEqual(['120000', '370000']);
    expect(eastWestPartnersOf('420000')).toEqual([]);
    expect(eastWestPartnersOf('x')).toEqual([]);
  });
});
