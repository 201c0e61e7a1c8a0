import { describe, expect, it } from 'vitest';
import { SCHEMES, contrastRatio, getScheme } from '../../../src/shared/print/index.ts';

describe('colour schemes', () => {
  it('has the campaign orange (cam) and the classic red with yellow (do)', () => {
    expect(SCHEMES.map((scheme) => scheme.id)).toEqual(['cam', 'do']);
    expect(getScheme('cam').text.hex).toBe('#ffffff');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });

  it.each(SCHEMES.map((scheme) => [scheme.id, scheme] as const))(
    'gives text and background of %s a contrast of at least 4.5:1',
    (_id, scheme) => {
      expect(contrastRatio(scheme.text.hex, scheme.background.hex)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('gives every colour as #rrggbb and as CMYK percentages', () => {
    for (const scheme of SCHEMES) {
      for (const colour of [scheme.background, scheme.text]) {
        expect(colour.hex).toMatch(/^#[0-9a-f]{6}$/);
        expect(colour.cmyk).toHaveLength(4);
        for (const value of colour.cmyk) {
          expect(value).toBeGreaterThanOrEqual(0);
          expect(value).toBeLessThanOrEqual(100);
        }
      }
    }
  });
});
