import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { packageVersion } from './package-version.ts';
import { dirname, resolve } from 'node:path';

/** The PNG sizes of the web app manifest's icons (192 and 512 px: what Android and Chrome ask for). */
export const ICON_SIZES = [192, 512] as const;

/** The site's icon, `public/favicon.svg`, from which the PNG icons are drawn. */
export const ICON_SOURCE = 'public/favicon.svg';

/** Where the drawn icons are kept between builds (ignored by git; CI starts without it). */
export const ICON_CACHE_DIR = '.cache/icons';

/** PNG options; part of the cache key. */
const PNG_OPTIONS = { compressionLevel: 9 } as const;

/**
 * `public/favicon.svg` drawn as a square PNG of `size` pixels, by sharp, kept in
 * `.cache/icons/` under a key of everything that shapes it (the SVG, the size, the PNG
 * options, sharp's version): a rebuild with the same icon reads the file instead of
 * loading sharp and drawing it again (about 0.15 s of every build).
 */
export async function renderIcon(size: number): Promise<Buffer> {
  const svg = await readFile(resolve(ICON_SOURCE));
  const key = createHash('sha256')
    .update(
      JSON.stringify({
        size,
        PNG_OPTIONS,
        sharp: packageVersion(createRequire(resolve('package.json')).resolve('sharp'), 'sharp'),
      }),
    )
    .update(svg)
    .digest('hex');
  const file = resolve(ICON_CACHE_DIR, `${size}.png`);
  const keyFile = `${file}.key`;
  if (existsSync(file) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return readFile(file);
  const { default: sharp } = await import('sharp');
  // The density draws the 32-unit SVG sharp at `size` pixels, not a blown-up 32 px bitmap.
  const png = await sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png(PNG_OPTIONS)
    .toBuffer();
  // The key last, each written whole (a temporary name, then a rename): a build cut off
  // midway leaves no key that names a half-written icon.
  await mkdir(dirname(file), { recursive: true });
  for (const [target, data] of [
    [file, png],
    [keyFile, key],
  ] as const) {
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, data);
    await rename(temporary, target);
  }
  return png;
}
