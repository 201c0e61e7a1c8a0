import { describe, expect, it } from 'vitest';
import { fold, foldQuery, hasSearchableText, MARK, unfold } from '../../../src/shared/search/fold.ts';

/** What Pagefind does to a word before matching it: NFD, combining marks removed. */
const pagefindStripped = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

describe('MARK', () => {
  it('is a combining mark, which Pagefind strips to match, and a letter, which it keeps inside a word', () => {
    expect(MARK).toMatch(/^\p{M}$/u);
    expect(MARK).toMatch(/^\p{Alphabetic}$/u);
    expect(MARK.normalize('NFD')).toBe(MARK);
  });
});

describe('fold', () => {
  it('writes đ and Đ as d and D followed by the combining mark, and nothing else', () => {
    expect(fold('vun đắp')).toBe(`vun d${MARK}ắp`);
    expect(fold('Đường Đ')).toBe(`D${MARK}ường D${MARK}`);
    expect(fold('bạo lực, dứt 25/11')).toBe('bạo lực, dứt 25/11');
  });

  it('gives words whose mark-stripped form is the spelling typed with d', () => {
    for (const [written, typed] of [
      ['đắp', 'dap'],
      ['Đẳng', 'dang'],
      ['đối', 'doi'],
      ['đơn', 'don'],
    ]) {
      expect(pagefindStripped(fold(written!)).toLowerCase()).toBe(typed);
    }
  });

  it('keeps the written form distinct from a genuine d, so exact spellings still rank first', () => {
    expect(fold('đang')).not.toBe('dang');
    expect(fold('đang')).toBe(foldQuery('đang'));
  });

  it('keeps every word and its position', () => {
    const text = 'Bình đẳng giới là chìa khóa để chấm dứt bạo lực đối với phụ nữ';
    expect(fold(text).split(/\s+/)).toHaveLength(text.split(/\s+/).length);
  });
});

describe('unfold', () => {
  it('restores the real text exactly', () => {
    const text = 'Đài Truyền thanh – Truyền hình huyện; đối với phụ nữ; dắp, dang dở, ĐẢNG';
    expect(unfold(fold(text))).toBe(text);
  });

  it('leaves text without the mark unchanged', () => {
    expect(unfold('dang dở, Dân')).toBe('dang dở, Dân');
  });
});

describe('foldQuery', () => {
  it('folds like the index, after composing marks typed separately', () => {
    expect(foldQuery('bình đẳng giới'.normalize('NFD'))).toBe(fold('bình đẳng giới'));
  });

  it('trims and collapses spaces', () => {
    expect(foldQuery('  vun \t đắp  ')).toBe(fold('vun đắp'));
  });

  it('leaves a query without đ as typed', () => {
    expect(foldQuery('binh dang gioi')).toBe('binh dang gioi');
  });
});

describe('hasSearchableText', () => {
  it('is false for punctuation and symbols only', () => {
    for (const q of ['', '   ', '!!!', '…', '“”', '/-/', '?', '+++']) expect(hasSearchableText(q)).toBe(false);
  });

  it('is true as soon as there is a letter or a digit', () => {
    for (const q of ['a', '111', '25/11', 'đ', '“bạo lực”']) expect(hasSearchableText(q)).toBe(true);
  });
});
