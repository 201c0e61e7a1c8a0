/**
 * Node-only: where the print fonts are (Be Vietnam Pro from @expo-google-fonts, complete TTFs,
 * all 178 Vietnamese letters) and their bytes, without fontkit: the cache keys and the
 * customiser's subsets need the files, and only laying text out needs them parsed
 * (`load-fonts.ts`).
 *
 * NODE ONLY (node:fs): never import this from client-side code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fontPackageDir } from '../fonts/font-package.ts';

export { fontPackageDir };

/** The weights the engine uses, as folder/file names in @expo-google-fonts/be-vietnam-pro. */
export const FONT_FILES = {
  display: '800ExtraBold/BeVietnamPro_800ExtraBold.ttf',
  text: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;

/** Absolute path of each font file. */
export function fontFilePaths(): { display: string; text: string } {
  const dir = fontPackageDir();
  return { display: join(dir, FONT_FILES.display), text: join(dir, FONT_FILES.text) };
}

/** The font files' bytes, for cache keys (a changed font must invalidate generated files). */
export function fontBytes(): { display: Buffer; text: Buffer } {
  const paths = fontFilePaths();
  return { display: readFileSync(paths.display), text: readFileSync(paths.text) };
}
