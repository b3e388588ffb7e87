import { CERTIFICATE_DEFINITIONS, SKILL_DEFINITIONS } from './skills.data';
import {
  CERTIFICATES,
  certificateValidUntil,
  SKILLS,
  findCertificate,
  findSkill,
  isKnownCertificate,
  isKnownSkill,
  searchCertificates,
  searchSkills,
} from './skills';

describe('skill taxonomy', () => {
  it('has at least 150 skills with unique lowercase-kebab codes', () => {
    expect(SKILLS.length).toBeGreaterThanOrEqual(150);
    const codes = SKILLS.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every skill a Chinese name, an English name and a sector', () => {
    for (const skill of SKILLS) {
      expect(skill.name).toMatch(/[\u4e00-\u9fff]/);
      expect(skill.nameEn).toMatch(/^[A-Z]/);
      expect(skill.sector).toBeTruthy();
    }
  });

  it('uses well-formed occupation codes only where set', () => {
    const withCode = SKILLS.filter((s) => s.occupationCode !== undefined);
    expect(withCode.length).toBeGreaterThan(40);
    for (const skill of withCode) expect(skill.occupationCode).toMatch(/^\d-\d{2}-\d{2}-\d{2}$/);
    expect(SKILLS.filter((s) => s.occupationCode === undefined).every((s) => !('occupationCode' in s))).toBe(true);
  });

  it('contains the core trades', () => {
    for (const code of [
      'welding', 'electrician', 'forklift', 'tower-crane', 'domestic-cleaning', 'elderly-care',
      'sewing-machine', 'cnc-operation', 'courier-delivery', 'tea-picking', 'masonry', 'infant-care',
    ]) {
      expect(isKnownSkill(code)).toBe(true);
    }
    expect(findSkill('welding')).toEqual({
      code: 'welding', name: '焊工', nameEn: 'Welding', occupationCode: '6-18-02-04', sector: 'manufacturing',
    });
    expect(isKnownSkill('welder-cert')).toBe(false);
    expect(findSkill('no-such-skill')).toBeUndefined();
  });

  it('does not expose search keywords', () => {
    expect(Object.keys(findSkill('welding')!)).not.toContain('keywords');
  });

  it('keeps definitions and exported lists aligned', () => {
    expect(SKILLS).toHaveLength(SKILL_DEFINITIONS.length);
    expect(CERTIFICATES).toHaveLength(CERTIFICATE_DEFINITIONS.length);
  });
});

describe('certificates', () => {
  it('contains the commonly asked-for certificates, disjoint from skills', () => {
    for (const code of [
      'welder-cert', 'electrician-cert', 'forklift-license', 'health-cert', 'driver-license-c1',
      'driver-license-a2', 'childcare-cert', 'elderly-care-cert',
    ]) {
      expect(isKnownCertificate(code)).toBe(true);
      expect(isKnownSkill(code)).toBe(false);
    }
    expect(findCertificate('welder-cert')!.name).toContain('焊');
    expect(isKnownCertificate('welding')).toBe(false);
    const codes = CERTIFICATES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('can be searched', () => {
    expect(searchCertificates('叉车').map((c) => c.code)).toContain('forklift-license');
  });
});

describe('searchSkills', () => {
  it("finds welding for '焊', best match first", () => {
    const codes = searchSkills('焊').map((s) => s.code);
    expect(codes[0]).toBe('welding');
    expect(codes).toContain('hand-soldering');
  });

  it('matches English names and codes case-insensitively', () => {
    expect(searchSkills('WELD').map((s) => s.code)).toContain('welding');
    expect(searchSkills('Forklift')[0].code).toBe('forklift');
    expect(searchSkills('tower-crane')[0].code).toBe('tower-crane');
    expect(searchSkills('cnc').map((s) => s.code)).toEqual(expect.arrayContaining(['cnc-operation', 'cnc-programming']));
  });

  it('matches colloquial keywords', () => {
    expect(searchSkills('电焊').map((s) => s.code)).toContain('welding');
    expect(searchSkills('月嫂').map((s) => s.code)).toContain('maternity-care');
    expect(searchSkills('外卖').map((s) => s.code)).toContain('food-delivery');
  });

  it('respects the limit and handles empty or unmatched queries', () => {
    expect(searchSkills('', 5)).toHaveLength(5);
    expect(searchSkills('  ')).toHaveLength(50);
    expect(searchSkills('工', 3)).toHaveLength(3);
    expect(searchSkills('zzzz-not-a-skill')).toEqual([]);
    expect(searchSkills('焊', 0)).toEqual([]);
  });

  it('returns the public shape', () => {
    const [first] = searchSkills('焊');
    expect(Object.keys(first).sort()).toEqual(['code', 'name', 'nameEn', 'occupationCode', 'sector']);
  });
});

describe('certificateValidUntil', () => {
  it('ends the day before the anniversary of issue, validityYears later', () => {
    expect(certificateValidUntil('welder-cert', '2020-06-15')).toBe('2026-06-14'); // 特种作业 6 years
    expect(certificateValidUntil('forklift-license', '2023-01-01')).toBe('2026-12-31'); // 特种设备 4 years
    expect(certificateValidUntil('health-cert', '2024-02-29')).toBe('2025-02-28'); // no 29 February in 2025
  });

  it('is undefined for a certificate that does not expire and for an unknown code', () => {
    expect(certificateValidUntil('elderly-care-cert', '2020-01-01')).toBeUndefined();
    expect(certificateValidUntil('no-such-cert', '2020-01-01')).toBeUndefined();
  });

  it('gives every special-operations certificate a validity', () => {
    const special = CERTIFICATES.filter((c) => c.name.includes('特种'));
    expect(special.length).toBeGreaterThan(10);
    expect(special.filter((c) => !c.validityYears).map((c) => c.code)).toEqual([]);
  });
});
