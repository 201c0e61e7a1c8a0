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

/** A number at 0.01 precision, as short as possible: `0.5` → `.5`, `-0.25` → `-.25`, `3.00` → `3`. */
const short = (value: number): string => {
  const r = Math.round(value * 100) / 100;
  return (Object.is(r, -0) ? '0' : String(r)).replace(/^(-?)0\./, '$1.');
};

/**
 * The scene's absolute path data (M, L, Q, C, Z, coordinates at 0.01) rewritten
 * with relative commands, repeated commands left implicit and no separator where
 * none is needed: the same outline in about 45 % fewer bytes (glyph outlines are
 * most of an SVG). Relative steps are taken between the rounded absolute points,
 * so every point lands exactly where the absolute data puts it.
 */
export function compactPath(d: string): string {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const arity: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };
  let out = '';
  let previous = '';
  /** The last thing written was a number (a separator may be needed before the next). */
  let lastNumber: string | undefined;
  let i = 0;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const write = (values: readonly number[]): void => {
    for (const value of values) {
      const text = short(value);
      if (lastNumber !== undefined && !(text.startsWith('-') || (text.startsWith('.') && lastNumber.includes('.')))) {
        out += ' ';
      }
      out += text;
      lastNumber = text;
    }
  };
  while (i < tokens.length) {
    const command = tokens[i++] ?? '';
    const count = arity[command];
    if (count === undefined) throw new Error(`Unsupported path command "${command}" (expected absolute M, L, Q, C, Z)`);
    const args: number[] = [];
    for (let k = 0; k < count; k++) {
      const value = Number(tokens[i++]);
      if (!Number.isFinite(value)) throw new Error(`Bad path data near "${d.slice(0, 40)}…"`);
      args.push(Math.round(value * 100) / 100);
    }
    if (command === 'Z') {
      out += 'z';
      previous = 'z';
      lastNumber = undefined;
      x = startX;
      y = startY;
      continue;
    }
    const relative = args.map((value, k) => (k % 2 === 0 ? value - x : value - y));
    // The first moveto of a path is absolute either way; keep it absolute (easier to read).
    const letter = out === '' ? 'M' : command.toLowerCase();
    // After a moveto, implicit repeats would mean lineto: always write the letter then.
    if (letter !== previous || letter === 'm' || letter === 'M') {
      out += letter;
      lastNumber = undefined;
    }
    write(letter === 'M' ? args : relative);
    previous = letter;
    x = args[count - 2] ?? x;
    y = args[count - 1] ?? y;
    if (command === 'M') {
      startX = x;
      startY = y;
    }
  }
  return out;
}

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
      out.push(`<path fill="${item.fill.hex}" d="${compactPath(item.d)}"/>`);
    }
  }
  out.push('</svg>', '');
  return out.join('\n');
}
