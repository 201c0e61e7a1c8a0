/**
 * Hem zones, read from the pixels of the published PDFs (rendered with poppler's
 * pdftoppm, not the engine that wrote them): in every poster and banner, only the
 * background colour appears between the trim's edge and the live area, bleed included;
 * in a banner's eyelet variant the only other pixels there are its eyelet marks, one at
 * each place `eyeletCentres()` gives, and every mark is there. The sizes of the
 * slogans and headings are checked from the manifest's layout data.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { eyeletCentres } from '../../src/shared/print/finishing.ts';
import { getFormat, type PrintFormat } from '../../src/shared/print/formats.ts';
import { PROPORTIONS } from '../../src/shared/print/proportions.ts';
import type { ManifestFile, PrintManifest } from '../../src/shared/print-files/manifest.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const manifest: PrintManifest = JSON.parse(readFileSync(`${dist}tai-lieu/manifest.json`, 'utf8'));
const hemOfArtwork = new Map(manifest.artworks.map((a) => [`${a.sloganId} ${a.formatId} ${a.scheme}`, a.hem]));

/** Resolution of the check: a pixel is 2.5 mm on a banner, 1.3 mm on a poster. */
const DPI = { banner: 10, poster: 20 } as const;
/** Channel difference still counted as the background (rendering noise). */
const TOLERANCE = 3;

interface Raster {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The PDF's page (trim + bleed) as a PNG, by poppler. */
function render(file: ManifestFile, dir: string): Buffer {
  const dpi = DPI[file.kind as keyof typeof DPI];
  const out = join(dir, file.name.replace(/\.pdf$/, ''));
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', `${dist}${file.path}`, out]);
  return readFileSync(`${out}.png`);
}

async function pixels(png: Buffer): Promise<Raster> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/**
 * The pixels of the hem zone (bleed included) that are not the background, as page
 * millimetres. A pixel counts as in the zone when it lies wholly outside the live area,
 * less one pixel of anti-aliasing at its edge.
 */
function hemInk(raster: Raster, format: PrintFormat, hem: number, dpi: number): { x: number; y: number }[] {
  const { data, width, height } = raster;
  const mmPerPx = 25.4 / dpi;
  const bg = [data[0]!, data[1]!, data[2]!];
  const live = { x0: format.bleed + hem, y0: format.bleed + hem, x1: format.bleed + format.width - hem, y1: 0 };
  live.y1 = format.bleed + format.height - hem;
  const found: { x: number; y: number }[] = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [px0, px1, py0, py1] = [x * mmPerPx, (x + 1) * mmPerPx, y * mmPerPx, (y + 1) * mmPerPx];
      const insideLive =
        px1 > live.x0 - mmPerPx && px0 < live.x1 + mmPerPx && py1 > live.y0 - mmPerPx && py0 < live.y1 + mmPerPx;
      // The last column and row may reach past the page (pdftoppm rounds the size up).
      const pastPage = px1 > format.width + 2 * format.bleed + 1e-6 || py1 > format.height + 2 * format.bleed + 1e-6;
      if (insideLive || pastPage) continue;
      const i = (y * width + x) * 3;
      if (Math.abs(data[i]! - bg[0]!) + Math.abs(data[i + 1]! - bg[1]!) + Math.abs(data[i + 2]! - bg[2]!) > TOLERANCE)
        found.push({ x: (x + 0.5) * mmPerPx, y: (y + 0.5) * mmPerPx });
    }
  }
  return found;
}

/** Pixels inside the live area that are not the background: the artwork is there at all. */
function liveInk(raster: Raster): number {
  const { data } = raster;
  let count = 0;
  for (let i = 0; i < data.length; i += 3)
    if (
      Math.abs(data[i]! - data[0]!) + Math.abs(data[i + 1]! - data[1]!) + Math.abs(data[i + 2]! - data[2]!) >
      TOLERANCE
    )
      count++;
  return count;
}

const checked = manifest.files.filter(
  (f) => f.type === 'pdf' && (f.kind === 'banner' || f.kind === 'poster') && !f.cropMarks,
);

test('only the background prints in the hem zone of every poster and banner; eyelet marks only where they belong', async () => {
  test.setTimeout(900_000);
  expect(checked.filter((f) => f.eyelets).length).toBe(checked.filter((f) => f.kind === 'banner').length / 2);
  const dir = mkdtempSync(join(tmpdir(), 'hem-'));
  const problems: string[] = [];
  try {
    for (const file of checked) {
      const format = getFormat(file.formatId);
      const hem = hemOfArtwork.get(`${file.sloganId} ${file.formatId} ${file.scheme}`);
      if (hem === undefined) {
        problems.push(`${file.name}: no hem in the manifest`);
        continue;
      }
      if (hem < (file.kind === 'banner' ? 40 : 10)) problems.push(`${file.name}: hem ${hem} mm`);
      const dpi = DPI[file.kind as keyof typeof DPI];
      const raster = await pixels(render(file, dir));
      if (liveInk(raster) === 0) problems.push(`${file.name}: nothing printed at all`);
      const ink = hemInk(raster, format, hem, dpi);
      if (!file.eyelets) {
        if (ink.length)
          problems.push(`${file.name}: ${ink.length} px of ink in the hem zone, first at ${JSON.stringify(ink[0])} mm`);
        continue;
      }
      // Eyelet variant: every ink pixel belongs to a mark, and every mark is drawn.
      const centres = eyeletCentres(format, manifest.finishing);
      const reach = manifest.finishing.eyelets.diameter / 2 + 25.4 / dpi;
      const near = (p: { x: number; y: number }, c: { x: number; y: number }) =>
        Math.hypot(p.x - c.x, p.y - c.y) <= reach;
      const stray = ink.filter((p) => !centres.some((c) => near(p, c)));
      if (stray.length) problems.push(`${file.name}: ${stray.length} px of ink in the hem zone away from eyelets`);
      const missing = centres.filter((c) => !ink.some((p) => near(p, c)));
      if (missing.length) problems.push(`${file.name}: ${missing.length} eyelet marks not drawn`);
      // Corners, and no two neighbours further apart than the spacing.
      const spacing = manifest.finishing.eyelets.spacing;
      const xs = [...new Set(centres.map((c) => c.x))].sort((a, b) => a - b);
      if (xs.some((x, i) => i > 0 && x - xs[i - 1]! > spacing + 1e-6))
        problems.push(`${file.name}: eyelets too far apart`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  expect(problems).toEqual([]);
  console.log(
    `${checked.length} PDFs rendered (${checked.filter((f) => f.eyelets).length} eyelet variants): only background in every hem zone`,
  );
});

test('every banner slogan’s capitals reach 12 % of the banner’s height; the heading is never the smallest text', () => {
  const aim = PROPORTIONS.page.sloganMinCap.landscape;
  const banners = manifest.artworks.filter((a) => getFormat(a.formatId).kind === 'banner');
  expect(banners.length).toBeGreaterThan(0);
  const ratios = banners.map((a) => ({ a, ratio: (a.capHeights.slogan ?? 0) / getFormat(a.formatId).height }));
  const problems: string[] = [];
  for (const artwork of manifest.artworks) {
    const { heading, ...others } = artwork.capHeights;
    const smallest = Math.min(...Object.values(others));
    if (heading === undefined || !(heading > smallest))
      problems.push(
        `${artwork.sloganId} ${artwork.formatId} ${artwork.scheme}: heading ${heading}, smallest other ${smallest}`,
      );
  }
  expect(problems).toEqual([]);
  const below = ratios.filter((r) => r.ratio < aim);
  const min = Math.min(...ratios.map((r) => r.ratio));
  console.log(
    `banner slogans: smallest cap height ${(100 * min).toFixed(1)} % of the height; ${banners.length - below.length}/${banners.length} at least ${100 * aim} %` +
      (below.length
        ? `; below: ${[...new Set(below.map((r) => `${r.a.formatId} #${manifest.files.find((f) => f.sloganId === r.a.sloganId)?.order} ${(100 * r.ratio).toFixed(1)} %`))].join(', ')}`
        : ''),
  );
  // Banners have their own layout (src/shared/print/banner.ts): the heading's and footer's
  // rows give way and the slogan keeps clear of the QR code in the corner, so every slogan
  // reaches the aim (capHeights are rounded to 0.01 mm).
  expect(below.map((r) => `${r.a.sloganId} ${r.a.formatId} ${r.a.scheme} ${(100 * r.ratio).toFixed(2)} %`)).toEqual([]);
  expect(min).toBeGreaterThanOrEqual(aim);
});
