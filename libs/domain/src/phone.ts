/**
 * Phone numbers as people write them: a mainland mobile (138 0000 0000, +86 138-0000-0000) or a
 * landline with its area code (0834-2345678, (010) 1234 5678). Area codes (长途区号) of 北京, 上海,
 * 天津, 重庆 and the 02x cities have three digits and eight-digit numbers; every other one has four
 * digits and a seven- or eight-digit number, so a written landline splits one way only.
 */
import { isMobilePhone, maskPhone } from './resident-id';

const THREE_DIGIT_AREA = /^(0(?:10|2\d))(\d{8})$/;
const FOUR_DIGIT_AREA = /^(0[3-9]\d{2})(\d{7,8})$/;

/** '+86 138-0000-0000', '0086 13800000000', ' 138 0000 0000 ' → '13800000000': spaces and dashes out, the country code off. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[\s-]/g, '');
  return /^(\+86|0086|86)1\d{10}$/.test(digits) ? digits.slice(digits.length - 11) : digits;
}

/**
 * A contact number in one written form: a mobile as its 11 digits, a landline as
 * `<area code>-<number>`; undefined when it is neither (no extension, no foreign number).
 */
export function contactPhone(written: string): string | undefined {
  if (typeof written !== 'string' || written.length > 32) return undefined;
  const digits = normalisePhone(written.replace(/[()（）]/g, ''));
  if (isMobilePhone(digits)) return digits;
  const landline = THREE_DIGIT_AREA.exec(digits) ?? FOUR_DIGIT_AREA.exec(digits);
  return landline ? `${landline[1]}-${landline[2]}` : undefined;
}

/**
 * A contact number (contactPhone's form) masked for readers who may only know it exists:
 * '13812345678' → '138****5678', '0834-2345678' → '0834-***5678' (the area code and last four kept).
 */
export function maskContactPhone(phone: string): string {
  const dash = phone.indexOf('-');
  if (dash < 0) return maskPhone(phone);
  const number = phone.slice(dash + 1);
  return `${phone.slice(0, dash)}-${'*'.repeat(Math.max(number.length - 4, 0))}${number.slice(-4)}`;
}
