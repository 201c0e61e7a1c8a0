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
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { sha256, writeAtomic } from '../print-files/cache.ts';
import { fontFilePaths } from './load-fonts.ts';

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

/** The characters kept: the ranges, plus every character of `extra` (the texts the content sets). */
export function subsetText(extra: string): string {
  const chars = new Set<string>();
  for (const [from, to] of RANGES) for (let code = from; code <= to; code++) chars.add(String.fromCodePoint(code));
  for (const char of extra.normalize('NFC')) chars.add(char);
  return [...chars].sort().join('');
}

/** Bump when the way the subsets are made changes. */
const SUBSET_VERSION = 1;

/**
 * The subset fonts' files in `cacheDir` (made when missing): the engine's display
 * and text fonts, keeping every character of `extra` too.
 */
export async function customiserFonts(cacheDir: string, extra: string): Promise<{ display: string; text: string }> {
  const text = subsetText(extra);
  const dir = join(cacheDir, 'customiser-fonts');
  await mkdir(dir, { recursive: true });
  const make = async (source: string): Promise<string> => {
    const bytes = readFileSync(source);
    const file = join(dir, `${sha256(`${SUBSET_VERSION}\0${text}\0${sha256(bytes)}`)}.ttf`);
    if (!existsSync(file)) {
      const subset = await subsetFont(bytes, text, { targetFormat: 'truetype', noHinting: true });
      await writeAtomic(file, subset);
    }
    return file;
  };
  const paths = fontFilePaths();
  const [display, textFont] = await Promise.all([make(paths.display), make(paths.text)]);
  return { display, text: textFont };
}
