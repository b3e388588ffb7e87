import { regionShortName, regionShortNames, searchSynonyms, skillSynonymGroups, synonymRules, synonymVariants } from './search-synonyms';

describe('search synonyms generated from the reference data', () => {
  it('shortens region names as people say them, and not to one character or a synthetic level', () => {
    expect(regionShortName('昭觉县')).toBe('昭觉');
    expect(regionShortName('深圳市')).toBe('深圳');
    expect(regionShortName('四川省')).toBe('四川');
    expect(regionShortName('凉山彝族自治州')).toBe('凉山');
    expect(regionShortName('新疆维吾尔自治区')).toBe('新疆');
    expect(regionShortName('积石山保安族东乡族撒拉族自治县')).toBe('积石山');
    expect(regionShortName('管城回族区')).toBe('管城');
    expect(regionShortName('香港特别行政区')).toBe('香港');
    expect(regionShortName('赵县')).toBeUndefined();
    expect(regionShortName('城区')).toBeUndefined();
    expect(regionShortName('北京市辖区')).toBeUndefined();
    expect(regionShortName('香港')).toBeUndefined();
  });

  it('leaves out a short name that regions of different names share', () => {
    const regions = ['朝阳区', '朝阳县', '昭觉县', '鼓楼区', '鼓楼区', '赵县'].map((name) => ({ name }));
    expect(regionShortNames(regions)).toEqual([['昭觉县', '昭觉'], ['鼓楼区', '鼓楼']]);
  });

  it('covers the real region table: 昭觉县 → 昭觉, 深圳市 → 深圳, nothing for 朝阳 or 吉林, no one-character name', () => {
    const pairs = regionShortNames();
    expect(pairs).toEqual(expect.arrayContaining([['昭觉县', '昭觉'], ['深圳市', '深圳'], ['凉山彝族自治州', '凉山']]));
    expect(pairs.filter(([, short]) => short === '朝阳' || short === '吉林' || short === '河南')).toEqual([]);
    expect(pairs.filter(([, short]) => [...short].length < 2)).toEqual([]);
  });

  it('makes one group per skill, keeping a shared term with the skill it names and dropping one only keywords share', () => {
    const groups = skillSynonymGroups([
      { code: 'lathe', terms: ['车工', '车床'] },
      { code: 'sewing', terms: ['缝纫机操作', '车位', '车工（服装）'] },
      { code: 'a', terms: ['甲工', '共用'] },
      { code: 'b', terms: ['乙工', '共用', '乙'] },
    ]);
    expect(groups).toEqual([['车工', '车床'], ['缝纫机操作', '车位']]);
  });

  it('builds the real groups from the taxonomy (电焊 with 焊工, 瓦工 with 砌筑工), no term in two groups', () => {
    const { groups } = searchSynonyms();
    expect(groups).toEqual(expect.arrayContaining([expect.arrayContaining(['焊工', '电焊']), expect.arrayContaining(['砌筑工', '瓦工'])]));
    const terms = groups.flat();
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('writes Solr rules: a group of equivalents, a region one way', () => {
    expect(synonymRules({ groups: [['焊工', '电焊']], shortNames: [['昭觉县', '昭觉']] })).toEqual(['焊工, 电焊', '昭觉县 => 昭觉县, 昭觉']);
  });

  it('tells the words a query word also finds', () => {
    const table = { groups: [['焊工', '电焊', '氩弧焊']], shortNames: [['昭觉县', '昭觉']] as [string, string][] };
    expect(synonymVariants('电焊', table)).toEqual([{ variant: '焊工', via: '焊工' }, { variant: '氩弧焊', via: '氩弧焊' }]);
    expect(synonymVariants('招电焊', table).map((v) => v.variant)).toEqual(['招焊工', '招氩弧焊']);
    expect(synonymVariants('昭觉县护林员', table)).toEqual([{ variant: '昭觉护林员', via: '昭觉' }]);
    expect(synonymVariants('普工', table)).toEqual([]);
  });
});
