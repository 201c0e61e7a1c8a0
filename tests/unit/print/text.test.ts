import { describe, expect, it } from 'vitest';
import {
  NBSP,
  PROTECTED_COMPOUNDS,
  breakUnits,
  cleanText,
  protectCompounds,
  toUpperVietnamese,
} from '../../../src/shared/print/index.ts';
import { loadSlogans } from './helpers.ts';

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
});
