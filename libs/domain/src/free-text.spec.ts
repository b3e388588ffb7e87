import { redactPersonalNumbers } from './free-text';

describe('redactPersonalNumbers', () => {
  it.each([
    ['电话13800001234已接通', '电话138******34已接通'],
    ['身份证 51010219900101123X 核对', '身份证 510*************3X 核对'],
    ['call 138 0000 1234', 'call 138******34'],
    ['call 138-0000-1234.', 'call 138******34.'],
  ])('masks %s', (text, expected) => {
    expect(redactPersonalNumbers(text)).toBe(expected);
  });

  it.each(['工资 4500 元，3 个月', '2026-11-30 回访', '编号 1234567890'])('leaves %s alone', (text) => {
    expect(redactPersonalNumbers(text)).toBe(text);
  });
});
