import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/**
 * Folder of the @expo-google-fonts/be-vietnam-pro package (its LICENSE_FONT is the OFL).
 * A module of its own, without fontkit: `astro.config.mjs` needs the folder (the brand
 * font) before anything is laid out, and loading fontkit cost every build about 0.1 s.
 */
export function fontPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
}
