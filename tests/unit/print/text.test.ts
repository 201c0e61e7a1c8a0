import { describe, expect, it } from 'vitest';
import {
  NBSP,
  PROTECTED_COMPOUNDS,
  breakUnits,
  cleanText,
  joinGroups,
  protectCompounds,
  toUpperVietnamese,
} from '../../../src/shared/print/index.ts';
import { BIND_TO_NEXT, KEEP_TOGETHER, groupPattern } from '../../../src/shared/print/line-rules.ts';
import { FOOTER, HEADING, loadSlogans } from './helpers.ts';

/** One pattern a group, word boundaries as lookarounds: how the groups were found before `joinGroups`. */
const GROUP_PATTERNS = KEEP_TOGETHER.map((group) => groupPattern(group, ` ${NBSP}`));
const BIND_PATTERNS = BIND_TO_NEXT.map(
  (group) => new RegExp(`${groupPattern(group, ` ${NBSP}`, '').source} (?=\\S)`, 'giu'),
);
function joinGroupsByPatterns(text: string): string {
  let result = text;
  for (const pattern of GROUP_PATTERNS) result = result.replace(pattern, (match) => match.replace(/ /g, NBSP));
  for (const pattern of BIND_PATTERNS) result = result.replace(pattern, (match) => match.replace(/ $/, NBSP));
  return result;
}

describe('text preparation', () => {
  it('normalises NFD input to NFC', () => {
    const nfd = 'Chấm dứt bạo lực'.normalize('NFD');
    expect(nfd).not.toBe('Chấm dứt bạo lực');
    expect(cleanText(nfd)).toBe('Chấm dứt bạo lực'.normalize('NFC'));
  });

  it('collapses pasted line breaks, tabs, no-break spaces and repeated spaces, and trims', () => {
    expect(cleanText('  Chấm dứt\r\nbạo lực,\t\tvun\u00a0 đắp  \n')).toBe('Chấm dứt bạo lực, vun đắp');
  });

  it('removes soft hyphens, zero-width characters and a BOM', () => {
    expect(cleanText('\ufeffbạo\u00ad lực\u200b')).toBe('bạo lực');
  });

  it('gives an empty string for blank input', () => {
    expect(cleanText(' \n\t\u00a0 ')).toBe('');
  });

  it('upper-cases Vietnamese letters, đ included', () => {
    expect(toUpperVietnamese('đắp yêu thương, ạ')).toBe('ĐẮP YÊU THƯƠNG, Ạ');
  });

  it('joins the syllables of protected compounds with a no-break space, in any case', () => {
    expect(protectCompounds('Chấm dứt BẠO LỰC đối với phụ nữ và Trẻ Em')).toBe(
      `Chấm${NBSP}dứt BẠO${NBSP}LỰC đối${NBSP}với${NBSP}phụ${NBSP}nữ và Trẻ${NBSP}Em`,
    );
  });

  it('protects the four compounds named in the issue', () => {
    for (const compound of ['bạo lực', 'phụ nữ', 'trẻ em', 'bình đẳng']) {
      expect(PROTECTED_COMPOUNDS).toContain(compound);
      expect(breakUnits(compound)).toEqual([compound.split(' ')]);
    }
  });

  it('does not join a compound inside longer words', () => {
    // "lực" is followed by a letter here, so "bạo lựcx" is not the compound.
    expect(protectCompounds('bạo lựcx')).toBe('bạo lựcx');
  });

  it('keeps a number with the word that introduces it', () => {
    expect(breakUnits('giới năm 2020.')).toEqual([['giới'], ['năm', '2020.']]);
  });

  it('keeps a lone punctuation mark with the word before it', () => {
    expect(breakUnits('yêu thương !')).toEqual([['yêu', 'thương', '!']]);
  });

  it('splits every slogan into units that rebuild the slogan', () => {
    for (const slogan of loadSlogans()) {
      const units = breakUnits(slogan.text);
      expect(units.map((unit) => unit.join(' ')).join(' ')).toBe(cleanText(slogan.text));
    }
  });

  it('finds the groups as the patterns with word boundaries would: the boundary class is the same with and without the i flag', () => {
    const folded = /^[\p{L}\p{M}\p{N}]$/iu;
    const plain = /^[\p{L}\p{M}\p{N}]$/u;
    const differ: number[] = [];
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      const char = String.fromCodePoint(codePoint);
      if (folded.test(char) !== plain.test(char)) differ.push(codePoint);
    }
    expect(differ).toEqual([]);
  });

  it('joins the same groups as one pattern a group with lookarounds would, at the edges too', () => {
    const words = [...KEEP_TOGETHER, ...BIND_TO_NEXT].flatMap((group) => group.split(' '));
    const others = ['x', 'ẫ', '1', '2020', ',', '–', '!', '😀', '𝐀', NBSP, 'Đ', 'a\u0301', '%', 'mm', 'năm', '15/11'];
    const samples = [
      HEADING,
      FOOTER,
      ...loadSlogans().flatMap((slogan) => [slogan.text, toUpperVietnamese(slogan.text)]),
      'bạo lựcx',
      'xbạo lực',
      '1bạo lực',
      'bạo lực1',
      '😀bạo lực😀',
      '𝐀bạo lực',
      'đối với',
      'đối với ',
      'đối với  phụ nữ',
      `đối${NBSP}với phụ nữ`,
      'ĐỐI VỚI PHỤ NỮ',
    ];
    // A fixed walk through the words and the characters around them (no randomness).
    const pieces = [...words, ...others];
    for (let i = 0; i < 4000; i++) {
      const length = 2 + (i % 7);
      const parts: string[] = [];
      for (let j = 0; j < length; j++) {
        const piece = pieces[(i * 7 + j * 13 + ((i * j) % 11)) % pieces.length]!;
        parts.push((i + j) % 4 === 0 ? piece.toUpperCase() : piece);
      }
      samples.push(parts.join((i % 5 === 0 ? NBSP : ' ').repeat(1 + (i % 3 === 0 ? 1 : 0))));
    }
    for (const sample of samples) {
      const text = cleanText(sample);
      expect(joinGroups(text), text).toBe(joinGroupsByPatterns(text));
    }
  });
});
