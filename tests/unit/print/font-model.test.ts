// The customiser's print fonts as models (src/shared/print/font-model.ts, made by
// src/build/print/font-model.ts): shaped with the model, every text gives what the whole
// font gives with fontkit (the fonts the build's print files are made with): the same
// advances, glyph places, ink bounds and outlines.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { customiserFontModels } from '../../../src/build/print/customiser-fonts.ts';
import { makeFontModel, type ModelSourceFont } from '../../../src/build/print/font-model.ts';
import { fontFilePaths, parseFont } from '../../../src/build/print/load-fonts.ts';
import type { LayoutFont } from '../../../src/shared/print/font.ts';
import { createModelFont, parseOutline, readFontModel, type FontModel } from '../../../src/shared/print/font-model.ts';
import { toUpperVietnamese } from '../../../src/shared/print/text.ts';
import { FOOTER, HEADING, fonts, loadSlogans } from './helpers.ts';

const slogans = loadSlogans().map((slogan) => slogan.text);
let models: { display: FontModel; text: FontModel };

beforeAll(async () => {
  // As the build makes them: the subsets for the content, then their models.
  const files = await customiserFontModels(mkdtempSync(join(tmpdir(), 'font-model-')), {
    display: slogans.map(toUpperVietnamese).join(''),
    text: [...slogans, HEADING, FOOTER].join(''),
  });
  const read = (file: string) => readFontModel(JSON.parse(readFileSync(file, 'utf8')), file);
  models = { display: read(files.display), text: read(files.text) };
}, 60_000);

/** What a shaped text looks like, whatever the glyph ids (the subset's are not the whole font's). */
function drawn(font: LayoutFont, text: string) {
  const run = font.shape(text);
  return {
    advance: run.advance,
    ink: run.ink,
    glyphs: run.glyphs.map((glyph) => ({
      x: glyph.x,
      y: glyph.y,
      outline: font.outline(glyph.glyphId),
      box: font.glyphBox(glyph.glyphId),
    })),
  };
}

/** Words of 2 to 8 characters drawn from `chars`, the same every run. */
function randomWords(chars: readonly string[], count: number): string[] {
  let seed = 20201115;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  return Array.from({ length: count }, () =>
    Array.from({ length: 2 + Math.floor(next() * 7) }, () => chars[Math.floor(next() * chars.length)]).join(''),
  );
}

describe("the customiser's font models", () => {
  it('set every pair of characters, every word of the content and random words as the whole font does', () => {
    const cases = [
      { model: models.display, whole: fonts.display, words: slogans.map(toUpperVietnamese) },
      { model: models.text, whole: fonts.text, words: [...slogans, HEADING, FOOTER, 'office ffi fjord Effi'] },
    ];
    for (const { model, whole, words } of cases) {
      const font = createModelFont(model);
      const chars = [...model.chars];
      expect(chars.length).toBeGreaterThan(40);
      const texts = [
        ...chars.flatMap((a) => chars.map((b) => a + b)),
        ...words.flatMap((text) => text.split(' ')),
        ...randomWords(chars, 3000),
      ];
      const differing = texts.filter(
        (text) => JSON.stringify(drawn(font, text)) !== JSON.stringify(drawn(whole, text)),
      );
      expect(differing.slice(0, 5)).toEqual([]);
      expect(font.spaceAdvance).toBe(whole.spaceAdvance);
      expect(font.unitsPerEm).toBe(whole.unitsPerEm);
      for (const char of chars) expect(font.hasChar(char)).toBe(true);
    }
  }, 120_000);

  it('keep the text font’s ligatures, and the slogans’ characters in the display font', () => {
    const text = createModelFont(models.text);
    expect(models.text.ligatures.map(([chars]) => chars)).toEqual(expect.arrayContaining(['fi']));
    expect(text.shape('fi').glyphs).toHaveLength(1);
    const display = createModelFont(models.display);
    for (const char of slogans.map(toUpperVietnamese).join('')) expect(display.hasChar(char), char).toBe(true);
  });

  it('say they lack combining marks, the fraction slash and the soft hyphen (the customiser reports them)', () => {
    const text = createModelFont(models.text);
    for (const char of ['\u0301', '\u0323', '\u2044', '\u00ad', '字']) expect(text.hasChar(char)).toBe(false);
    expect(text.hasChar('ệ')).toBe(true);
  });

  it('stops the build with the font and characters named when fontkit sets something the model cannot say', () => {
    const font = parseFont(readFileSync(fontFilePaths().text)) as unknown as ModelSourceFont;
    // The font as fontkit would set it if a "b" after an "a" were moved up (as a mark is).
    const moved: ModelSourceFont = {
      unitsPerEm: font.unitsPerEm,
      characterSet: [0x61, 0x62],
      getName: (key) => font.getName(key),
      glyphForCodePoint: (codePoint) => font.glyphForCodePoint(codePoint),
      getGlyph: (id) => font.getGlyph(id),
      layout: (text) => {
        const { glyphs, positions } = font.layout(text);
        const chars = [...text];
        return {
          glyphs,
          positions: positions.map((p, i) => ({ ...p, yOffset: chars[i - 1] === 'a' && chars[i] === 'b' ? 50 : 0 })),
        };
      },
    };
    expect(() => makeFontModel(moved, 'test font')).toThrow(/^test font: .*U\+0061 U\+0062.*\(a glyph moved\)$/);
  });

  it('refuse a file that is not a model, naming it', () => {
    expect(() => readFontModel({ format: 0 }, 'fonts/in-an/x.json')).toThrow(/fonts\/in-an\/x\.json: .*format/);
    expect(() => readFontModel({ ...models.text, advances: [] }, 'x.json')).toThrow(/x\.json: .*advances/);
    expect(() => parseOutline('10 10 q')).toThrow(/font model/);
    expect(() => parseOutline('10 10 20')).toThrow(/font model/);
  });
});
