import { LABOR_BRANDS } from '@laowu/domain';
import { jobData } from '@laowu/testkit';
import { toJobDocument } from './job.document';
import { LaborBrandNames, seededBrandNames } from './labor-brand-names';

describe('LaborBrandNames (劳务品牌 names for search and indexing)', () => {
  it('knows every seeded brand by code, name and keyword', () => {
    const names = new LaborBrandNames();
    expect(names.namesOf('chuan-mei-zi')).toEqual(expect.arrayContaining(['川妹子']));
    expect(names.codeOf('川妹子')).toBe('chuan-mei-zi');
    expect(names.codeOf(' chuan-mei-zi ')).toBe('chuan-mei-zi');
    for (const brand of LABOR_BRANDS) {
      expect(names.codeOf(brand.name)).toBe(brand.code);
      for (const keyword of brand.keywords) expect(names.codeOf(keyword)).toBe(brand.code);
    }
    expect(names.codeOf('不存在的品牌')).toBeUndefined();
    expect(names.namesOf('no-such-brand')).toEqual([]);
  });

  it('adds a bureau’s brand (the reference consumer’s seam) and finds it by its names', () => {
    const names = new LaborBrandNames();
    names.add('test-yi-jia', ['彝家阿妹', ' 阿妹家政 ', '']);
    expect(names.namesOf('test-yi-jia')).toEqual(['彝家阿妹', '阿妹家政']);
    expect(names.codeOf('阿妹家政')).toBe('test-yi-jia');
    expect(toJobDocument(jobData({ laborBrand: 'test-yi-jia' }), (code) => names.namesOf(code)).laborBrandText).toBe('彝家阿妹 阿妹家政');
  });

  it('indexes a job’s brand names from the seeds by default, and nothing without a brand', () => {
    expect(toJobDocument(jobData({ laborBrand: 'chuan-mei-zi' })).laborBrandText).toBe(seededBrandNames('chuan-mei-zi').join(' '));
    expect(seededBrandNames('chuan-mei-zi')[0]).toBe('川妹子');
    expect(toJobDocument(jobData()).laborBrandText).toBeUndefined();
  });
});
