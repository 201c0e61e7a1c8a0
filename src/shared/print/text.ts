/**
 * Text preparation before layout: Unicode normalisation, cleaning of pasted text,
 * and the words a line may never be broken inside.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { BIND_TO_NEXT, DATE_PATTERN, KEEP_TOGETHER, NUMBER_LEADS, NUMBER_UNITS, groupPattern } from './line-rules.ts';

/** No-break space: joins the syllables of a protected compound. */
export const NBSP = '\u00a0';

/** The word groups a line never splits (`KEEP_TOGETHER` in `line-rules.ts`). */
export const PROTECTED_COMPOUNDS: readonly string[] = KEEP_TOGETHER;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern per group; the words may already be joined by a no-break space. */
const COMPOUND_PATTERNS: readonly RegExp[] = KEEP_TOGETHER.map((group) => groupPattern(group, ` ${NBSP}`));

/** A group that leans on the next word, and the space after it. */
const BIND_PATTERNS: readonly RegExp[] = BIND_TO_NEXT.map(
  (group) => new RegExp(`${groupPattern(group, ` ${NBSP}`, '').source} (?=\\S)`, 'giu'),
);

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}])';

/** A word that introduces a number, and the space before the number. */
const NUMBER_PATTERN = new RegExp(`${NOT_WORD_BEFORE}(${NUMBER_LEADS.join('|')}) (?=\\p{N})`, 'giu');

/** A number, and the space before its unit. */
const UNIT_PATTERN = new RegExp(
  `(?<=\\p{N}) (?=(?:${NUMBER_UNITS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{M}\\p{N}]))`,
  'giu',
);

/** A space before a token made only of punctuation (" –", " !"): never break there. */
const LONE_PUNCTUATION_PATTERN = / (?=[\p{P}\p{S}]+(?: |$))/gu;

/** Normalise to NFC: NFD input (base letter + combining marks) draws broken and measures wrong. */
export function toNfc(text: string): string {
  return text.normalize('NFC');
}

/**
 * Clean text typed or pasted by a user: NFC, every run of whitespace or control
 * characters (pasted line breaks, tabs, no-break spaces) becomes one space,
 * invisible format characters (soft hyphen, zero-width spaces, BOM, bidi marks)
 * are removed, and the ends are trimmed. An all-blank input gives "".
 */
export function cleanText(text: string): string {
  return toNfc(text)
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .replace(/\p{Cf}/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Upper-case Vietnamese text and keep it NFC ("đ" → "Đ", "ạ" → "Ạ"). */
export function toUpperVietnamese(text: string): string {
  return toNfc(text.toUpperCase());
}

/**
 * Join with no-break spaces, by the rules of `line-rules.ts`: the words of every
 * protected group, a group that leans on the next word to that word, a number to
 * the word that introduces it and to its unit, a lone punctuation mark to the word
 * before it, and a date to the word before it. Input should be cleaned first.
 */
export function protectCompounds(text: string): string {
  let result = text;
  for (const pattern of COMPOUND_PATTERNS) {
    result = result.replace(pattern, (match) => match.replace(/ /g, NBSP));
  }
  for (const pattern of BIND_PATTERNS) {
    result = result.replace(pattern, (match) => match.replace(/ $/, NBSP));
  }
  result = result
    .replace(NUMBER_PATTERN, (match) => match.replace(/ $/, NBSP))
    .replace(UNIT_PATTERN, NBSP)
    .replace(LONE_PUNCTUATION_PATTERN, NBSP);
  // A date never stands alone: it stays with the word before it.
  return result
    .split(' ')
    .reduce<string[]>((words, word) => {
      const previous = words[words.length - 1];
      if (previous !== undefined && DATE_PATTERN.test(word.split(NBSP)[0] ?? ''))
        words[words.length - 1] = `${previous}${NBSP}${word}`;
      else words.push(word);
      return words;
    }, [])
    .join(' ');
}

/**
 * Split cleaned text into the units a line may be broken between: each unit is a
 * list of words that must stay on one line.
 * `"Chấm dứt bạo lực, vun đắp"` → `[["Chấm","dứt"],["bạo","lực,"],["vun","đắp"]]`.
 */
export function breakUnits(text: string): string[][] {
  return protectCompounds(cleanText(text))
    .split(' ')
    .filter((unit) => unit.length > 0)
    .map((unit) => unit.split(NBSP).filter((word) => word.length > 0));
}
