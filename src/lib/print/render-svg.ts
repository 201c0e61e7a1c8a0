/**
 * Scene → SVG, with every text as outlines (no `<text>`, no font needed to open it).
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import type { Box, Scene } from './layout';

export interface SvgOptions {
  /** `trim` (default): the finished size; `bleed`: the whole drawing, bleed included. */
  readonly area?: 'trim' | 'bleed' | undefined;
  /**
   * Unitless pixel size for the `width`/`height` attributes (what rasterisers should
   * get: an SVG sized in mm renders at density²/72 dpi in sharp). Default: the
   * physical size (`420mm`) for print scenes, pixels for screen scenes.
   */
  readonly pixelSize?: { readonly width: number; readonly height: number } | undefined;
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const num = (value: number): string => {
  const r = Math.round(value * 1000) / 1000;
  return String(Object.is(r, -0) ? 0 : r);
};

/** The part of the scene an SVG shows. */
export function svgArea(scene: Scene, area: 'trim' | 'bleed' = 'trim'): Box {
  return area === 'bleed' ? { x: 0, y: 0, width: scene.width, height: scene.height } : scene.trim;
}

/** Render a scene as a standalone SVG document (UTF-8 string). Same scene, same string. */
export function renderSvg(scene: Scene, options: SvgOptions = {}): string {
  const view = svgArea(scene, options.area);
  const size = options.pixelSize
    ? { width: String(Math.round(options.pixelSize.width)), height: String(Math.round(options.pixelSize.height)) }
    : { width: num(view.width) + scene.unit, height: num(view.height) + scene.unit };
  if (scene.unit === 'px' && !options.pixelSize) {
    size.width = num(view.width);
    size.height = num(view.height);
  }
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}"` +
      ` viewBox="${num(view.x)} ${num(view.y)} ${num(view.width)} ${num(view.height)}"` +
      ` lang="vi" role="img" aria-labelledby="title">`,
    `<title id="title">${escapeXml(scene.title)}</title>`,
  ];
  for (const item of scene.items) {
    if (item.type === 'rect') {
      out.push(
        `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}" fill="${item.fill.hex}"/>`,
      );
    } else {
      out.push(`<path fill="${item.fill.hex}" d="${item.d}"/>`);
    }
  }
  out.push('</svg>', '');
  return out.join('\n');
}
