import { describe, expect, it } from 'vitest';
import { format } from '../../../src/i18n/format';
import { t } from '../../../src/i18n';
import vi from '../../../src/i18n/vi.json';

describe('format()', () => {
  it('fills every placeholder with its value, numbers as String() writes them', () => {
    expect(format('{count} kết quả cho “{query}”', { count: 3, query: 'bao luc' })).toBe('3 kết quả cho “bao luc”');
    expect(format('{a}{a} {b}', { a: 'x', b: 1189 })).toBe('xx 1189');
  });

  it('leaves a placeholder without a value as it is, also names found on every object', () => {
    expect(format('Đã tạo tệp {name}.', {})).toBe('Đã tạo tệp {name}.');
    expect(format('{toString} {constructor}')).toBe('{toString} {constructor}');
  });

  it('inserts values as text, never as patterns', () => {
    expect(format('“{query}”', { query: '$& {query} $1' })).toBe('“$& {query} $1”');
  });

  it('is what t() uses', () => {
    expect(t('search.countInType', { count: 2, total: 7, query: 'to cao', type: 'Khẩu hiệu' })).toBe(
      format(vi['search.countInType'], { count: 2, total: 7, query: 'to cao', type: 'Khẩu hiệu' }),
    );
    expect(t('search.countInType', { count: 2, total: 7, query: 'to cao', type: 'Khẩu hiệu' })).toBe(
      '2 kết quả loại “Khẩu hiệu” cho “to cao” (tất cả: 7)',
    );
  });
});
