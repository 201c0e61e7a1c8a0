/**
 * The site's one web font (Node-only): Be Vietnam Pro Bold, cut to the characters the
 * campaign's text uses, for headings and slogans. Body text is set in the reader's system
 * font, so nothing else is downloaded and nothing but headings can change when it arrives.
 *
 * - Characters: every character of the content folder's data and prose files and of the
 *   UI strings (`src/i18n/vi.json`), NFC as the loader reads them. The plan's source text
 *   (`source/`) is left out: pages never show it as such. A heading character the subset
 *   lacks is still drawn, in the fallback font (the browser falls back glyph by glyph).
 * - Glyphs: from the complete TTF of @expo-google-fonts (every Vietnamese letter, the same
 *   file the print files use), subset by subset-font (HarfBuzz's hb-subset) to WOFF2,
 *   without hinting (large bold text needs none; it is half the bytes) and with only the
 *   `kern` feature: the text is NFC and the font has a precomposed glyph for every
 *   Vietnamese letter, so mark positioning is never used.
 * - Written to `.cache/fonts/` under a fixed name; Astro's fonts API (`fonts` in
 *   `astro.config.mjs`) copies it to `/_astro/fonts/` under a hash of its bytes and makes
 *   the `@font-face` and the metric-matched fallback faces.
 *
 * NODE ONLY (node:fs): never import this from client-side code.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { FontProvider } from 'astro';
import { contentFiles } from '../content/load.ts';
import { fontPackageDir } from './font-package.ts';

/** The brand face: family name (as the font names itself), weight and the source TTF in @expo-google-fonts. */
export const BRAND_FONT = {
  family: 'Be Vietnam Pro',
  weight: 700,
  sourceFile: '700Bold/BeVietnamPro_700Bold.ttf',
  cssVariable: '--font-brand',
} as const;

/** hb-subset options: see the file comment. Part of the cache key. */
const SUBSET_OPTIONS = { targetFormat: 'woff2', noHinting: true, keepFeatures: ['kern'] } as const;

/** UI strings, relative to the project root. */
export const UI_STRINGS_FILE = 'src/i18n/vi.json';

/** The files whose characters the subset covers: content data and prose pages, and the UI strings. */
export function brandTextFiles(root: string, contentDir: string): string[] {
  const sourceDir = join(contentDir, 'source') + sep;
  return [
    ...contentFiles(contentDir).filter((file) => !file.startsWith(sourceDir) && existsSync(file)),
    join(root, UI_STRINGS_FILE),
  ];
}

/**
 * Every printable character of `text`, NFC, sorted by code point, without controls
 * (tabs, line ends) and spaces other than U+0020.
 */
export function charactersOf(text: string): string[] {
  const chars = new Set(text.normalize('NFC'));
  return [...chars]
    .filter((c) => c === ' ' || /[^\p{Cc}\p{Z}]/u.test(c))
    .sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
}

/** The characters of the campaign's text (see `brandTextFiles`). */
export function brandCharacters(root: string, contentDir: string): string[] {
  return charactersOf(
    brandTextFiles(root, contentDir)
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
  );
}

export interface BrandFont {
  /** Absolute path of the subset WOFF2. */
  file: string;
  /** The characters it covers. */
  characters: string[];
  bytes: number;
  /** False when the cache already held this subset. */
  made: boolean;
}

/** Path of the source TTF (complete Vietnamese coverage). */
export function brandSourceFile(): string {
  return join(fontPackageDir(), BRAND_FONT.sourceFile);
}

/**
 * Writes the subset to `<cacheDir>/be-vietnam-pro-700.woff2` unless the file there was
 * made from the same characters, font and options (`.key` beside it).
 */
export async function writeBrandFont({
  root,
  contentDir,
  cacheDir,
}: {
  root: string;
  contentDir: string;
  cacheDir: string;
}): Promise<BrandFont> {
  const characters = brandCharacters(root, contentDir);
  const source = readFileSync(brandSourceFile());
  const key = createHash('sha256')
    .update(JSON.stringify({ characters, SUBSET_OPTIONS, subsetFont: 'subset-font@2' }))
    .update(source)
    .digest('hex');
  const file = join(cacheDir, 'be-vietnam-pro-700.woff2');
  const keyFile = `${file}.key`;
  if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
    return { file, characters, bytes: readFileSync(file).length, made: false };
  }
  // Loaded only when the subset has to be made (HarfBuzz's WebAssembly).
  const { default: subsetFont } = await import('subset-font');
  const subset = await subsetFont(source, characters.join(''), {
    ...SUBSET_OPTIONS,
    keepFeatures: [...SUBSET_OPTIONS.keepFeatures],
  });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, subset);
  writeFileSync(keyFile, key);
  return { file, characters, bytes: subset.length, made: true };
}

/**
 * The font provider for Astro's fonts API (`fonts` in `astro.config.mjs`): the one face
 * `writeBrandFont` wrote, at the brand weight, upright.
 *
 * Why not Astro's `fontProviders.local()`: Astro exports it only from `astro/config`, whose
 * entry point also loads svgo (with css-tree and csso) for an SVG optimiser this site does
 * not use. Importing it cost about 0.15 s of every build (README "Benchmarks"). The local
 * provider's own work, reading weight and style from the file (fontace), is not needed
 * here: both are known. Astro copies the file, hashes it and makes the fallback faces,
 * whichever provider names it.
 */
export function brandFontProvider(font: Pick<BrandFont, 'file'>): FontProvider {
  return {
    name: 'campaign-brand-font',
    // Astro hashes this into the family's CSS name: no file path, so that the CSS (and its
    // file name) does not depend on where the project is checked out.
    config: { weight: BRAND_FONT.weight },
    resolveFont: () => ({ fonts: [{ weight: BRAND_FONT.weight, style: 'normal', src: [{ url: font.file }] }] }),
  };
}
