/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters — registration authority (1), organisation kind
 * (1), the registering region (6, GB/T 2260), the organisation code (9, GB 11714 with its own check
 * character) and a check character over the first 17.
 */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORGANISATION_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORGANISATION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** GB 32100's check character: weights 3^i mod 31 for positions 0–16, check = (31 − sum mod 31) mod 31. */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const char of first17) {
    sum += CREDIT_ALPHABET.indexOf(char) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}

/** GB 11714's check character of an 8-character organisation code body: 0–9, or X for 10. */
export function organisationCodeCheckCharacter(first8: string): string {
  const sum = [...first8].reduce((total, char, i) => total + ORGANISATION_ALPHABET.indexOf(char) * ORGANISATION_WEIGHTS[i], 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

/** Why `code` is not a valid 统一社会信用代码, or undefined when it is. */
export function creditCodeProblem(code: string): string | undefined {
  if (!CREDIT_CODE_SHAPE.test(code)) {
    return 'must be 18 characters: digits and capital letters other than I, O, S, V, Z, with a six-digit region code in characters 3–8';
  }
  const organisation = code.slice(8, 17);
  if (organisationCodeCheckCharacter(organisation.slice(0, 8)) !== organisation[8]) {
    return `its organisation code ${organisation} fails the GB 11714 check character`;
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return `its check character ${code[17]} is wrong (GB 32100)`;
  return undefined;
}

/** The GB/T 2260 region embedded in a credit code (characters 3–8), where the organisation registered. */
export const creditCodeRegion = (code: string): string => code.slice(2, 8);

/**
 * A well-formed 统一社会信用代码 for tests, demos and benchmarks (like makeResidentId): a
 * 企业 (91) registered in `regionCode` with the organisation body `body8` (8 digits).
 */
export function makeCreditCode(regionCode: string, body8: string): string {
  const first17 = `91${regionCode}${body8}${organisationCodeCheckCharacter(body8)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
