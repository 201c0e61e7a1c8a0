/**
 * Geometry: the page's boxes (trim, frame, footer band, the region of every text)
 * from the trim size and `PROPORTIONS`, and fitted blocks placed in their regions
 * as scene lines and glyph paths.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { isEmptyBox, type LayoutFont } from './font.ts';
import type { FittedBlock } from './fit.ts';
import type { PrintFormat } from './formats.ts';
import { outlinePath } from './path.ts';
import { PROPORTIONS, orientationOf } from './proportions.ts';
import type { Box, GlyphPlacement, PathCommand, SceneLine, TextBlock, TextRole } from './scene.ts';

/** `box` shrunk by `dx` on the left and right and `dy` at the top and bottom. */
const inset = (box: Box, dx: number, dy: number = dx): Box => ({
  x: box.x + dx,
  y: box.y + dy,
  width: box.width - 2 * dx,
  height: box.height - 2 * dy,
});

/** Where everything goes on a page, scene units. A text's region is `undefined` when it is left out. */
export interface PageGeometry {
  /** The whole drawing: trim plus bleed on every side. */
  readonly width: number;
  readonly height: number;
  readonly trim: Box;
  /** Outer edge of the frame, and its thickness inwards. */
  readonly frame: Box;
  readonly frameWidth: number;
  /** Everything text may cover: inside the frame and its padding, down to the bottom of the footer text. */
  readonly safe: Box;
  /** The footer band, below the frame, as wide as the frame (inside the live area). */
  readonly footerBand: Box | undefined;
  /** The live area: the trim less the hem zone on every side. */
  readonly live: Box;
  /** The rule under the heading. */
  readonly rule: Box | undefined;
  readonly regions: {
    readonly heading: Box | undefined;
    readonly slogan: Box;
    readonly unit: Box | undefined;
    readonly footer: Box | undefined;
  };
  /** Largest heading size (the layout caps it further by the slogan's size). */
  readonly headingMaxSize: number;
  /** The unit line's size when it fits, and the least it may be set at. */
  readonly unitSize: number;
  readonly unitMinSize: number;
}

/** Which texts the page has (an empty one takes no room). */
export interface PageTexts {
  readonly heading: boolean;
  readonly footer: boolean;
  readonly unitLine: boolean;
}

/**
 * The page's boxes, from the format's trim size and its hem zone (`hem`, scene units on
 * every edge; `finishing.ts`). Nothing but the background reaches into the hem zone: the
 * frame and the footer band start at the larger of the hem and the design's own inset.
 */
export function pageGeometry(format: PrintFormat, texts: PageTexts, hem = 0): PageGeometry {
  const { width: W, height: H, bleed: b } = format;
  const page = PROPORTIONS.page;
  const o = orientationOf(W, H);
  const u = Math.min(W, H);
  const edge = Math.max(hem, page.frameInset[o] * u);
  const frameWidth = page.frameWidth[o] * u;
  const footerHeight = texts.footer ? page.footerBand[o] * H : 0;
  const footerGap = texts.footer ? page.footerGap[o] * u : 0;
  const outer: Box = { x: b + edge, y: b + edge, width: W - 2 * edge, height: H - 2 * edge };

  const frame: Box = { ...outer, height: outer.height - footerHeight - footerGap };
  const footerBand: Box | undefined = texts.footer
    ? { x: outer.x, y: outer.y + outer.height - footerHeight, width: outer.width, height: footerHeight }
    : undefined;
  const content = inset(frame, frameWidth + page.padding[o] * u);
  const gap = page.bandGap[o] * content.height;

  const footer = footerBand
    ? {
        x: content.x,
        y: footerBand.y + PROPORTIONS.text.footerTextTop * footerHeight,
        width: content.width,
        height: PROPORTIONS.text.footerTextHeight * footerHeight,
      }
    : undefined;

  // Vertical bands inside the frame: heading, rule, slogan, unit line.
  let top = content.y;
  let bottom = content.y + content.height;
  let heading: Box | undefined;
  let rule: Box | undefined;
  if (texts.heading) {
    const headingHeight = page.headingHeight[o] * content.height;
    heading = { x: content.x, y: top, width: content.width, height: headingHeight };
    const ruleHeight = page.ruleHeight[o] * u;
    const ruleWidth = page.ruleWidth[o] * W;
    rule = {
      x: content.x + (content.width - ruleWidth) / 2,
      y: top + headingHeight + gap,
      width: ruleWidth,
      height: ruleHeight,
    };
    top = rule.y + ruleHeight + gap;
  }
  const unitSize = page.unitSize[o] * u;
  let unit: Box | undefined;
  if (texts.unitLine) {
    const unitHeight = PROPORTIONS.text.unitRegionHeight * unitSize;
    unit = { x: content.x, y: bottom - unitHeight, width: content.width, height: unitHeight };
    bottom = unit.y - gap;
  }
  const slogan: Box = { x: content.x, y: top, width: content.width, height: bottom - top };

  return {
    width: W + 2 * b,
    height: H + 2 * b,
    trim: { x: b, y: b, width: W, height: H },
    frame,
    frameWidth,
    safe: {
      x: content.x,
      y: content.y,
      width: content.width,
      height: (footer ? footer.y + footer.height : content.y + content.height) - content.y,
    },
    footerBand,
    live: { x: b + hem, y: b + hem, width: W - 2 * hem, height: H - 2 * hem },
    rule,
    regions: { heading, slogan, unit, footer },
    headingMaxSize: page.headingSize[o] * u,
    unitSize,
    unitMinSize: PROPORTIONS.text.unitMinSize * unitSize,
  };
}

/** A block placed on the page: what it says (`block`) and how it is drawn (one path per line). */
export interface PlacedBlock {
  readonly block: TextBlock;
  readonly paths: readonly (readonly PathCommand[])[];
  /** The glyphs of every line, placed (the same drawing as `paths`). */
  readonly glyphs: readonly (readonly GlyphPlacement[])[];
}

/** Place a fitted block centred in its region and draw its glyphs as paths. */
export function placeBlock(role: TextRole, fitted: FittedBlock, font: LayoutFont, region: Box): PlacedBlock {
  const { shape, size } = fitted;
  const scale = size / font.unitsPerEm;
  const top = region.y + (region.height - (shape.inkBottom - shape.inkTop) * scale) / 2;
  const centreX = region.x + region.width / 2;
  const lines: SceneLine[] = [];
  const paths: PathCommand[][] = [];
  const glyphs: GlyphPlacement[][] = [];
  shape.lines.forEach((line, i) => {
    const baseline = top + ((shape.baselines[i] ?? 0) - shape.inkTop) * scale;
    const ink = isEmptyBox(line.ink)
      ? { x: centreX, y: baseline, width: 0, height: 0 }
      : {
          x: centreX + line.ink.minX * scale,
          y: baseline - line.ink.maxY * scale,
          width: (line.ink.maxX - line.ink.minX) * scale,
          height: (line.ink.maxY - line.ink.minY) * scale,
        };
    const glyphInk = line.glyphs
      .filter((glyph) => !isEmptyBox(glyph.box))
      .map((glyph) => ({
        x: centreX + glyph.box.minX * scale,
        y: baseline - glyph.box.maxY * scale,
        width: (glyph.box.maxX - glyph.box.minX) * scale,
        height: (glyph.box.maxY - glyph.box.minY) * scale,
      }));
    lines.push({ text: line.text, baseline, ink, glyphInk });
    const placed = line.glyphs
      .map((glyph) => ({
        key: `${font.name}#${glyph.glyphId}`,
        outline: font.outline(glyph.glyphId),
        x: centreX + glyph.x * scale,
        y: baseline - glyph.y * scale,
        scale,
      }))
      .filter((glyph) => glyph.outline.length > 0);
    glyphs.push(placed);
    paths.push(placed.flatMap((glyph) => outlinePath(glyph.outline, glyph.x, glyph.y, scale)));
  });
  const inks = lines.map((line) => line.ink).filter((ink) => ink.width > 0);
  const x0 = Math.min(...inks.map((ink) => ink.x));
  const y0 = Math.min(...inks.map((ink) => ink.y));
  const x1 = Math.max(...inks.map((ink) => ink.x + ink.width));
  const y1 = Math.max(...inks.map((ink) => ink.y + ink.height));
  const ink = inks.length
    ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
    : { x: centreX, y: top, width: 0, height: 0 };
  return { block: { role, fontSize: size, region, lines, ink }, paths, glyphs };
}
