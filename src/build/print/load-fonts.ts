/**
 * Node-only: read Be Vietnam Pro from @expo-google-fonts (complete TTFs, all 178
 * Vietnamese letters) and wrap it for the layout engine.
 *
 * NODE ONLY (node:fs, node:module): never import this from client-side code.
 */

import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { createLayoutFont, type FontkitFontLike, type PrintFonts } from '../../shared/print/font.ts';
import { fontFilePaths } from './font-files.ts';

export { FONT_FILES, fontBytes, fontFilePaths, fontPackageDir } from './font-files.ts';

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
