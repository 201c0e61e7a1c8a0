import { describe, expect, it } from 'vitest';
import {
  format,
  formatBytes,
  formatLabel,
  formatMeasures,
  formatNumber,
  formatShortLabel,
  formatSize,
} from '../../../src/i18n/format.ts';
import { FORMATS, getFormat } from '../../../src/shared/print/formats.ts';
import { t } from '../../../src/i18n/index.ts';
import vi from '../../../src/i18n/vi.json' with { type: 'json' };

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

describe('numbers and measures in the house form (EDITORIAL.md: 1.189 mm, 0,8 m, 100%)', () => {
  it('writes amounts with a thousands dot and a decimal comma', () => {
    expect(formatNumber(1189)).toBe('1.189');
    expect(formatNumber(0.8)).toBe('0,8');
    expect(formatNumber(5006)).toBe('5.006');
    expect(formatNumber(12345.67)).toBe('12.345,7');
    expect(formatNumber(841)).toBe('841');
  });

  it("gives Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })'s digits, which it replaces", () => {
    const intl = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
    // Integers across group boundaries, halves and near-halves (0.15 is a little under), random amounts.
    const values = [0, -0, 1e-7, -1e-7, 0.04, 0.05, 9.95, 999.95, 9999.95, 1000, 9999, 123_456, 12_345_678_901];
    for (let n = 0; n <= 2000; n++) values.push(n / 100, -n / 100, n * 7.05, n + 0.05, n + 0.95);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let i = 0; i < 5000; i++) values.push(random() * 10 ** Math.floor(random() * 10) * (random() < 0.2 ? -1 : 1));
    const differ = values.filter((value) => formatNumber(value) !== intl.format(value));
    expect(differ.map((value) => [value, formatNumber(value), intl.format(value)])).toEqual([]);
  });

  it('writes sizes and file sizes the same way', () => {
    expect(formatSize(841, 1189, 'mm')).toBe('841 × 1.189 mm');
    expect(formatSize(1080, 1080, 'px')).toBe('1.080 × 1.080 px');
    expect(formatSize(4, 0.8, 'm')).toBe('4 × 0,8 m');
    expect(formatBytes(1000)).toBe('1.000 B');
    expect(formatBytes(46_687)).toBe('45,6 KB');
    expect(formatBytes(1_572_864)).toBe('1,5 MB');
  });

  it('puts the measures of a text in the house form and leaves dates, years and document numbers alone', () => {
    expect(formatMeasures('Áp phích A0 (841 × 1189 mm)')).toBe('Áp phích A0 (841 × 1.189 mm)');
    expect(formatMeasures('Băng rôn 4 × 0.8 m')).toBe('Băng rôn 4 × 0,8 m');
    expect(formatMeasures('Băng rôn 5 × 1,5 m')).toBe('Băng rôn 5 × 1,5 m');
    expect(formatMeasures('Ảnh vuông (1080 × 1080 px), 1.189 mm')).toBe('Ảnh vuông (1.080 × 1.080 px), 1.189 mm');
    expect(formatMeasures('In đúng 100 %, 300 dpi')).toBe('In đúng 100%, 300 dpi');
    const untouched = 'Ngày 25/11/2020, Kế hoạch 2174/KH-UBND, PDF/X-1a:2003, năm 2020, A0, 1900 969 680';
    expect(formatMeasures(untouched)).toBe(untouched);
  });

  it('names every print format with its sizes in the house form', () => {
    const a0 = getFormat('a0');
    expect(formatLabel(a0)).toBe(formatMeasures(a0.label));
    expect(formatLabel(a0)).toContain(formatSize(a0.width, a0.height, 'mm'));
    for (const format of FORMATS) {
      expect(formatLabel(format), format.id).not.toMatch(/\d{4}|\d\.\d(?!\d{2})/);
    }
  });

  it('gives each format a short name from its data: A4, 3 × 1 m, 4 × 0,8 m, pixels for images', () => {
    const short = Object.fromEntries(FORMATS.map((format) => [format.id, formatShortLabel(format)]));
    expect(short).toMatchObject({
      a4: 'A4',
      a0: 'A0',
      'bang-ron-3x1': '3 × 1 m',
      'bang-ron-4x0-8': '4 × 0,8 m',
      'bang-ron-5x0-8': '5 × 0,8 m',
      'bang-ron-5x1-5': '5 × 1,5 m',
      'vuong-1080': '1.080 × 1.080 px',
    });
    // The banner's short name is the size its own label gives.
    for (const format of FORMATS.filter((f) => f.kind === 'banner'))
      expect(formatLabel(format)).toContain(formatShortLabel(format));
  });
});
