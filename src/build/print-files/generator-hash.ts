/**
 * The part of every cache key that is not per file: the generator's own sources,
 * the versions of the libraries that shape the bytes, and the font bytes.
 *
 * NODE ONLY (node:fs, node:crypto, node:module, sharp).
 */

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import sharp from 'sharp';
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

/** The source files at `path`: the file itself, or every source file under the folder. */
async function listFiles(path: string): Promise<string[]> {
  if (!existsSync(path)) return [];
  if ((await stat(path)).isFile()) return [path];
  const dir = path;
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Hash of everything every file depends on besides its own inputs: engine sources, library versions, fonts. */
export async function generatorHash(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const source of GENERATOR_SOURCES) {
    for (const file of await listFiles(join(root, source))) {
      hash
        .update(relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  const require = createRequire(join(root, 'package.json'));
  for (const name of GENERATOR_PACKAGES) hash.update(`${name}@${packageVersion(require.resolve(name), name)}\0`);
  hash.update(`libvips@${sharp.versions.vips}\0`);
  const fonts = fontBytes();
  hash.update(fonts.display).update('\0').update(fonts.text);
  return hash.digest('hex');
}
