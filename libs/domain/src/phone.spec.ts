import { contactPhone, maskContactPhone, normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['+86 138 0000 0000', '13800000000'],
    ['0086 13800000000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['+1 555 0100', '+15550100'],
    ['86138', '86138'],
  ])('%s → %s', (written, normal) => {
    expect(normalisePhone(written)).toBe(normal);
  });
});

describe('contactPhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['0834-2345678', '0834-2345678'],
    ['(0834) 2345 678', '0834-2345678'],
    ['（0834）23456789', '0834-23456789'],
    ['010-12345678', '010-12345678'],
    ['02112345678', '021-12345678'],
  ])('reads %s as %s', (written, canonical) => {
    expect(contactPhone(written)).toBe(canonical);
  });

  it.each([
    ['12812345678', 'not a mobile prefix'],
    ['1381234567', 'a digit short'],
    ['2345678', 'no area code'],
    ['010-1234567', 'a three-digit area code with a seven-digit number'],
    ['0834-234567', 'too short a number'],
    ['0834-2345678-801', 'an extension'],
    ['+1 555 0100', 'a foreign number'],
    ['138abc45678', 'letters'],
    [`0834-2345678${' '.repeat(30)}`, 'longer than 32 characters'],
  ])('refuses %s (%s)', (written) => {
    expect(contactPhone(written)).toBeUndefined();
  });
});

describe('maskContactPhone', () => {
  it('keeps a mobile’s first three and last four digits, a landline’s area code and last four', () => {
    expect(maskContactPhone('13812345678')).toBe('138****5678');
    expect(maskContactPhone('0834-2345678')).toBe('0834-***5678');
    expect(maskContactPhone('010-12345678')).toBe('010-****5678');
  });
});
