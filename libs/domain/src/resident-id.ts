/**
 * Resident identity card numbers (公民身份号码, GB 11643-1999), phone numbers, and masking.
 *
 * Layout of the 18 characters:
 *   RRRRRR YYYYMMDD SSS C
 *   RRRRRR   address code (GB/T 2260) of the place of first registration
 *   YYYYMMDD birth date
 *   SSS      sequence code (顺序码); odd for men, even for women
 *   C        check character, ISO 7064 MOD 11-2 over the first 17 digits: 0-9 or X (for 10)
 *
 * Region rule: the address code is the code valid when the number was ISSUED; many regions have
 * since been abolished, merged or renamed (e.g. 510122 双流县 → 双流区 510116), and the current
 * table cannot know every historical code. So a number is accepted when its first 6 digits are a
 * known region, OR — as a fallback — its city (first 4 digits + '00') or its province (first 2
 * digits + '0000') is known. `regionMatch` says which, so callers may treat the fallbacks with care.
 * Numbers with an unknown province (e.g. 99xxxx) are rejected. (Residence permits for people from
 * 香港/澳门 use 810000/820000 and are accepted; Taiwan's 830000 is not a region and is rejected.)
 */
import { findRegion } from './regions/regions';

export type Gender = 'male' | 'female';

export type RegionMatch = 'exact' | 'city' | 'province';

export type ResidentIdParse =
  | {
      readonly ok: true;
      /** The number with a lower-case x normalised to X. */
      readonly id: string;
      readonly birthDate: string;
      readonly gender: Gender;
      /** The first 6 digits, as written. */
      readonly regionCode: string;
      readonly regionMatch: RegionMatch;
    }
  | { readonly ok: false; readonly problem: string };

const ID_SHAPE = /^\d{17}[\dX]$/;
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1900-01-01';
const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * CHECK_WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Today's date (YYYY-MM-DD) in China Standard Time, the calendar the numbers are issued in. */
export function chinaDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** True when `date` is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(date: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const utc = new Date(Date.UTC(year, month - 1, day));
  return utc.getUTCFullYear() === year && utc.getUTCMonth() === month - 1 && utc.getUTCDate() === day;
}

function matchRegion(code: string): RegionMatch | undefined {
  if (findRegion(code)) return 'exact';
  if (findRegion(`${code.slice(0, 4)}00`)) return 'city';
  if (findRegion(`${code.slice(0, 2)}0000`)) return 'province';
  return undefined;
}

/**
 * Validates and decodes a resident ID number. `today` (default: now) bounds the birth date.
 * Checks, in order: shape, check character, birth date (real, from 1900, not in the future), region.
 */
export function parseResidentId(id: string, today: Date = new Date()): ResidentIdParse {
  if (typeof id !== 'string') return { ok: false, problem: 'must be a string' };
  const normalised = id.toUpperCase();
  if (normalised.length !== 18) return { ok: false, problem: 'must be 18 characters long' };
  if (!ID_SHAPE.test(normalised)) return { ok: false, problem: 'must be 17 digits followed by a digit or X' };

  const expected = residentIdCheckCharacter(normalised.slice(0, 17));
  if (normalised[17] !== expected) return { ok: false, problem: 'check digit does not match (GB 11643 MOD 11-2)' };

  const birthDate = `${normalised.slice(6, 10)}-${normalised.slice(10, 12)}-${normalised.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) return { ok: false, problem: `birth date ${birthDate} is not a real date` };
  if (birthDate < EARLIEST_BIRTH_DATE) return { ok: false, problem: `birth date ${birthDate} is before 1900` };
  if (birthDate > chinaDate(today)) return { ok: false, problem: `birth date ${birthDate} is in the future` };

  const regionCode = normalised.slice(0, 6);
  const regionMatch = matchRegion(regionCode);
  if (!regionMatch) return { ok: false, problem: `region code ${regionCode} is not a known GB/T 2260 region` };

  const gender: Gender = Number(normalised[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, id: normalised, birthDate, gender, regionCode, regionMatch };
}

/** Age in whole years on `date` (YYYY-MM-DD, or an instant read in China time). */
export function ageOn(birthDate: string, date: string | Date): number {
  const on = typeof date === 'string' ? date : chinaDate(date);
  if (!isCalendarDate(birthDate) || !isCalendarDate(on)) throw new RangeError('dates must be YYYY-MM-DD');
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // MM-DD strings compare correctly; a 02-29 birthday counts from 03-01 in common years
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function maskMiddle(value: string, keepStart: number, keepEnd: number): string {
  if (value.length <= keepStart + keepEnd) return '*'.repeat(value.length);
  return value.slice(0, keepStart) + '*'.repeat(value.length - keepStart - keepEnd) + value.slice(value.length - keepEnd);
}

/** '510102199001011234' → '5101**********1234' (first 4, last 4 kept). */
export function maskResidentId(id: string): string {
  return maskMiddle(id, 4, 4);
}

/** '13800000000' → '138****0000' (first 3, last 4 kept). */
export function maskPhone(phone: string): string {
  return maskMiddle(phone, 3, 4);
}

/** A mainland China mobile number: 11 digits starting with 13–19. */
export function isMobilePhone(value: string): boolean {
  return typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);
}

export interface ResidentIdSpec {
  /** 6-digit address code; need not be a current region (tests use unknown ones too). */
  readonly regionCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  readonly gender: Gender;
  /** The 3-digit sequence code 0–999; its parity must match `gender`. Random when omitted. */
  readonly sequence?: number;
}

/** Builds a number with a correct check character, for tests and demo data. */
export function makeResidentId(spec: ResidentIdSpec): string {
  if (!/^\d{6}$/.test(spec.regionCode)) throw new RangeError('regionCode must be 6 digits');
  if (!isCalendarDate(spec.birthDate)) throw new RangeError('birthDate must be a real YYYY-MM-DD date');
  const wantOdd = spec.gender === 'male';
  const sequence = spec.sequence ?? Math.floor(Math.random() * 500) * 2 + (wantOdd ? 1 : 0);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new RangeError('sequence must be 0–999');
  if ((sequence % 2 === 1) !== wantOdd) throw new RangeError(`sequence ${sequence} does not encode gender ${spec.gender}`);
  const first17 = spec.regionCode + spec.birthDate.replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + residentIdCheckCharacter(first17);
}
