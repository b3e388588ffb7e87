import { creditCodeCheckCharacter, creditCodeProblem, creditCodeRegion, makeCreditCode, organisationCodeCheckCharacter } from './credit-code';

// Published codes of real companies (from their business licences as shown in public filings).
const REAL_CODES = {
  tencentShenzhen: '9144030071526726XG',
  alibabaChina: '91330100716105852F',
  huaweiTechnologies: '914403001922038216',
  xiaomiBeijing: '91110108551385082Q',
};

describe('统一社会信用代码 (GB 32100) validation', () => {
  it.each(Object.entries(REAL_CODES))('accepts the real code of %s', (_, code) => {
    expect(creditCodeProblem(code)).toBeUndefined();
  });

  it('refuses a wrong check character, naming it', () => {
    expect(creditCodeProblem('914403001922038217')).toMatch(/check character 7 is wrong/);
  });

  it('refuses a code whose embedded organisation code fails GB 11714, even with a matching 18th character', () => {
    // Huawei's organisation code 19220382-1 with its check digit changed to 2.
    const first17 = '91440300192203822';
    const code = first17 + creditCodeCheckCharacter(first17);
    expect(creditCodeProblem(code)).toMatch(/organisation code 192203822 fails/);
  });

  it('works the organisation check digit as by hand: 71526726 → X', () => {
    // 7·3 + 1·7 + 5·9 + 2·10 + 6·5 + 7·8 + 2·4 + 6·2 = 21+7+45+20+30+56+8+12 = 199; 199 mod 11 = 1; 11 − 1 = 10 → X
    expect(organisationCodeCheckCharacter('71526726')).toBe('X');
  });

  it('refuses letters outside the alphabet and wrong lengths', () => {
    expect(creditCodeProblem('9144030071526726XGA')).toMatch(/18 characters/);
    expect(creditCodeProblem('9I4403001922038216')).toMatch(/18 characters/);
    expect(creditCodeProblem('91AB03001922038216')).toMatch(/region code/);
  });

  it('reads the registering region from characters 3–8', () => {
    expect(creditCodeRegion(REAL_CODES.alibabaChina)).toBe('330100');
  });
});

describe('makeCreditCode', () => {
  it('rebuilds a real code from its parts', () => {
    expect(makeCreditCode('440300', '71526726')).toBe('9144030071526726XG');
  });

  it('makes codes that pass validation and carry their region', () => {
    for (const body of ['00000000', '12345678', '99999999']) {
      const code = makeCreditCode('513401', body);
      expect(creditCodeProblem(code)).toBeUndefined();
      expect(creditCodeRegion(code)).toBe('513401');
    }
  });
});
