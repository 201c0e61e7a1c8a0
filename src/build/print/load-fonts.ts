/**
 * Node-only: read Be Vietnam Pro from @expo-google-fonts (complete TTFs, all 178
 * Vietnamese letters) and wrap it for the layout engine.
 *
 * NODE ONLY (node:fs, node:module): never import this from client-side code.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { createLayoutFont, type FontkitFontLike, type PrintFonts } from '../../shared/print/font.ts';

/** The weights the engine uses, as folder/file names in @expo-google-fonts/be-vietnam-pro. */
export const FONT_FILES = {
  display: '800ExtraBold/BeVietnamPro_800ExtraBold.ttf',
  text: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;

/** Folder of the @expo-google-fonts/be-vietnam-pro package (its LICENSE_FONT is the OFL). */
export function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
}

/** Absolute path of each font file. */
export function fontFilePaths(): { display: string; text: string } {
  const dir = fontPackageDir();
  return { display: join(dir, FONT_FILES.display), text: join(dir, FONT_FILES.text) };
}

/** Parse a TTF/OTF/WOFF(2) from bytes with fontkit. */
export function parseFont(bytes: Uint8Array): FontkitFontLike {
  const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!('layout' in font)) throw new Error('Expected a single font, got a font collection');
  return font as unknown as FontkitFontLike;
}

let cached: PrintFonts | undefined;

/** Load (once per process) the fonts the engine sets text in. */
export function loadPrintFonts(): PrintFonts {
  if (cached) return cached;
  const paths = fontFilePaths();
  cached = {
    display: createLayoutFont(parseFont(readFileSync(paths.display))),
    text: createLayoutFont(parseFont(readFileSync(paths.text))),
  };
  return cached;
}

/** The font files' bytes, for cache keys (a changed font must invalidate generated files). */
export function fontBytes(): { display: Buffer; text: Buffer } {
  const paths = fontFilePaths();
  return { display: readFileSync(paths.display), text: readFileSync(paths.text) };
}
