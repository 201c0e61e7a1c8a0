/**
 * Vietnamese telephone numbers as a unit types its own line into the customiser
 * (/tao-mau/): checked against the national numbering plan, and cleaned for print.
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Accepted, with or without the country code +84 (or 0084) in place of the leading 0:
 * - mobile: 10 digits, 03x, 05x, 07x, 08x or 09x;
 * - fixed line: 11 digits, 02 and the area code (0213…, 024…, 028…);
 * - free and paid service numbers: 1800 or 1900 and 4 or 6 digits.
 * Digits may be grouped with spaces, dots or hyphens. Anything else (letters, a short
 * code such as 113, too few or too many digits) is refused with a reason.
 */

/** Longest text the field takes (`maxlength`): the longest number grouped with separators and +84. */
export const PHONE_MAX_LENGTH = 24;

/** Why a number was refused: characters other than digits and separators, or digits that make no Vietnamese number. */
export type PhoneProblem = 'characters' | 'number';

export type PhoneCheck =
  /** Nothing typed (blanks only): no phone line. */
  | { readonly kind: 'empty' }
  /** A valid number: `digits` in national form (leading 0 or 1800/1900), `shown` as typed with its spacing tidied. */
  | { readonly kind: 'valid'; readonly digits: string; readonly shown: string }
  | { readonly kind: 'invalid'; readonly problem: PhoneProblem };

const ALLOWED = /^\+?[0-9 .\-()]+$/;
const NATIONAL = [
  /^0[35789][0-9]{8}$/, // mobile
  /^02[0-9]{9}$/, // fixed line, with the area code
  /^1[89]00(?:[0-9]{4}|[0-9]{6})$/, // service numbers
];

/** Check a phone number as typed. Never throws. */
export function checkVietnamesePhone(raw: string): PhoneCheck {
  const text = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'empty' };
  if (!ALLOWED.test(text) || text.lastIndexOf('+') > 0) return { kind: 'invalid', problem: 'characters' };
  let digits = text.replace(/[^0-9]/g, '');
  if (text.startsWith('+')) {
    if (!digits.startsWith('84')) return { kind: 'invalid', problem: 'number' };
    digits = `0${digits.slice(2)}`;
  } else if (digits.startsWith('0084')) {
    digits = `0${digits.slice(4)}`;
  }
  if (!NATIONAL.some((pattern) => pattern.test(digits))) return { kind: 'invalid', problem: 'number' };
  return { kind: 'valid', digits, shown: text };
}
