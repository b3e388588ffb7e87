import {
  ageOn,
  chinaDate,
  isCalendarDate,
  isMobilePhone,
  makeResidentId,
  maskPhone,
  maskResidentId,
  parseResidentId,
  residentIdCheckCharacter,
} from './resident-id';

const TODAY = new Date('2026-11-29T00:00:00+08:00');

/** A number with a correct check character but arbitrary content (to test later checks). */
function withCheck(first17: string): string {
  return first17 + residentIdCheckCharacter(first17);
}

describe('parseResidentId', () => {
  it('accepts the GB 11643 textbook example 11010519491231002X', () => {
    expect(parseResidentId('11010519491231002X', TODAY)).toEqual({
      ok: true,
      id: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
      regionCode: '110105',
      regionMatch: 'exact',
    });
  });

  it('accepts a lower-case x and normalises it', () => {
    const parsed = parseResidentId('11010519491231002x', TODAY);
    expect(parsed).toMatchObject({ ok: true, id: '11010519491231002X' });
  });

  it('accepts a generated number and decodes it', () => {
    const id = makeResidentId({ regionCode: '513401', birthDate: '1990-01-01', gender: 'male', sequence: 123 });
    expect(id).toHaveLength(18);
    expect(id.startsWith('51340119900101123')).toBe(true);
    expect(parseResidentId(id, TODAY)).toEqual({
      ok: true, id, birthDate: '1990-01-01', gender: 'male', regionCode: '513401', regionMatch: 'exact',
    });
  });

  it('rejects a wrong check digit', () => {
    const good = makeResidentId({ regionCode: '440306', birthDate: '1985-06-15', gender: 'female', sequence: 42 });
    const last = good[17];
    const bad = good.slice(0, 17) + (last === '0' ? '1' : '0');
    const parsed = parseResidentId(bad, TODAY);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.problem).toMatch(/check digit/);
  });

  it('rejects wrong lengths and characters', () => {
    for (const id of ['', '1101051949123100', '11010519491231002XX', '110105194912310021 ']) {
      expect(parseResidentId(id, TODAY)).toEqual({ ok: false, problem: 'must be 18 characters long' });
    }
    expect(parseResidentId('1101051949123100Y2', TODAY)).toMatchObject({ ok: false, problem: expect.stringMatching(/17 digits/) });
    expect(parseResidentId('X10105194912310021', TODAY).ok).toBe(false);
    expect(parseResidentId(12345 as unknown as string, TODAY).ok).toBe(false);
  });

  it('rejects impossible, too early and future birth dates', () => {
    const feb30 = parseResidentId(withCheck('11010519900230123'), TODAY);
    expect(feb30).toMatchObject({ ok: false, problem: expect.stringMatching(/1990-02-30 is not a real date/) });
    expect(parseResidentId(withCheck('11010519010229123'), TODAY).ok).toBe(false); // 1901 not a leap year
    expect(parseResidentId(withCheck('11010520000229123'), TODAY).ok).toBe(true); // 2000 is
    expect(parseResidentId(withCheck('11010518991231123'), TODAY)).toMatchObject({ ok: false, problem: expect.stringMatching(/before 1900/) });
    expect(parseResidentId(withCheck('11010520261130123'), TODAY)).toMatchObject({ ok: false, problem: expect.stringMatching(/future/) });
    expect(parseResidentId(withCheck('11010520261129123'), TODAY).ok).toBe(true);
  });

  it('rejects an unknown province', () => {
    const id = makeResidentId({ regionCode: '990101', birthDate: '1990-01-01', gender: 'male', sequence: 1 });
    expect(parseResidentId(id, TODAY)).toMatchObject({ ok: false, problem: expect.stringMatching(/990101 is not a known/) });
  });

  it('accepts abolished codes through their city or province, and says so', () => {
    const oldCounty = makeResidentId({ regionCode: '510122', birthDate: '1980-05-05', gender: 'male', sequence: 7 }); // 双流县
    expect(parseResidentId(oldCounty, TODAY)).toMatchObject({ ok: true, regionCode: '510122', regionMatch: 'city' });
    const cityDistrictPlaceholder = makeResidentId({ regionCode: '440301', birthDate: '1980-05-05', gender: 'male', sequence: 9 }); // 深圳 市辖区
    expect(parseResidentId(cityDistrictPlaceholder, TODAY)).toMatchObject({ ok: true, regionMatch: 'city' });
    const unknownCity = makeResidentId({ regionCode: '519901', birthDate: '1980-05-05', gender: 'female', sequence: 8 });
    expect(parseResidentId(unknownCity, TODAY)).toMatchObject({ ok: true, regionMatch: 'province' });
  });

  it('reads gender from the parity of the 17th digit', () => {
    for (let sequence = 0; sequence < 10; sequence++) {
      const gender = sequence % 2 === 1 ? 'male' : 'female';
      const id = makeResidentId({ regionCode: '110101', birthDate: '2000-01-01', gender, sequence });
      expect(parseResidentId(id, TODAY)).toMatchObject({ ok: true, gender });
    }
  });
});

describe('makeResidentId', () => {
  it('makes valid random numbers of the requested gender', () => {
    for (let i = 0; i < 50; i++) {
      const gender = i % 2 === 0 ? 'male' : 'female';
      const id = makeResidentId({ regionCode: '440306', birthDate: '1995-07-20', gender });
      expect(parseResidentId(id, TODAY)).toMatchObject({ ok: true, gender, birthDate: '1995-07-20' });
    }
  });

  it('refuses bad input', () => {
    expect(() => makeResidentId({ regionCode: '4403', birthDate: '1995-07-20', gender: 'male' })).toThrow(RangeError);
    expect(() => makeResidentId({ regionCode: '440306', birthDate: '1995-02-30', gender: 'male' })).toThrow(RangeError);
    expect(() => makeResidentId({ regionCode: '440306', birthDate: '1995-07-20', gender: 'male', sequence: 2 })).toThrow(/gender/);
    expect(() => makeResidentId({ regionCode: '440306', birthDate: '1995-07-20', gender: 'male', sequence: 1001 })).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('counts whole years', () => {
    expect(ageOn('1990-06-15', '2026-06-14')).toBe(35);
    expect(ageOn('1990-06-15', '2026-06-15')).toBe(36);
    expect(ageOn('1990-06-15', '1990-06-15')).toBe(0);
  });

  it('handles 29 February birthdays', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
    expect(ageOn('2000-02-29', '2028-02-29')).toBe(28);
  });

  it('reads an instant in China time', () => {
    // 2026-06-14T16:30Z is already 06-15 in Beijing
    expect(ageOn('1990-06-15', new Date('2026-06-14T16:30:00Z'))).toBe(36);
    expect(chinaDate(new Date('2026-06-14T15:59:00Z'))).toBe('2026-06-14');
  });

  it('rejects malformed dates', () => {
    expect(() => ageOn('1990-13-01', '2026-01-01')).toThrow(RangeError);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});

describe('masking and phones', () => {
  it('masks resident ID numbers as first 4 + 10 stars + last 4', () => {
    expect(maskResidentId('510102199001011234')).toBe('5101**********1234');
    expect(maskResidentId('11010519491231002X')).toBe('1101**********002X');
    expect(maskResidentId('1234')).toBe('****');
  });

  it('masks phones as first 3 + 4 stars + last 4', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('12345')).toBe('*****');
  });

  it('recognises mainland mobile numbers', () => {
    expect(isMobilePhone('13800000000')).toBe(true);
    expect(isMobilePhone('19912345678')).toBe(true);
    expect(isMobilePhone('12800000000')).toBe(false);
    expect(isMobilePhone('1380000000')).toBe(false);
    expect(isMobilePhone('138000000001')).toBe(false);
    expect(isMobilePhone('+8613800000000')).toBe(false);
    expect(isMobilePhone('1380000000a')).toBe(false);
  });
});
