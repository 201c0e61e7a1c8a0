import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';

/** The PNG sizes of the web app manifest's icons (192 and 512 px: what Android and Chrome ask for). */
export const ICON_SIZES = [192, 512] as const;

/** The site's icon, `public/favicon.svg`, from which the PNG icons are drawn. */
export const ICON_SOURCE = 'public/favicon.svg';

/** `public/favicon.svg` drawn as a square PNG of `size` pixels. */
export async function renderIcon(size: number): Promise<Buffer> {
  const svg = await readFile(resolve(ICON_SOURCE));
  // The density draws the 32-unit SVG sharp at `size` pixels, not a blown-up 32 px bitmap.
  return sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();
}
