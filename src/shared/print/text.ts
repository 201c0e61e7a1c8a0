/**
 * Text preparation before layout: Unicode normalisation, cleaning of pasted text,
 * and the words a line may never be broken inside.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { BIND_TO_NEXT, DATE_PATTERN, KEEP_TOGETHER, NUMBER_LEADS, NUMBER_UNITS, groupWords } from './line-rules.ts';

/** No-break space: joins the syllables of a protected compound. */
export const NBSP = '\u00a0';

/** The word groups a line never splits (`KEEP_TOGETHER` in `line-rules.ts`). */
export const PROTECTED_COMPOUNDS: readonly string[] = KEEP_TOGETHER;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/*
 * The groups are found by their words alone, and the word boundaries around them (no letter,
 * mark or digit touching) checked apart (`replaceBounded`), rather than by one pattern a group
 * with `(?<![\p{L}\p{M}\p{N}])` and `(?![\p{L}\p{M}\p{N}])` around the words: under the
 * `i` flag V8 builds the case closure of those classes for each pattern as it compiles it,
 * about 2 ms a pattern on a desktop (over 100 patterns: the most of the customiser's first
 * layout on a slow phone, near a second), against a few hundredths for the words alone. The
 * result is the same: the class is the same with and without `i` (every code point is
 * checked in tests/unit/print/text.test.ts), and a group's words match a fixed length
 * wherever they start, so the first match whose boundaries hold is the pattern's.
 */

/** Letters, marks and digits: what may not touch a group's words on either side. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const WHITESPACE = /\s/u;

/** The code point starting at `index` (a whole surrogate pair), or "" at the end. */
const charAt = (text: string, index: number): string => {
  const codePoint = text.codePointAt(index);
  return codePoint === undefined ? '' : String.fromCodePoint(codePoint);
};

/** The code point ending just before `index` (a whole surrogate pair), or "" at the start. */
const charBefore = (text: string, index: number): string => {
  if (index <= 0) return '';
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return charAt(text, pair ? index - 2 : index - 1);
};

/**
 * `text` with every match of `words` (a global pattern of fixed-length matches) that no
 * letter, mark or digit touches on its left, and that `after` accepts the character after
 * (the code point there, "" at the end), replaced by `replace(match)`.
 */
function replaceBounded(
  text: string,
  words: RegExp,
  after: (next: string) => boolean,
  replace: (match: string) => string,
): string {
  let result = '';
  let done = 0;
  words.lastIndex = 0;
  for (let match = words.exec(text); match; match = words.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (WORD_CHAR.test(charBefore(text, start)) || !after(charAt(text, end))) {
      words.lastIndex = start + Math.max(1, charAt(text, start).length);
      continue;
    }
    result += text.slice(done, start) + replace(match[0]);
    done = end;
    words.lastIndex = Math.max(end, start + 1);
  }
  return result + text.slice(done);
}

/** The words of each group; they may already be joined by a no-break space. */
const COMPOUND_WORDS: readonly RegExp[] = KEEP_TOGETHER.map((group) => groupWords(group, ` ${NBSP}`));

/** A group that leans on the next word, with the space after it (then a word). */
const BIND_WORDS: readonly RegExp[] = BIND_TO_NEXT.map(
  (group) => new RegExp(`${groupWords(group, ` ${NBSP}`, '').source} `, 'giu'),
);

const notWordChar = (next: string): boolean => !WORD_CHAR.test(next);
const startsWord = (next: string): boolean => next !== '' && !WHITESPACE.test(next);

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
 * The first step of `protectCompounds`: the words of every protected group joined with
 * no-break spaces, and a group that leans on the next word joined to that word.
 */
export function joinGroups(text: string): string {
  let result = text;
  for (const words of COMPOUND_WORDS) {
    result = replaceBounded(result, words, notWordChar, (match) => match.replace(/ /g, NBSP));
  }
  for (const words of BIND_WORDS) {
    result = replaceBounded(result, words, startsWord, (match) => match.replace(/ $/, NBSP));
  }
  return result;
}

/**
 * Join with no-break spaces, by the rules of `line-rules.ts`: the words of every
 * protected group, a group that leans on the next word to that word, a number to
 * the word that introduces it and to its unit, a lone punctuation mark to the word
 * before it, and a date to the word before it. Input should be cleaned first.
 */
export function protectCompounds(text: string): string {
  const result = joinGroups(text)
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
