import { jobData } from '@laowu/testkit';
import { toJobDocument } from '../indexing/job.document';
import { keywordsReason, wordMatch } from './keyword-reasons';

describe('keyword reasons', () => {
  const table = { groups: [['焊工', '电焊', '氩弧焊']], shortNames: [['昭觉县', '昭觉']] as [string, string][] };
  const job = (title: string, description = '包吃住', regionCode = '440306') => toJobDocument(jobData({ title, description, location: { regionCode, lat: 22.55, lon: 113.88 } }));

  it('names the field and the word: exact, through a synonym, or the part found', () => {
    expect(wordMatch('电焊', job('电焊工'), table)).toBe('标题含“电焊”');
    expect(wordMatch('电焊', job('焊工 包吃住'), table)).toBe('标题含“焊工”（“电焊”的同义词）');
    expect(wordMatch('果园采摘', job('柑橘采摘工'), table)).toBe('标题含“采摘”（“果园采摘”的一部分）');
    expect(wordMatch('电焊', job('普工', '会电焊优先'), table)).toBe('描述含“电焊”');
    expect(wordMatch('宝安', job('普工'), table)).toBe('地区含“宝安”');
    expect(wordMatch('昭觉县', job('昭觉专场'), table)).toBe('标题含“昭觉”（“昭觉县”的同义词）');
    expect(wordMatch('电焊', job('普工'), table)).toBeUndefined();
  });

  it('joins the words of q into one reason that adds nothing to the score', () => {
    expect(keywordsReason('电焊 宝安', job('电焊工'))).toEqual({ factor: 'keywords', contribution: 0, detail: '标题含“电焊”；地区含“宝安”' });
    expect(keywordsReason('挖掘机', job('电焊工'))).toBeUndefined();
  });
});
