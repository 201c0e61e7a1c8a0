import { describe, expect, it } from 'vitest';
import { isHelpQuery, plainWords } from '../../../src/shared/search/help-intent.ts';

describe('help intent of a search', () => {
  const terms = ['hotline', 'Đường dây nóng', 'tố cáo', 'cứu', '113'].map(plainWords);

  it('makes text plain: no marks, đ as d, lower case, single spaces', () => {
    expect(plainWords('  Đường  dây NÓNG! ')).toBe('duong day nong');
    expect(plainWords('to\u0302\u0301 cáo')).toBe('to cao');
  });

  it('finds a term typed with or without marks, as whole words', () => {
    for (const query of ['hotline', 'đường dây nóng', 'duong day nong', 'Tố cáo bạo lực', 'cuu toi', 'gọi 113'])
      expect(isHelpQuery(query, terms), query).toBe(true);
  });

  it('does not match inside a word or on an empty query', () => {
    for (const query of ['', '  ', 'cuumang', '1130', 'vun dap']) expect(isHelpQuery(query, terms), query).toBe(false);
  });
});
