// The resident ID number's check character (GB 11643, ISO 7064 MOD 11-2), checked as staff type.
// The server checks the whole number again (libs/domain/src/resident-id.ts: date and region too);
// this is only the quick check the browser can do without the region table.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** What is wrong with a typed number: undefined, 'length', 'shape' or 'check'. */
export function residentIdProblem(text) {
  const id = String(text).trim().toUpperCase();
  if (id.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(id)) return 'shape';
  return id[17] === checkCharacter(id.slice(0, 17)) ? undefined : 'check';
}
