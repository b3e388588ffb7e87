import { isKnownRegion } from '../regions/regions';
import { brandNamedBy, findLaborBrand, LABOR_BRANDS, laborBrandMatchRank, searchLaborBrands } from './labor-brands';

describe('labour brands (劳务品牌)', () => {
  it('seeds at least 50 brands with unique lowercase-kebab codes', () => {
    expect(LABOR_BRANDS.length).toBeGreaterThanOrEqual(50);
    const codes = LABOR_BRANDS.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every brand a known GB/T 2260 origin, a Chinese name and a trade', () => {
    const unknown = LABOR_BRANDS.filter((b) => !isKnownRegion(b.regionCode)).map((b) => `${b.code} ${b.regionCode}`);
    expect(unknown).toEqual([]);
    for (const brand of LABOR_BRANDS) {
      expect(brand.name).toMatch(/^[\u4e00-\u9fff]+$/);
      expect(brand.trade).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('never uses one name or keyword for two brands (a posted name must resolve to one code)', () => {
    const names = LABOR_BRANDS.flatMap((b) => [b.name, ...b.keywords]);
    const repeated = names.filter((name, i) => names.indexOf(name) !== i);
    expect(repeated).toEqual([]);
    const codes = new Set(LABOR_BRANDS.map((b) => b.code));
    expect(names.filter((name) => codes.has(name))).toEqual([]);
  });

  it('finds a brand by code, name or keyword, exactly and ignoring surrounding spaces', () => {
    expect(findLaborBrand('chuan-mei-zi')?.name).toBe('川妹子');
    expect(findLaborBrand(' 川妹子 ')?.code).toBe('chuan-mei-zi');
    expect(findLaborBrand('兰州牛肉拉面')?.code).toBe('lanzhou-lamian-shi');
    expect(findLaborBrand('潜江龙虾厨师')).toMatchObject({ code: 'qianjiang-longxia-gong', regionCode: '429005' });
    expect(findLaborBrand('川妹')).toBeUndefined();
    expect(findLaborBrand('no-such-brand')).toBeUndefined();
  });

  it('searches names, keywords, codes and trades, best match first', () => {
    expect(searchLaborBrands('川妹子')[0].code).toBe('chuan-mei-zi');
    expect(searchLaborBrands('川妹').map((b) => b.code)).toContain('chuan-mei-zi');
    expect(searchLaborBrands('拉面').map((b) => b.code)).toEqual(expect.arrayContaining(['lanzhou-lamian-shi', 'xunhua-lamian', 'hualong-niuroumian']));
    expect(searchLaborBrands('LIANGSHAN')[0].code).toBe('liangshan-jiangong');
    const domestic = searchLaborBrands('家政', 100);
    expect(domestic.map((b) => b.code)).toEqual(expect.arrayContaining(['chuan-mei-zi', 'lixian-mei', 'huzhu-jiazheng']));
    // a name containing 家政 ranks before brands whose only link is the trade
    expect(domestic.findIndex((b) => b.code === 'huzhu-jiazheng')).toBeLessThan(domestic.findIndex((b) => b.code === 'lixian-mei'));
    expect(searchLaborBrands('不存在的品牌')).toEqual([]);
  });

  it('lists brands in order for an empty query, within the limit', () => {
    expect(searchLaborBrands('', 3)).toEqual(LABOR_BRANDS.slice(0, 3));
    expect(searchLaborBrands('  ').length).toBe(Math.min(50, LABOR_BRANDS.length));
  });

  it('ranks a brand that is not seeded (a bureau-added one) by the same rule', () => {
    const added = { code: 'test-jiazheng', name: '测试家政', trade: '家政服务', keywords: ['测试大姐'] };
    expect(laborBrandMatchRank(added, '测试家政')).toBe(0);
    expect(laborBrandMatchRank(added, '测试')).toBe(1);
    expect(laborBrandMatchRank(added, '家政')).toBe(2);
    expect(laborBrandMatchRank(added, '大姐')).toBe(3);
    expect(laborBrandMatchRank(added, '建筑')).toBeUndefined();
  });
});

describe('brandNamedBy', () => {
  const brands = [
    { code: 'a', name: '甲师傅', keywords: ['b'] },
    { code: 'b', name: '乙师傅', keywords: ['甲师傅'] },
    { code: 'c', name: 'a', keywords: [] },
  ];

  it('prefers a code to a name, and a name to a keyword', () => {
    expect(brandNamedBy(brands, 'a')?.code).toBe('a');
    expect(brandNamedBy(brands, 'b')?.code).toBe('b');
    expect(brandNamedBy(brands, ' 甲师傅 ')?.code).toBe('a');
  });

  it('names nothing for a blank or unknown key', () => {
    expect(brandNamedBy(brands, '  ')).toBeUndefined();
    expect(brandNamedBy(brands, '丙师傅')).toBeUndefined();
  });
});
