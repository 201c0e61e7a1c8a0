/**
 * The QR code on posters and banners: the symbol (encoded by `qr-encode.ts`), drawn as one
 * path of rectangles, on a light tile that carries the quiet zone, with its short URL
 * under it (and the unit's phone line, when one is given). Everything is placed in
 * a column at the bottom right of the content area, inside the frame and its
 * padding, so it keeps out of the hem zone and the bleed like all text.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * The link carries its symbol, encoded where the link is made (`qrLink`, at build time):
 * the address is the site's own, so the customiser gets the build's symbol with it
 * (`qr-symbol.ts`) and the browser needs no encoder. Where the code sits
 * and how large it is are ratios of `PROPORTIONS.qr`, so a new format needs no code.
 */

import type { QrSymbol } from './qr-symbol.ts';
import type { PageGeometry } from './geometry.ts';
import { roundCoordinate } from './path.ts';
import { PROPORTIONS, type Orientation } from './proportions.ts';
import type { Box, PathCommand } from './scene.ts';
import { relativeLuminance, type ColourScheme, type SchemeColour } from './schemes.ts';

export type { QrSymbol };

/** What the code says and the words printed under it. */
export interface QrLink {
  /** The full address the code encodes (`https://…/tro-giup/`). */
  readonly url: string;
  /** The address as printed under the code: host and path, no protocol. */
  readonly label: string;
  /** The code of `url` (`encodeQr` in qr-encode.ts). */
  readonly symbol: QrSymbol;
}

/** Error correction level: M (15 % of the code may be lost), the usual choice for print. */
export const QR_ERROR_CORRECTION = 'M';

/** The modules' ink: process black, the most contrast on any light tile (a scanner reads luminance). */
export const QR_DARK: SchemeColour = { hex: '#000000', cmyk: [0, 0, 0, 100] };

/**
 * The dark modules as one path of rectangles in module units (whole numbers, origin
 * at the symbol's top-left corner; the scene item's `grid` places and scales it): one
 * rectangle per horizontal run of dark modules in a row, all drawn clockwise, so that,
 * filled with the non-zero rule, they make one shape with no hairline seams between rows.
 */
export function qrModulesPath(symbol: QrSymbol): PathCommand[] {
  const path: PathCommand[] = [];
  symbol.dark.forEach((row, r) => {
    for (let c = 0; c < symbol.size; c++) {
      if (!row[c]) continue;
      const start = c;
      while (c + 1 < symbol.size && row[c + 1]) c++;
      path.push(
        { op: 'M', x: start, y: r },
        { op: 'L', x: c + 1, y: r },
        { op: 'L', x: c + 1, y: r + 1 },
        { op: 'L', x: start, y: r + 1 },
        { op: 'Z' },
      );
    }
  });
  return path;
}

/** The tile's colour: the lighter of the scheme's two colours (the modules are dark on it). */
export function qrTileColour(scheme: ColourScheme): SchemeColour {
  return relativeLuminance(scheme.text.hex) >= relativeLuminance(scheme.background.hex)
    ? scheme.text
    : scheme.background;
}

/** Where the code and its texts go on a page, and what room is left for the other texts. */
export interface QrPlacement {
  readonly symbol: QrSymbol;
  /** Side of one module, scene units. */
  readonly moduleSize: number;
  /** The light tile: the symbol plus the quiet zone on every side. */
  readonly tile: Box;
  /** The symbol itself (the modules), inside the tile. */
  readonly modules: Box;
  /** The short URL's region, under the tile. */
  readonly label: Box;
  /** The unit's phone line's region, under the label, when there is a phone line. */
  readonly phone: Box | undefined;
  /** Largest type size of the label and of the phone line. */
  readonly labelMaxSize: number;
  readonly phoneMaxSize: number;
  /** The slogan's and the unit line's regions, narrowed or moved to leave the column free. */
  readonly slogan: Box;
  readonly unit: Box | undefined;
}

const bottomOf = (box: Box): number => box.y + box.height;

/** The code's column at full scale: the symbol, its text sizes and the column's height. */
export interface QrColumnSizes {
  readonly symbol: QrSymbol;
  /** Side of the modules (quiet zone excluded), the label's and the phone line's type sizes. */
  readonly side: number;
  readonly labelSize: number;
  readonly phoneSize: number;
  readonly labelHeight: number;
  readonly phoneHeight: number;
  readonly textGap: number;
  /** Tile, gap, label and phone line, stacked. */
  readonly height: number;
}

/** The column's sizes for `link` on a trim whose shorter side is `short`. */
export function qrColumnSizes(
  short: number,
  orientation: Orientation,
  link: QrLink,
  options: { readonly phone: boolean },
): QrColumnSizes {
  const qr = PROPORTIONS.qr;
  const o = orientation;
  const { symbol } = link;
  const side = qr.size[o] * short;
  const tileSide = side * (1 + (2 * qr.quietZone) / symbol.size);
  const labelSize = qr.labelSize[o] * short;
  const phoneSize = qr.phoneSize[o] * short;
  const labelHeight = qr.textRegionHeight * labelSize;
  const phoneHeight = options.phone ? qr.textRegionHeight * phoneSize : 0;
  const textGap = qr.textGap * labelSize;
  return {
    symbol,
    side,
    labelSize,
    phoneSize,
    labelHeight,
    phoneHeight,
    textGap,
    height: tileSide + textGap + labelHeight + phoneHeight,
  };
}

/** The code's column scaled by `k`, its bottom-right corner at (`right`, `bottom`), at most `maxWidth` wide. */
export function qrColumnAt(
  sizes: QrColumnSizes,
  orientation: Orientation,
  k: number,
  right: number,
  bottom: number,
  maxWidth: number,
): Omit<QrPlacement, 'slogan' | 'unit'> & { readonly column: Box } {
  const { symbol, side, labelSize, phoneSize, labelHeight, phoneHeight, textGap, height } = sizes;
  // A module a whole number of hundredths, so every module edge lies on the 0.01 grid.
  const moduleSize = Math.floor(((side * k) / symbol.size) * 100) / 100;
  const quiet = PROPORTIONS.qr.quietZone * moduleSize;
  const tileWidth = symbol.size * moduleSize + 2 * quiet;
  const columnWidth = Math.min(maxWidth, Math.max(tileWidth, PROPORTIONS.qr.columnWidth[orientation] * tileWidth));
  const column: Box = { x: right - columnWidth, y: bottom - height * k, width: columnWidth, height: height * k };
  const tile: Box = {
    x: roundCoordinate(column.x + (columnWidth - tileWidth) / 2),
    y: roundCoordinate(column.y),
    width: tileWidth,
    height: tileWidth,
  };
  const modules: Box = {
    x: tile.x + quiet,
    y: tile.y + quiet,
    width: symbol.size * moduleSize,
    height: symbol.size * moduleSize,
  };
  const label: Box = { x: column.x, y: tile.y + tileWidth + textGap * k, width: columnWidth, height: labelHeight * k };
  const phone: Box | undefined =
    phoneHeight > 0 ? { x: column.x, y: bottomOf(label), width: columnWidth, height: phoneHeight * k } : undefined;
  return {
    symbol,
    moduleSize,
    tile,
    modules,
    label,
    phone,
    labelMaxSize: labelSize * k,
    phoneMaxSize: phoneSize * k,
    column,
  };
}

/**
 * Place the code for `link` on a poster's or a screen-wide `page`: a column at the bottom
 * right of the content area (inside the frame's padding). Posters (portrait) give it a
 * band across the bottom: the slogan ends above it and the unit line moves beside it.
 * Landscape pages give it a strip at the right: the slogan and the unit line are
 * narrowed. If the column is taller than the room it has, everything in it shrinks.
 * (Banners have their own layout, `banner.ts`.)
 */
export function placeQr(
  page: PageGeometry,
  orientation: Orientation,
  link: QrLink,
  options: { readonly phone: boolean },
): QrPlacement {
  const qr = PROPORTIONS.qr;
  const o = orientation;
  const short = Math.min(page.trim.width, page.trim.height);
  const { slogan, unit } = page.regions;
  const content: Box = {
    x: slogan.x,
    y: page.safe.y,
    width: slogan.width,
    height: bottomOf(unit ?? slogan) - page.safe.y,
  };
  const gap = PROPORTIONS.page.bandGap[o] * content.height;

  // Sizes at full scale, then shrunk if the column does not fit.
  const sizes = qrColumnSizes(short, o, link, options);
  const room = o === 'portrait' ? qr.maxBandHeight * content.height : bottomOf(content) - slogan.y;
  const k = Math.min(1, room / sizes.height);
  const { column, ...placed } = qrColumnAt(sizes, o, k, content.x + content.width, bottomOf(content), content.width);
  const columnWidth = column.width;

  let sloganRegion: Box;
  let unitRegion: Box | undefined;
  if (o === 'portrait') {
    // A band across the bottom: the slogan ends above it, the unit line sits beside the code.
    sloganRegion = { ...slogan, height: Math.max(0, column.y - gap - slogan.y) };
    unitRegion = unit && {
      x: content.x,
      y: column.y + (column.height - unit.height) / 2,
      width: Math.max(0, content.width - columnWidth - gap),
      height: unit.height,
    };
  } else {
    // A strip at the right: the slogan and the unit line end before it.
    sloganRegion = { ...slogan, width: Math.max(0, content.width - columnWidth - gap) };
    unitRegion = unit && { ...unit, width: Math.max(0, content.width - columnWidth - gap) };
  }

  return { ...placed, slogan: sloganRegion, unit: unitRegion };
}
