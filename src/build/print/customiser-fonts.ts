/**
 * Node-only: the print fonts as the customiser (/tao-mau/) fetches them, cut to
 * Latin and Vietnamese and without TrueType hinting (subset-font, HarfBuzz's
 * hb-subset), cached by input under the print cache.
 *
 * Why: the two complete TTFs are 110 KB gzip, the largest part of the page's
 * download on a slow connection; the subsets are about 24 KB each. The engine
 * draws text as outlines and never uses hinting, and a subset keeps each glyph's
 * outline, advance, kerning and mark positioning, so a file made in the browser
 * is the same as the build's (tests/e2e/customiser.spec.ts checks it byte for byte).
 * A character outside the subset is reported as missing by the customiser, as
 * one outside the font is.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageVersion } from '../package-version.ts';
import type { ModelSourceFont } from './font-model.ts';
import { sha256, writeAtomic } from '../print-files/cache.ts';
import { fontFilePaths } from './font-files.ts';

/**
 * Unicode ranges kept: Google Fonts' "latin" and "vietnamese" subsets of Be Vietnam Pro
 * (every Vietnamese letter, precomposed and with combining marks, and the usual punctuation).
 */
const RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x007e],
  [0x00a0, 0x00ff],
  [0x0102, 0x0103],
  [0x0110, 0x0111],
  [0x0128, 0x0129],
  [0x0131, 0x0131],
  [0x0152, 0x0153],
  [0x0168, 0x0169],
  [0x01a0, 0x01a1],
  [0x01af, 0x01b0],
  [0x02bb, 0x02bc],
  [0x02c6, 0x02c6],
  [0x02da, 0x02da],
  [0x02dc, 0x02dc],
  [0x0300, 0x0301],
  [0x0303, 0x0304],
  [0x0306, 0x0306],
  [0x0308, 0x0309],
  [0x0323, 0x0323],
  [0x0329, 0x0329],
  [0x1ea0, 0x1ef9],
  [0x2000, 0x206f],
  [0x20ab, 0x20ac],
  [0x2122, 0x2122],
  [0x2191, 0x2191],
  [0x2193, 0x2193],
  [0x2212, 0x2212],
  [0x2215, 0x2215],
  [0xfeff, 0xfeff],
  [0xfffd, 0xfffd],
];

/**
 * Unicode ranges kept in the display font, which the engine uses only for the slogan,
 * always set in capitals (`toUpperVietnamese` in `layoutScene`, src/shared/print/layout.ts;
 * the customiser never turns that off), and for its cap height (an "H"). The customiser
 * only sets the content's slogans (chosen, never typed), whose characters, in capitals, are
 * added from the content: the ranges are only ASCII's punctuation, digits and the "H".
 * The display font's model is about 5 KB gzip (12.5 KB with every Vietnamese capital).
 */
const DISPLAY_RANGES: readonly (readonly [number, number])[] = [
  [0x0020, 0x0040],
  [0x0048, 0x0048],
  [0x005b, 0x0060],
  [0x007b, 0x007e],
];

/** The characters kept: the ranges (the text font's by default), plus every character of `extra` (the texts the content sets). */
export function subsetText(extra: string, ranges: readonly (readonly [number, number])[] = RANGES): string {
  const chars = new Set<string>();
  for (const [from, to] of ranges) for (let code = from; code <= to; code++) chars.add(String.fromCodePoint(code));
  for (const char of extra.normalize('NFC')) chars.add(char);
  return [...chars].sort().join('');
}

/** The display font's characters: ASCII punctuation, digits, "H", and every character of `slogans` (set in capitals). */
export function displaySubsetText(slogans: string): string {
  return subsetText(slogans, DISPLAY_RANGES);
}

/** Bump when the way the subsets are made changes. */
const SUBSET_VERSION = 3;

/**
 * The subset fonts' files in `cacheDir` (made when missing): the engine's display
 * font, keeping every character of `extra.display` too (the slogans, in capitals as
 * they are set), and its text font, keeping every character of `extra.text` too.
 */
export async function customiserFonts(
  cacheDir: string,
  extra: { display: string; text: string },
): Promise<{ display: string; text: string }> {
  const dir = join(cacheDir, 'customiser-fonts');
  await mkdir(dir, { recursive: true });
  const make = async (source: string, text: string): Promise<string> => {
    const bytes = readFileSync(source);
    const file = join(dir, `${sha256(`${SUBSET_VERSION}\0${text}\0${sha256(bytes)}`)}.ttf`);
    if (!existsSync(file)) {
      // Loaded only when a subset has to be made (HarfBuzz's WebAssembly).
      const { default: subsetFont } = await import('subset-font');
      const subset = await subsetFont(bytes, text, { targetFormat: 'truetype', noHinting: true });
      await writeAtomic(file, subset);
    }
    return file;
  };
  const paths = fontFilePaths();
  const [display, textFont] = await Promise.all([
    make(paths.display, displaySubsetText(extra.display)),
    make(paths.text, subsetText(extra.text)),
  ]);
  return { display, text: textFont };
}

/** What a model's bytes depend on besides its font: the code that makes and reads it. */
const modelSources = () =>
  [new URL('./font-model.ts', import.meta.url), new URL('../../shared/print/font-model.ts', import.meta.url)]
    .map((url) => readFileSync(url, 'utf8'))
    .join('\0');

/**
 * The customiser's print fonts as it fetches them: the models (src/shared/print/font-model.ts)
 * of the subset fonts, made with fontkit when missing (a few seconds) and cached by the
 * subset's bytes, fontkit's version and the model's code.
 */
export async function customiserFontModels(
  cacheDir: string,
  extra: { display: string; text: string },
): Promise<{ display: string; text: string }> {
  const subsets = await customiserFonts(cacheDir, extra);
  const key = `${sha256(modelSources())}\0${packageVersion(createRequire(import.meta.url).resolve('fontkit'), 'fontkit')}`;
  const model = async (subset: string, which: string): Promise<string> => {
    const bytes = readFileSync(subset);
    const file = join(cacheDir, 'customiser-fonts', `${sha256(`${key}\0${sha256(bytes)}`)}.json`);
    if (!existsSync(file)) {
      // Loaded only when a model has to be made.
      const [{ parseFont }, { makeFontModel }] = await Promise.all([
        import('./load-fonts.ts'),
        import('./font-model.ts'),
      ]);
      const made = makeFontModel(parseFont(bytes) as unknown as ModelSourceFont, `the customiser's ${which} font`);
      await writeAtomic(file, JSON.stringify(made));
    }
    return file;
  };
  const [display, text] = await Promise.all([model(subsets.display, 'display'), model(subsets.text, 'text')]);
  return { display, text };
}
