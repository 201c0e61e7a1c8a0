/**
 * The part of every cache key that is not per file: the generator's own sources,
 * the versions of the libraries that shape the bytes, and the font bytes.
 *
 * NODE ONLY (node:fs, node:crypto, node:module, sharp).
 */

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import sharp from 'sharp';
import { hashCodeFiles } from '../code-files.ts';
import { packageVersion } from '../package-version.ts';
import { fontBytes } from '../print/font-files.ts';

/**
 * Folders and files whose sources shape the output: a change there re-renders everything.
 * `src/shared/print-files/view.ts` (how pages label the files) is left out on purpose.
 */
export const GENERATOR_SOURCES = [
  'src/shared/print',
  'src/shared/print-files/manifest.ts',
  'src/build/print',
  'src/build/print-files',
];

/** Packages whose version shapes the output. */
const GENERATOR_PACKAGES = ['pdf-lib', 'fontkit', 'sharp', 'uqr'];

/** Hash of everything every file depends on besides its own inputs: engine sources, library versions, fonts. */
export async function generatorHash(root: string): Promise<string> {
  const hash = hashCodeFiles(createHash('sha256'), root, GENERATOR_SOURCES);
  const require = createRequire(join(root, 'package.json'));
  for (const name of GENERATOR_PACKAGES) hash.update(`${name}@${packageVersion(require.resolve(name), name)}\0`);
  hash.update(`libvips@${sharp.versions.vips}\0`);
  const fonts = fontBytes();
  hash.update(fonts.display).update('\0').update(fonts.text);
  return hash.digest('hex');
}
