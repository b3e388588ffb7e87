import {
  REGION_COUNT,
  childrenOf,
  cityCodeOf,
  distanceKm,
  findRegion,
  isKnownRegion,
  provinceCodeOf,
  regionCentreKind,
  regionContains,
  regionPrefix,
} from './regions';

describe('findRegion', () => {
  it('knows 深圳市宝安区 with its own centre near 22.55, 113.88', () => {
    const baoan = findRegion('440306');
    expect(baoan).toMatchObject({ code: '440306', name: '宝安区', level: 'county', parentCode: '440300' });
    expect(baoan!.lat).toBeCloseTo(22.55, 1);
    expect(baoan!.lon).toBeCloseTo(113.88, 1);
    expect(regionCentreKind('440306')).toBe('cp');
  });

  it('knows 西昌市 in 凉山彝族自治州, 四川', () => {
    expect(findRegion('513401')).toMatchObject({ name: '西昌市', level: 'county', parentCode: '513400' });
    expect(findRegion('513400')).toMatchObject({ name: '凉山彝族自治州', level: 'city', parentCode: '510000' });
    expect(findRegion('510000')).toMatchObject({ name: '四川省', level: 'province' });
    expect(findRegion('510000')!.parentCode).toBeUndefined();
    const xichang = findRegion('513401')!;
    expect(distanceKm(xichang, { lat: 27.88, lon: 102.27 })).toBeLessThan(10);
  });

  it('knows municipal districts under a synthetic city level', () => {
    expect(findRegion('110101')).toMatchObject({ name: '东城区', level: 'county', parentCode: '110100' });
    expect(findRegion('110100')).toMatchObject({ level: 'city', parentCode: '110000' });
    expect(findRegion('500101')).toMatchObject({ name: '万州区', parentCode: '500100' });
    expect(findRegion('500229')).toMatchObject({ name: '城口县', parentCode: '500200' });
    for (const district of ['120101', '310101']) expect(isKnownRegion(district)).toBe(true);
  });

  it('finds county-level units governed directly by a province (省直辖县级行政区划)', () => {
    expect(findRegion('429004')).toMatchObject({ name: '仙桃市', level: 'county', parentCode: '429000' });
    expect(findRegion('429000')).toMatchObject({ level: 'city', parentCode: '420000' });
    expect(findRegion('429004')!.lat).toBeCloseTo(30.36, 1);
    expect(isKnownRegion('469002')).toBe(true); // 琼海市
    expect(isKnownRegion('659001')).toBe(true); // 石河子市
  });

  it('knows cities without counties (东莞) and province-level 香港', () => {
    expect(findRegion('441900')).toMatchObject({ name: '东莞市', level: 'city' });
    expect(childrenOf('441900')).toEqual([]);
    expect(findRegion('810000')).toMatchObject({ level: 'province' });
  });

  it('rejects unknown and malformed codes', () => {
    for (const code of ['999999', '440399', '12345', '4403061', '', 'abcdef']) {
      expect(findRegion(code)).toBeUndefined();
      expect(isKnownRegion(code)).toBe(false);
    }
    expect(findRegion(undefined as unknown as string)).toBeUndefined();
  });

  it('gives every region a centre inside China', () => {
    for (const province of childrenOf()) {
      for (const region of [province, ...childrenOf(province.code).flatMap((c) => [c, ...childrenOf(c.code)])]) {
        expect(region.lat).toBeGreaterThan(3);
        expect(region.lat).toBeLessThan(54);
        expect(region.lon).toBeGreaterThan(73);
        expect(region.lon).toBeLessThan(136);
      }
    }
  });
});

describe('childrenOf', () => {
  it('lists the 34 provincial-level units without a parent', () => {
    const provinces = childrenOf();
    expect(provinces).toHaveLength(34);
    expect(provinces.every((p) => p.level === 'province')).toBe(true);
    expect(provinces[0].code).toBe('110000');
    expect(REGION_COUNT.province).toBe(34);
  });

  it("lists a province's cities and a city's counties in code order", () => {
    const sichuan = childrenOf('510000');
    expect(sichuan.map((c) => c.code)).toContain('513400');
    expect(sichuan.every((c) => c.level === 'city' && c.parentCode === '510000')).toBe(true);
    const liangshan = childrenOf('513400').map((c) => c.code);
    expect(liangshan).toContain('513401');
    expect([...liangshan].sort()).toEqual(liangshan);
    expect(childrenOf('440300').map((c) => c.name)).toEqual(expect.arrayContaining(['宝安区', '南山区', '福田区']));
  });

  it('returns [] for a county or an unknown code', () => {
    expect(childrenOf('513401')).toEqual([]);
    expect(childrenOf('999999')).toEqual([]);
  });

  it('has plausible totals', () => {
    expect(REGION_COUNT.city).toBeGreaterThan(330);
    expect(REGION_COUNT.county).toBeGreaterThan(2800);
  });
});

describe('code arithmetic', () => {
  it('finds the province and city of a code', () => {
    expect(provinceCodeOf('513401')).toBe('510000');
    expect(provinceCodeOf('513400')).toBe('510000');
    expect(provinceCodeOf('510000')).toBe('510000');
    expect(provinceCodeOf('510122')).toBe('510000'); // abolished 双流县, still in Sichuan
    expect(provinceCodeOf('990101')).toBeUndefined();
    expect(cityCodeOf('513401')).toBe('513400');
    expect(cityCodeOf('513400')).toBe('513400');
    expect(cityCodeOf('429004')).toBe('429000');
    expect(cityCodeOf('110101')).toBe('110100');
    expect(cityCodeOf('510000')).toBeUndefined();
    expect(cityCodeOf('bad')).toBeUndefined();
  });

  it('computes prefixes', () => {
    expect(regionPrefix('510000')).toBe('51');
    expect(regionPrefix('513400')).toBe('5134');
    expect(regionPrefix('513401')).toBe('513401');
    expect(() => regionPrefix('51')).toThrow(RangeError);
  });

  it('tells containment', () => {
    expect(regionContains('510000', '513401')).toBe(true);
    expect(regionContains('513400', '513401')).toBe(true);
    expect(regionContains('513401', '513401')).toBe(true);
    expect(regionContains('420000', '429004')).toBe(true);
    expect(regionContains('513401', '513400')).toBe(false);
    expect(regionContains('440000', '513401')).toBe(false);
    expect(regionContains('nope', '513401')).toBe(false);
  });
});

describe('distanceKm', () => {
  it('is zero for the same point and symmetric', () => {
    const p = { lat: 22.55, lon: 113.88 };
    expect(distanceKm(p, p)).toBe(0);
    const q = { lat: 27.88, lon: 102.27 };
    expect(distanceKm(p, q)).toBeCloseTo(distanceKm(q, p), 9);
  });

  it('matches known distances', () => {
    const beijing = { lat: 39.9042, lon: 116.4074 };
    const shanghai = { lat: 31.2304, lon: 121.4737 };
    expect(distanceKm(beijing, shanghai)).toBeGreaterThan(1060);
    expect(distanceKm(beijing, shanghai)).toBeLessThan(1075);
    expect(distanceKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.19, 1);
  });
});
