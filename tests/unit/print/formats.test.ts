import { describe, expect, it } from 'vitest';
import { BLEED_MM, FORMATS, PDF_MAX_SIDE_MM, getFormat, isPrintFormat } from '../../../src/shared/print/formats.ts';
import { CROP_MARK_MARGIN_MM } from '../../../src/shared/print/render-pdf.ts';

describe('formats', () => {
  it('declares the posters, banners and social images of the issue', () => {
    expect(FORMATS.map((format) => format.id)).toEqual([
      'a4',
      'a3',
      'a2',
      'a1',
      'a0',
      'bang-ron-3x1',
      'bang-ron-4x0-8',
      'bang-ron-5x0-8',
      'bang-ron-5x1-5',
      'vuong-1080',
      'og-1200x630',
    ]);
  });

  it('uses unique ASCII kebab-case ids, fit for file names', () => {
    const ids = FORMATS.map((format) => format.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('has the ISO 216 sizes for A4 to A0, portrait', () => {
    const sizes = ['a4', 'a3', 'a2', 'a1', 'a0'].map((id) => [getFormat(id).width, getFormat(id).height]);
    expect(sizes).toEqual([
      [210, 297],
      [297, 420],
      [420, 594],
      [594, 841],
      [841, 1189],
    ]);
  });

  it('has the banner sizes in millimetres', () => {
    const sizes = FORMATS.filter((f) => f.kind === 'banner').map((f) => `${f.width}x${f.height}`);
    expect(sizes).toEqual(['3000x1000', '4000x800', '5000x800', '5000x1500']);
  });

  it('gives print formats a 3 mm bleed and screen images none', () => {
    for (const format of FORMATS) {
      if (isPrintFormat(format)) expect([format.unit, format.bleed]).toEqual(['mm', BLEED_MM]);
      else expect([format.unit, format.bleed, format.kind]).toEqual(['px', 0, 'social']);
    }
    expect(BLEED_MM).toBe(3);
  });

  it('keeps every print page within the 200-inch PDF limit, crop marks included', () => {
    for (const format of FORMATS.filter(isPrintFormat)) {
      const side = Math.max(format.width, format.height) + 2 * (format.bleed + CROP_MARK_MARGIN_MM);
      expect(side).toBeLessThanOrEqual(PDF_MAX_SIDE_MM);
    }
  });

  it('labels every format in Vietnamese', () => {
    for (const format of FORMATS) expect(format.label).toMatch(/Áp phích|Băng rôn|Ảnh/);
  });

  it('throws on an unknown format id', () => {
    expect(() => getFormat('a7')).toThrow(/Unknown print format/);
  });
});
