/**
 * Node-only: PNG and WebP previews of a scene, rasterised by sharp from the SVG.
 *
 * NODE ONLY (sharp): never import this from client-side code.
 *
 * The SVG handed to sharp gets unitless pixel `width`/`height` and a mm (or px)
 * `viewBox`: an SVG sized in mm would render at density²/72 dpi (PRINT.md).
 */

import sharp from 'sharp';
import type { Scene } from '../../shared/print/scene.ts';
import { renderSvg, svgArea } from '../../shared/print/render-svg.ts';

/** libvips refuses images wider or taller than this. */
export const MAX_RASTER_SIDE = 32767;
/** WebP refuses images wider or taller than this. */
export const MAX_WEBP_SIDE = 16383;

export interface RasterOptions {
  readonly format: 'png' | 'webp';
  /** Resolution for print scenes (mm). Default 150. Ignored for screen scenes unless `width` is set. */
  readonly dpi?: number | undefined;
  /** Target width in pixels (overrides `dpi`); the height follows the aspect ratio. */
  readonly width?: number | undefined;
  /** `trim` (default) or `bleed`. */
  readonly area?: 'trim' | 'bleed' | undefined;
  /** WebP quality, default 82. */
  readonly quality?: number | undefined;
  /**
   * PNG only: a 16-colour palette (libimagequant) instead of full colour. The designs
   * are a few flat colours plus anti-aliased edges, so 16 colours lose nothing
   * visible and the file is about a third of the full-colour size.
   */
  readonly palette?: boolean | undefined;
}

/** Pixel size the raster will have. */
export function rasterSize(
  scene: Scene,
  options: Pick<RasterOptions, 'dpi' | 'width' | 'area'>,
): {
  width: number;
  height: number;
} {
  const view = svgArea(scene, options.area);
  let scale: number;
  if (options.width) scale = options.width / view.width;
  else if (scene.unit === 'mm') scale = (options.dpi ?? 150) / 25.4;
  else scale = 1;
  return { width: Math.round(view.width * scale), height: Math.round(view.height * scale) };
}

/**
 * Rasterise a scene. Throws a RangeError if the image would exceed libvips' or WebP's
 * size limit (a 5 m banner above ~166 dpi, any full-size banner as WebP): ask for a
 * lower `dpi` or a `width`.
 */
export async function renderRaster(scene: Scene, options: RasterOptions): Promise<Buffer> {
  const size = rasterSize(scene, options);
  const limit = options.format === 'webp' ? MAX_WEBP_SIDE : MAX_RASTER_SIDE;
  if (size.width > limit || size.height > limit) {
    throw new RangeError(
      `A ${size.width} × ${size.height} px ${options.format.toUpperCase()} exceeds the ${limit} px limit; lower dpi or width`,
    );
  }
  const svg = renderSvg(scene, { area: options.area, pixelSize: size });
  let image = sharp(Buffer.from(svg), { limitInputPixels: false });
  // Print formats: record the resolution (PNG pHYs), so the file prints at its real size.
  if (scene.unit === 'mm' && !options.width) image = image.withDensity(options.dpi ?? 150);
  return options.format === 'png'
    ? image
        .png(
          options.palette === true
            ? // Flat colours: no dithering (it only adds noise at the edges), and the quickest
              // quantisation, which here is also the smallest (A3 at 150 dpi: 117 vs 123 KB, 0.6× the time).
              // 16 colours: a few flat colours and the anti-aliasing between them lose nothing
              // visible, and the file is a third smaller (A3: 76 vs 117 KB).
              { compressionLevel: 6, palette: true, colours: 16, dither: 0, effort: 1 }
            : { compressionLevel: 6 },
        )
        .toBuffer()
    : image.webp({ quality: options.quality ?? 82 }).toBuffer();
}
