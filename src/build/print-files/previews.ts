/**
 * The previews the pages show: the WebP, and the AVIFs at `avifWidths()`. One raster of a
 * design at the WebP's size serves them all (the AVIFs are scaled down from it): turning the
 * scene into SVG and rasterising it cost more than encoding the previews (measured on every
 * design of 4 slogans: 2.9 s of the WebP’s 4.2 s of CPU time).
 *
 * NODE ONLY (sharp). Kept apart from `render.ts`, which only hands it the scene.
 */

import sharp, { type OutputInfo } from 'sharp';
import type { Scene } from '../../shared/print/scene.ts';
import { renderSvg } from '../../shared/print/render-svg.ts';
import type { PrintFormat } from '../../shared/print/formats.ts';
import { previewWidth } from '../../shared/print-files/manifest.ts';
import { rasterSize } from '../print/render-raster.ts';

/**
 * AVIF settings, measured on the A4 posters and the 3 × 1 m banners (sharp 0.35, libaom):
 * - quality 36: a poster 113 px wide is 1.7 KB (2.0 KB at 40, 1.6 KB at 28); at the size it is
 *   shown the slogan reads as on the WebP, the small text blurs on both;
 * - effort 0: effort 1 is as small at quality 40 as effort 0 at 38, for 2-3× the time, which
 *   over the 900 files is seconds of every cold generation;
 * - 4:2:0 chroma (sharp's default for AVIF is 4:4:4): 6 % smaller, 10 % quicker, and the flat
 *   colours show no difference;
 * - scaled down with the Mitchell filter rather than Lanczos: less ringing round the letters
 *   and 7 % smaller.
 */
export const AVIF_PREVIEW = { quality: 36, effort: 0, chromaSubsampling: '4:2:0' } as const;

/** The raw pixels of a scene at its WebP preview's width (its widest AVIF), once a scene. */
const rasters = new WeakMap<Scene, Promise<{ data: Buffer; info: OutputInfo }>>();

function rasterOf(scene: Scene, format: PrintFormat): Promise<{ data: Buffer; info: OutputInfo }> {
  let raster = rasters.get(scene);
  if (!raster) {
    const size = rasterSize(scene, { width: previewWidth(format), area: 'trim' });
    // Unitless pixel width and height, a mm viewBox: the SVG renders at exactly this size (PRINT.md).
    const svg = renderSvg(scene, { area: 'trim', pixelSize: size });
    raster = sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
    rasters.set(scene, raster);
  }
  return raster;
}

/** Raw pixels as sharp's input. */
const fromRaw = ({ data, info }: { data: Buffer; info: OutputInfo }) =>
  sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });

/** The WebP preview of a scene of `format` (`previewWidth()` wide). */
export async function renderWebpPreview(scene: Scene, format: PrintFormat, quality: number): Promise<Buffer> {
  return fromRaw(await rasterOf(scene, format))
    .webp({ quality })
    .toBuffer();
}

/** The AVIF preview of a scene of `format`, `width` pixels wide (its height as `rasterSize` gives it). */
export async function renderAvifPreview(scene: Scene, format: PrintFormat, width: number): Promise<Buffer> {
  const size = rasterSize(scene, { width, area: 'trim' });
  return fromRaw(await rasterOf(scene, format))
    .resize({ width: size.width, height: size.height, fit: 'fill', kernel: 'mitchell' })
    .avif(AVIF_PREVIEW)
    .toBuffer();
}
