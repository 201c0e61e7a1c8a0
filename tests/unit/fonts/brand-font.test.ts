import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BRAND_FONT,
  brandFontProvider,
  brandSourceFile,
  charactersOf,
  writeBrandFont,
  type BrandFont,
} from '../../../src/build/fonts/brand-font.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'brand-font-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every text file of a content folder a page may show, found here on its own (not by the code under test). */
function shownText(contentDir: string): string {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ya?ml|mdx?)$/.test(name) && !/^README\.md$/.test(name))
    .filter((name) => !name.startsWith('source/'));
  expect(files.length).toBeGreaterThan(5);
  return [
    ...files.map((name) => readFileSync(join(contentDir, name), 'utf8')),
    readFileSync(join(root, 'src/i18n/vi.json'), 'utf8'),
  ]
    .join('\n')
    .normalize('NFC');
}

interface Cmap {
  hasGlyphForCodePoint(codePoint: number): boolean;
}
const cmapOf = (file: string) => fontkit.create(readFileSync(file)) as unknown as Cmap;
const missing = (font: Cmap, text: string) =>
  [...new Set(text)].filter((c) => /[^\p{Cc}\p{Z}]/u.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!));
/** The complete TTF: what it lacks, the subset cannot have; the fallback font draws it. */
const source = cmapOf(brandSourceFile());

/** Every character of `text` is in the subset, or, lacking from the font itself, is no letter (a symbol the system font draws). */
function expectCovered(font: BrandFont, text: string) {
  const notInSubset = missing(cmapOf(font.file), text);
  const notInFont = missing(source, text);
  expect(notInSubset).toEqual(notInFont);
  expect(notInFont.filter((c) => /\p{L}/u.test(c))).toEqual([]);
}

describe('the brand font subset', () => {
  it('keeps printable characters once, NFC, in code point order', () => {
    // "ế" typed as e + circumflex + acute (NFD) is the one precomposed letter the pages show.
    expect(charactersOf('Bế\u0065\u0302\u0301\tB\n\u00a0 a')).toEqual([' ', 'B', 'a', 'ế']);
  });

  it('covers every character of content/ and the UI strings, and little else', async () => {
    const font = await writeBrandFont({ root, contentDir: join(root, 'content'), cacheDir: join(scratch, 'site') });
    expectCovered(font, shownText(join(root, 'content')));
    const cmap = cmapOf(font.file);
    // Cut to the campaign: letters it never uses are not in the file.
    expect(cmap.hasGlyphForCodePoint('Ω'.codePointAt(0)!)).toBe(false);
    expect(cmap.hasGlyphForCodePoint('ß'.codePointAt(0)!)).toBe(false);
    expect(font.bytes).toBeLessThan(16 * 1024);
    expect(font.made).toBe(true);
  });

  it('is made again for another campaign, from its own text, and reused when nothing changed', async () => {
    const contentDir = join(root, 'tests/fixtures/campaign-b');
    const cacheDir = join(scratch, 'campaign-b');
    const first = await writeBrandFont({ root, contentDir, cacheDir });
    expectCovered(first, shownText(contentDir));
    expect(first.characters).toContain('Ư'); // "Hư Cấu" is in its name
    const again = await writeBrandFont({ root, contentDir, cacheDir });
    expect(again.made).toBe(false);
    expect(again.characters).toEqual(first.characters);
  });
});

describe('the brand font provider', () => {
  const file = join(scratch, 'checkout', '.cache/fonts/be-vietnam-pro-700.woff2');
  const provider = brandFontProvider({ file });

  it('gives Astro the subset file as the one face, bold and upright', async () => {
    const resolved = await provider.resolveFont({
      familyName: BRAND_FONT.family,
      weights: [],
      styles: [],
      subsets: [],
      formats: [],
      options: undefined as never,
    });
    expect(resolved).toEqual({ fonts: [{ weight: 700, style: 'normal', src: [{ url: file }] }] });
  });

  it('keeps the file path out of what Astro hashes into the family name', () => {
    expect(JSON.stringify(provider.config)).not.toContain('checkout');
  });
});
