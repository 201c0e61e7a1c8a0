/**
 * The QR code of every published poster and banner PDF leads to the help page:
 * each PDF is rasterised by poppler's pdftoppm (not the engine that drew it) and
 * read by jsQR (not the library that encoded it). Needs pdftoppm (Debian:
 * poppler-utils; `.ci/run` installs it): without it the test fails and says so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { basePath, siteUrl } from '../../site.config.mjs';
import { getFormat } from '../../src/shared/print/index.ts';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const manifest: PrintManifest = JSON.parse(readFileSync(`${dist}tai-lieu/manifest.json`, 'utf8'));
/**
 * Every poster and banner PDF of the longest slogan (the least room for the code), in every
 * format and scheme, and the banners' eyelet variants (marks in the hem zone, the code
 * inside the live area): rasterising them all takes over ten minutes on a loaded 2-core
 * machine. The crop-mark variants draw the same artwork.
 */
const longest = [...manifest.files].sort((a, b) => b.text.length - a.text.length)[0]!.sloganId;
const pdfs = manifest.files.filter(
  (f) => f.type === 'pdf' && f.kind !== 'social' && !f.cropMarks && f.sloganId === longest,
);
/** Written out here, not taken from the code under test. */
const QR_URL = `${siteUrl}${basePath}tro-giup/`;
/** Pixels across the trim's short side: about 4–7 pixels a module on every format. */
const SHORT_SIDE_PX = 1000;

test('the QR code of every poster and banner PDF decodes to the help page (pdftoppm + jsQR)', async () => {
  test.setTimeout(600_000);
  const probe = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
  if (probe.error)
    throw new Error('pdftoppm is missing: install poppler-utils (Debian: apt-get install poppler-utils).');
  // 9 poster and banner formats × 2 schemes, and the 4 banners' eyelet variants × 2 schemes.
  expect(pdfs.length).toBe(26);

  const failures: string[] = [];
  for (const file of pdfs) {
    const format = getFormat(file.formatId);
    const dpi = (SHORT_SIDE_PX / Math.min(format.width, format.height)) * 25.4;
    // Banners: only the right third, where the code sits, keeps the image small.
    const pageWidth = Math.round(((format.width + 2 * format.bleed) / 25.4) * dpi);
    const left = Math.round((pageWidth * 2) / 3);
    const crop = format.kind === 'banner' ? ['-x', String(left), '-W', String(pageWidth - left)] : [];
    const png = execFileSync('pdftoppm', ['-png', '-r', dpi.toFixed(3), ...crop, `${dist}${file.path}`], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    if (read?.data !== QR_URL) failures.push(`${file.name}: ${read ? `"${read.data}"` : 'no code found'}`);
  }
  expect(failures).toEqual([]);
  console.log(`${pdfs.length}/${pdfs.length} poster and banner PDFs of ${longest}: QR code reads ${QR_URL}`);
});
