import { SKILL_DEFINITIONS, CERTIFICATE_DEFINITIONS } from '../skills/skills.data';
import { OCCUPATION_DEFINITIONS } from './occupations.data';
import { findOccupation, isKnownOccupation, OCCUPATIONS, searchOccupations } from './occupations';

describe('occupations (国家职业分类大典 2022)', () => {
  it('has unique, well-formed detailed-occupation codes in code order, each with a Chinese name', () => {
    const codes = OCCUPATIONS.map((o) => o.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of OCCUPATIONS) {
      expect(o.code).toMatch(/^[1-8]-\d{2}-\d{2}-\d{2}$/);
      expect(o.name).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(codes).toEqual([...codes].sort());
  });

  it('knows every occupation code the skill taxonomy and certificates use', () => {
    const used = [...SKILL_DEFINITIONS, ...CERTIFICATE_DEFINITIONS].flatMap((d) => (d.occupationCode ? [d.occupationCode] : []));
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((code) => !isKnownOccupation(code))).toEqual([]);
  });

  it('covers the common migrant-worker trades', () => {
    for (const [code, name] of [
      ['6-29-01-01', '砌筑工'], ['6-29-01-04', '钢筋工'], ['6-18-02-04', '焊工'], ['4-02-07-08', '快递员'], ['4-02-05-01', '装卸搬运工'],
      ['4-10-01-06', '家政服务员'], ['4-03-02-01', '中式烹调师'], ['5-01-02-01', '农艺工'], ['4-07-05-01', '保安员'],
    ]) {
      expect(findOccupation(code)).toEqual({ code, name });
    }
    expect(new Set(OCCUPATIONS.map((o) => o.code.slice(0, 1)))).toEqual(new Set(['4', '5', '6']));
  });

  it('states a source for every occupation', () => {
    for (const o of OCCUPATION_DEFINITIONS) expect(['draft', 'edition', 'standard', 'taxonomy']).toContain(o.source);
  });

  it('refuses codes it does not know, however well-formed', () => {
    expect(isKnownOccupation('9-99-99-99')).toBe(false);
    expect(isKnownOccupation('6-29-01-02')).toBe(false);
    expect(isKnownOccupation('62901 01')).toBe(false);
    expect(findOccupation('')).toBeUndefined();
  });

  it('searches by code prefix, name and keyword, best first', () => {
    expect(searchOccupations('焊工')[0]).toEqual({ code: '6-18-02-04', name: '焊工' });
    expect(searchOccupations('电焊')).toEqual([{ code: '6-18-02-04', name: '焊工' }]);
    const construction = searchOccupations('6-29');
    expect(construction.length).toBeGreaterThanOrEqual(10);
    expect(construction.every((o) => o.code.startsWith('6-29'))).toBe(true);
    expect(searchOccupations('叉车').map((o) => o.code)).toEqual(['6-30-05-01']);
    // exact name before a name that only contains it
    const drivers = searchOccupations('快递员');
    expect(drivers[0].code).toBe('4-02-07-08');
    expect(searchOccupations('不存在')).toEqual([]);
  });

  it('lists in code order for an empty query, within the limit', () => {
    expect(searchOccupations('', 5)).toEqual(OCCUPATIONS.slice(0, 5));
    expect(searchOccupations('').length).toBe(Math.min(50, OCCUPATIONS.length));
  });
});
