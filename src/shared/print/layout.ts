/**
 * The layout: slogan + format + colour scheme → a `Scene` of plain data.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Coordinates are in the format's unit (mm for print, px for screen images), with
 * the origin at the top-left corner of the bleed box and y pointing down. Text is
 * measured by the real bounds of the glyph outlines (stacked Vietnamese marks reach
 * above the font's ascent and below the baseline), broken only at spaces and never
 * inside a protected compound, in balanced lines, and set as large as its region
 * allows. Glyphs come out as outline paths, so renderers need no font.
 */

import type { FontBox, LayoutFont, PathCommand, PrintFonts, ShapedRun } from './font';
import { EMPTY_BOX, isEmptyBox, unionBox } from './font';
import { getFormat, type FormatUnit, type PrintFormat } from './formats';
import { getScheme, type ColourScheme, type SchemeColour } from './schemes';
import { breakUnits, cleanText, toUpperVietnamese } from './text';

/** A rectangle in scene units, y down. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Which part of the design a scene item or text block belongs to. */
export type TextRole = 'heading' | 'slogan' | 'unit' | 'footer';

export type SceneItem =
  | {
      readonly type: 'rect';
      readonly role: 'background' | 'footer-band' | 'rule';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill: SchemeColour;
    }
  | {
      readonly type: 'path';
      readonly role: 'frame' | TextRole;
      /** SVG path data, absolute commands (M L Q C Z), scene units; filled with the non-zero rule. */
      readonly d: string;
      readonly fill: SchemeColour;
    };

/** One set line, for checks and for the UI (the drawing itself is in `items`). */
export interface SceneLine {
  /** The words of the line, spaces restored. */
  readonly text: string;
  /** y of the baseline. */
  readonly baseline: number;
  /** Real ink bounds of the line's outlines. */
  readonly ink: Box;
  /** Real ink bounds of every glyph that has ink, left to right. */
  readonly glyphInk: readonly Box[];
}

export interface TextBlock {
  readonly role: TextRole;
  /** Em size of the type, scene units. */
  readonly fontSize: number;
  /** The area the block had to fit in. */
  readonly region: Box;
  readonly lines: readonly SceneLine[];
  /** Union of the lines' ink. */
  readonly ink: Box;
}

export type LayoutWarning =
  | {
      /** The unit line did not fit at the minimum legible size: it was set at that size and shortened. */
      readonly code: 'unit-line-too-long';
      readonly fontSize: number;
      readonly minFontSize: number;
      /** The text actually set (ends with "…"). */
      readonly shown: string;
    }
  | {
      /** Characters the fonts have no glyph for (drawn as the font's .notdef box). */
      readonly code: 'missing-glyphs';
      readonly chars: readonly string[];
    }
  | {
      /** The slogan was empty after cleaning: nothing was set in its place. */
      readonly code: 'empty-slogan';
    };

export interface Scene {
  readonly formatId: string;
  readonly schemeId: string;
  readonly unit: FormatUnit;
  /** Size of the whole drawing: the trim size plus bleed on every side. */
  readonly width: number;
  readonly height: number;
  /** Bleed on every side (0 for screen images). */
  readonly bleed: number;
  /** The finished size, inside the bleed. */
  readonly trim: Box;
  /** Area all text stays inside: from the top of the content inside the frame to the bottom of the footer text. */
  readonly safe: Box;
  /** The slogan as set (cleaned, NFC, original case): for titles and alt text. */
  readonly title: string;
  /** Drawing, back to front. */
  readonly items: readonly SceneItem[];
  readonly blocks: readonly TextBlock[];
  readonly warnings: readonly LayoutWarning[];
}

export interface SceneInput {
  /** The slogan; cleaned and normalised here (NFD, pasted line breaks and double spaces are fine). */
  readonly slogan: string;
  /** A format from `FORMATS` or its id. */
  readonly format: PrintFormat | string;
  /** A scheme from `SCHEMES` or its id. */
  readonly scheme: ColourScheme | string;
  /** The campaign heading above the slogan, as it should appear (case kept). Empty: none. */
  readonly heading: string;
  /** The footer line (the help line 111), as it should appear. Empty: no footer band. */
  readonly footer: string;
  /** The issuing unit ("UBND huyện Tam Đường"), case kept. Empty or blank: no unit line. */
  readonly unitLine?: string | undefined;
  /** Set the slogan in capitals, as slogan banners are. Default `true`. */
  readonly uppercase?: boolean | undefined;
  readonly fonts: PrintFonts;
}

/* ------------------------------------------------------------------------ */
/* Tuning: all relative, so every format gets the same proportions.          */

/** Baseline-to-baseline distance before any widening, in em. */
const LEADING: Record<TextRole, number> = { heading: 1.22, slogan: 1.1, unit: 1.2, footer: 1.2 };
/** Most lines a block may take. */
const MAX_LINES: Record<TextRole, number> = { heading: 4, slogan: 9, unit: 2, footer: 2 };
/** Least clearance between the ink of adjacent lines, in em. */
const MIN_INK_GAP_EM = 0.09;
/** The heading stays clearly smaller than the slogan. */
const HEADING_MAX_RATIO = 0.42;
/** Formats at least this much wider than tall use the landscape proportions. */
const LANDSCAPE_RATIO = 1.4;
/** How much wider than the narrowest possible worst line a balanced break may be. */
const BALANCE_TOLERANCES = [1, 1.04, 1.1, 1.2];

/** Words better moved to the start of the next line than left at the end of one. */
const FUNCTION_WORDS = new Set([
  'và', 'của', 'với', 'để', 'là', 'cho', 'các', 'những', 'mọi', 'bị', 'khi', 'vì', 'trên',
  'tại', 'từ', 'ở', 'có', 'không', 'được', 'thì', 'mà', 'hoặc', 'đó', 'hãy', 'về', 'người',
]);

const TRAILING_PUNCTUATION = /[,.;:!?…)\]»"”'’–—-]$/u;
const STRIP_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/* ------------------------------------------------------------------------ */
/* Measuring                                                                 */

interface MeasuredUnit {
  readonly words: readonly ShapedRun[];
  /** Advance of the unit, inner spaces included, font units. */
  readonly advance: number;
  readonly text: string;
  readonly endsWithPunctuation: boolean;
  readonly endsWithFunctionWord: boolean;
  /** A single word (not a protected compound). */
  readonly single: boolean;
  /** A single word of at most three letters ("hãy", "bạn!"). */
  readonly short: boolean;
}

interface GlyphAt {
  readonly glyphId: number;
  /** Origin of the glyph from the line origin, font units (y up). */
  readonly x: number;
  readonly y: number;
  /** Ink box, already offset, font units (y up). */
  readonly box: FontBox;
}

interface LineShape {
  readonly text: string;
  readonly glyphs: readonly GlyphAt[];
  readonly ink: FontBox;
}

function measureUnits(units: readonly (readonly string[])[], font: LayoutFont): MeasuredUnit[] {
  return units.map((words) => {
    const runs = words.map((word) => font.shape(word));
    const advance =
      runs.reduce((sum, run) => sum + run.advance, 0) + (runs.length - 1) * font.spaceAdvance;
    const last = words[words.length - 1] ?? '';
    const bare = last.toLowerCase().replace(STRIP_PUNCTUATION, '');
    return {
      words: runs,
      advance,
      text: words.join(' '),
      endsWithPunctuation: TRAILING_PUNCTUATION.test(last),
      endsWithFunctionWord: FUNCTION_WORDS.has(bare) && !TRAILING_PUNCTUATION.test(last),
      single: words.length === 1,
      short: words.length === 1 && [...bare].length <= 3,
    };
  });
}

/** Glyphs of units [from, to) set on one line, centred on x = 0 by their ink. */
function shapeLine(units: readonly MeasuredUnit[], from: number, to: number, font: LayoutFont): LineShape {
  const glyphs: GlyphAt[] = [];
  let ink = EMPTY_BOX;
  let x = 0;
  for (let u = from; u < to; u++) {
    const unit = units[u];
    if (!unit) continue;
    unit.words.forEach((run, w) => {
      if (w > 0) x += font.spaceAdvance;
      for (const glyph of run.glyphs) {
        const own = font.glyphBox(glyph.glyphId);
        const gx = x + glyph.x;
        const box = isEmptyBox(own)
          ? EMPTY_BOX
          : { minX: own.minX + gx, minY: own.minY + glyph.y, maxX: own.maxX + gx, maxY: own.maxY + glyph.y };
        if (!isEmptyBox(box)) ink = unionBox(ink, box);
        glyphs.push({ glyphId: glyph.glyphId, x: gx, y: glyph.y, box });
      }
      x += run.advance;
    });
    if (u < to - 1) x += font.spaceAdvance;
  }
  const shift = isEmptyBox(ink) ? -x / 2 : -(ink.minX + ink.maxX) / 2;
  return {
    text: units.slice(from, to).map((unit) => unit.text).join(' '),
    glyphs: glyphs.map((g) => ({
      ...g,
      x: g.x + shift,
      box: isEmptyBox(g.box) ? g.box : { ...g.box, minX: g.box.minX + shift, maxX: g.box.maxX + shift },
    })),
    ink: isEmptyBox(ink) ? ink : { ...ink, minX: ink.minX + shift, maxX: ink.maxX + shift },
  };
}

/**
 * Least baseline distance (font units) at which no glyph of `below` comes closer
 * than `gap` to a glyph of `above` it overlaps horizontally.
 */
function clearance(above: LineShape, below: LineShape, gap: number): number {
  let needed = 0;
  for (const a of above.glyphs) {
    if (isEmptyBox(a.box)) continue;
    for (const b of below.glyphs) {
      if (isEmptyBox(b.box)) continue;
      if (a.box.maxX + gap <= b.box.minX || b.box.maxX + gap <= a.box.minX) continue;
      needed = Math.max(needed, b.box.maxY - a.box.minY + gap);
    }
  }
  return needed;
}

/* ------------------------------------------------------------------------ */
/* Breaking and fitting                                                      */

interface BlockShape {
  readonly lines: readonly LineShape[];
  /** Baselines, font units, measured down from the first baseline. */
  readonly baselines: readonly number[];
  /** Ink extent of the block, font units: top (down from the first baseline, negative) and bottom. */
  readonly inkTop: number;
  readonly inkBottom: number;
  readonly inkWidth: number;
}

function shapeBlock(
  units: readonly MeasuredUnit[],
  breaks: readonly number[],
  font: LayoutFont,
  leading: number,
): BlockShape {
  const lines: LineShape[] = [];
  let from = 0;
  for (const to of breaks) {
    lines.push(shapeLine(units, from, to, font));
    from = to;
  }
  const em = font.unitsPerEm;
  // One line distance for the whole block (an even rhythm), widened as much as the
  // closest pair of lines needs so that no marks touch.
  let distance = leading * em;
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1];
    const below = lines[i];
    if (above && below) distance = Math.max(distance, clearance(above, below, MIN_INK_GAP_EM * em));
  }
  const baselines = lines.map((_, i) => i * distance);
  let inkTop = Infinity;
  let inkBottom = -Infinity;
  let inkWidth = 0;
  lines.forEach((line, i) => {
    if (isEmptyBox(line.ink)) return;
    const baseline = baselines[i] ?? 0;
    inkTop = Math.min(inkTop, baseline - line.ink.maxY);
    inkBottom = Math.max(inkBottom, baseline - line.ink.minY);
    inkWidth = Math.max(inkWidth, line.ink.maxX - line.ink.minX);
  });
  if (!Number.isFinite(inkTop)) {
    inkTop = 0;
    inkBottom = 0;
  }
  return { lines, baselines, inkTop, inkBottom, inkWidth };
}

/** Sum of advances of units [from, to) set on one line, font units. */
function lineAdvance(units: readonly MeasuredUnit[], from: number, to: number, space: number): number {
  let sum = 0;
  for (let u = from; u < to; u++) sum += units[u]?.advance ?? 0;
  return sum + Math.max(0, to - from - 1) * space;
}

/** Quality of a set of breaks, 1 = nothing to regret; multiplies the type size when choosing. */
function breakQuality(units: readonly MeasuredUnit[], breaks: readonly number[]): number {
  if (breaks.length <= 1) return 1;
  let quality = 1;
  let from = 0;
  breaks.forEach((to, index) => {
    const last = units[to - 1];
    const first = units[from];
    if (to - from === 1 && first?.single) quality *= first.short ? 0.65 : 0.8;
    if (index < breaks.length - 1 && last) {
      if (!last.endsWithPunctuation) quality *= 0.985;
      if (last.endsWithFunctionWord) quality *= 0.9;
    }
    from = to;
  });
  return quality;
}

/** Narrowest possible widest line over `lines` lines (bottleneck partition). */
function narrowestWorstLine(units: readonly MeasuredUnit[], lines: number, space: number): number {
  const n = units.length;
  // best[m][j]: least worst-line width setting units [0, j) on m lines.
  let previous = new Array<number>(n + 1).fill(Infinity);
  previous[0] = 0;
  for (let m = 1; m <= lines; m++) {
    const current = new Array<number>(n + 1).fill(Infinity);
    for (let j = m; j <= n - (lines - m); j++) {
      for (let i = m - 1; i < j; i++) {
        const before = previous[i] ?? Infinity;
        if (before === Infinity) continue;
        const value = Math.max(before, lineAdvance(units, i, j, space));
        if (value < (current[j] ?? Infinity)) current[j] = value;
      }
    }
    previous = current;
  }
  return previous[n] ?? Infinity;
}

/**
 * Best breaks into exactly `lines` lines, none wider than `target`: balanced
 * (least squared slack), with penalties for a lone word on a line, a break not
 * after punctuation and a line ending in a function word. Returns the end index
 * of every line, or `undefined` if impossible.
 */
function balancedBreaks(
  units: readonly MeasuredUnit[],
  lines: number,
  target: number,
  space: number,
): number[] | undefined {
  const n = units.length;
  const cost: number[][] = [];
  const from: number[][] = [];
  for (let m = 0; m <= lines; m++) {
    cost.push(new Array<number>(n + 1).fill(Infinity));
    from.push(new Array<number>(n + 1).fill(-1));
  }
  (cost[0] as number[])[0] = 0;
  for (let m = 1; m <= lines; m++) {
    for (let j = m; j <= n - (lines - m); j++) {
      for (let i = m - 1; i < j; i++) {
        const before = cost[m - 1]?.[i] ?? Infinity;
        if (before === Infinity) continue;
        const width = lineAdvance(units, i, j, space);
        if (width > target * (1 + 1e-9)) continue;
        const slack = (target - width) / target;
        let lineCost = slack * slack;
        const first = units[i];
        const last = units[j - 1];
        if (lines > 1 && j - i === 1 && first?.single) lineCost += first.short ? 0.6 : 0.3;
        if (j < n && last) {
          if (!last.endsWithPunctuation) lineCost += 0.02;
          if (last.endsWithFunctionWord) lineCost += 0.1;
        }
        const total = before + lineCost;
        if (total < (cost[m]?.[j] ?? Infinity)) {
          (cost[m] as number[])[j] = total;
          (from[m] as number[])[j] = i;
        }
      }
    }
  }
  if ((cost[lines]?.[n] ?? Infinity) === Infinity) return undefined;
  const breaks: number[] = [];
  let j = n;
  for (let m = lines; m > 0; m--) {
    breaks.unshift(j);
    j = from[m]?.[j] ?? 0;
  }
  return breaks;
}

interface FittedBlock {
  readonly shape: BlockShape;
  /** Em size, scene units. */
  readonly size: number;
}

interface FitOptions {
  readonly region: Box;
  readonly maxSize: number;
  readonly maxLines: number;
  readonly leading: number;
}

/** Size at which a shaped block fills `region` (never above `maxSize`). */
function sizeFor(shape: BlockShape, font: LayoutFont, options: FitOptions): number {
  const em = font.unitsPerEm;
  const height = shape.inkBottom - shape.inkTop;
  const byWidth = shape.inkWidth > 0 ? (options.region.width * em) / shape.inkWidth : Infinity;
  const byHeight = height > 0 ? (options.region.height * em) / height : Infinity;
  return Math.max(0, Math.min(byWidth, byHeight, options.maxSize));
}

/** The breaks and size that set the units largest, weighted by the quality of the breaks. */
function fitUnits(units: readonly MeasuredUnit[], font: LayoutFont, options: FitOptions): FittedBlock | undefined {
  if (units.length === 0) return undefined;
  const space = font.spaceAdvance;
  let best: { fitted: FittedBlock; score: number } | undefined;
  const seen = new Set<string>();
  const maxLines = Math.min(options.maxLines, units.length);
  for (let lines = 1; lines <= maxLines; lines++) {
    const narrowest = narrowestWorstLine(units, lines, space);
    for (const tolerance of BALANCE_TOLERANCES) {
      const breaks = balancedBreaks(units, lines, narrowest * tolerance, space);
      if (!breaks) continue;
      const key = breaks.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const shape = shapeBlock(units, breaks, font, options.leading);
      const size = sizeFor(shape, font, options);
      const score = size * breakQuality(units, breaks);
      // Ties (a capped size) go to fewer lines, which come first.
      if (!best || score > best.score * (1 + 1e-9)) best = { fitted: { shape, size }, score };
    }
  }
  return best?.fitted;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

const round = (value: number): number => {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};

function outlinePath(commands: readonly PathCommand[], ox: number, oy: number, scale: number): string {
  const parts: string[] = [];
  const point = (args: readonly number[], i: number): string =>
    `${round(ox + (args[i] ?? 0) * scale)} ${round(oy - (args[i + 1] ?? 0) * scale)}`;
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        parts.push(`M${point(args, 0)}`);
        break;
      case 'lineTo':
        parts.push(`L${point(args, 0)}`);
        break;
      case 'quadraticCurveTo':
        parts.push(`Q${point(args, 0)} ${point(args, 2)}`);
        break;
      case 'bezierCurveTo':
        parts.push(`C${point(args, 0)} ${point(args, 2)} ${point(args, 4)}`);
        break;
      case 'closePath':
        parts.push('Z');
        break;
    }
  }
  return parts.join('');
}

interface PlacedBlock {
  readonly block: TextBlock;
  readonly paths: readonly string[];
}

/** Place a fitted block centred in its region and draw its glyphs as paths. */
function placeBlock(role: TextRole, fitted: FittedBlock, font: LayoutFont, region: Box): PlacedBlock {
  const { shape, size } = fitted;
  const scale = size / font.unitsPerEm;
  const top = region.y + (region.height - (shape.inkBottom - shape.inkTop) * scale) / 2;
  const centreX = region.x + region.width / 2;
  const lines: SceneLine[] = [];
  const paths: string[] = [];
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
    paths.push(
      line.glyphs
        .map((glyph) =>
          outlinePath(font.outline(glyph.glyphId), centreX + glyph.x * scale, baseline - glyph.y * scale, scale),
        )
        .join(''),
    );
  });
  const inks = lines.map((line) => line.ink).filter((ink) => ink.width > 0);
  const x0 = Math.min(...inks.map((ink) => ink.x));
  const y0 = Math.min(...inks.map((ink) => ink.y));
  const x1 = Math.max(...inks.map((ink) => ink.x + ink.width));
  const y1 = Math.max(...inks.map((ink) => ink.y + ink.height));
  const ink = inks.length ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : { x: centreX, y: top, width: 0, height: 0 };
  return { block: { role, fontSize: size, region, lines, ink }, paths };
}

/** A ring along the inside of `outer`, `width` thick (outer clockwise, inner counter-clockwise). */
function framePath(outer: Box, width: number): string {
  const x0 = round(outer.x);
  const y0 = round(outer.y);
  const x1 = round(outer.x + outer.width);
  const y1 = round(outer.y + outer.height);
  const ix0 = round(outer.x + width);
  const iy0 = round(outer.y + width);
  const ix1 = round(outer.x + outer.width - width);
  const iy1 = round(outer.y + outer.height - width);
  return (
    `M${x0} ${y0}L${x1} ${y0}L${x1} ${y1}L${x0} ${y1}Z` +
    `M${ix0} ${iy0}L${ix0} ${iy1}L${ix1} ${iy1}L${ix1} ${iy0}Z`
  );
}

/* ------------------------------------------------------------------------ */
/* The unit line                                                             */

interface UnitLineResult {
  readonly fitted: FittedBlock;
  readonly warning?: LayoutWarning;
}

function fitUnitLine(text: string, font: LayoutFont, region: Box, nominal: number, minimum: number): UnitLineResult | undefined {
  const options = { region, maxSize: nominal, maxLines: MAX_LINES.unit, leading: LEADING.unit };
  const whole = fitUnits(measureUnits(breakUnits(text), font), font, options);
  if (!whole) return undefined;
  if (whole.size >= minimum) return { fitted: whole };

  // Too long: keep the minimum legible size and shorten, at a word if possible.
  const atMinimum = { ...options, maxSize: minimum };
  const fitsAtMinimum = (candidate: string): FittedBlock | undefined => {
    const fitted = fitUnits(measureUnits(breakUnits(candidate), font), font, atMinimum);
    return fitted && fitted.size >= minimum * (1 - 1e-9) ? fitted : undefined;
  };
  const words = text.split(' ');
  for (let count = words.length - 1; count >= 1; count--) {
    const candidate = `${words.slice(0, count).join(' ').replace(/[\s,;:.–-]+$/u, '')}…`;
    const fitted = fitsAtMinimum(candidate);
    if (fitted) {
      return { fitted, warning: { code: 'unit-line-too-long', fontSize: minimum, minFontSize: minimum, shown: candidate } };
    }
  }
  // Not even the first word fits: cut it by characters (binary search).
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  let found: { fitted: FittedBlock; shown: string } | undefined;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = `${chars.slice(0, mid).join('').trimEnd()}…`;
    const fitted = fitsAtMinimum(candidate);
    if (fitted) {
      found = { fitted, shown: candidate };
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  if (!found) return undefined;
  return {
    fitted: found.fitted,
    warning: { code: 'unit-line-too-long', fontSize: minimum, minFontSize: minimum, shown: found.shown },
  };
}

/* ------------------------------------------------------------------------ */
/* The scene                                                                 */

/** Characters of `text` (no whitespace) that `font` has no glyph for. */
function missingChars(text: string, font: LayoutFont): string[] {
  return [...new Set([...text])].filter((char) => !/\s/u.test(char) && !font.hasChar(char));
}

const inset = (box: Box, dx: number, dy: number = dx): Box => ({
  x: box.x + dx,
  y: box.y + dy,
  width: box.width - 2 * dx,
  height: box.height - 2 * dy,
});

/**
 * Lay out one poster, banner or image. Never throws on text: problems (a unit line
 * too long, characters the font lacks, an empty slogan) come back in `warnings`.
 * Throws only on an unknown format or scheme id.
 */
export function layoutScene(input: SceneInput): Scene {
  const format = typeof input.format === 'string' ? getFormat(input.format) : input.format;
  const scheme = typeof input.scheme === 'string' ? getScheme(input.scheme) : input.scheme;
  const { display, text: textFont } = input.fonts;

  const slogan = cleanText(input.slogan);
  const sloganSet = input.uppercase === false ? slogan : toUpperVietnamese(slogan);
  const heading = cleanText(input.heading);
  const footer = cleanText(input.footer);
  const unitLine = cleanText(input.unitLine ?? '');

  const warnings: LayoutWarning[] = [];
  const missing = [
    ...new Set([
      ...missingChars(sloganSet, display),
      ...missingChars(heading + footer + unitLine, textFont),
    ]),
  ].sort((a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0));
  if (missing.length) warnings.push({ code: 'missing-glyphs', chars: missing });

  // Geometry, from the trim size only.
  const W = format.width;
  const H = format.height;
  const b = format.bleed;
  const u = Math.min(W, H);
  const landscape = W / H >= LANDSCAPE_RATIO;
  const frameInset = 0.035 * u;
  const frameWidth = (landscape ? 0.008 : 0.006) * u;
  const padding = 0.035 * u;
  const footerHeight = footer ? (landscape ? 0.16 : 0.075) * H : 0;
  const footerTop = H - footerHeight;

  const trim: Box = { x: b, y: b, width: W, height: H };
  const frame: Box = {
    x: b + frameInset,
    y: b + frameInset,
    width: W - 2 * frameInset,
    height: footerTop - 2 * frameInset,
  };
  const content = inset(frame, frameWidth + padding);
  const gap = (landscape ? 0.045 : 0.03) * content.height;

  const items: SceneItem[] = [
    { type: 'rect', role: 'background', x: 0, y: 0, width: W + 2 * b, height: H + 2 * b, fill: scheme.background },
    { type: 'path', role: 'frame', d: framePath(frame, frameWidth), fill: scheme.text },
  ];
  const placed: PlacedBlock[] = [];

  // Footer band: full bleed at the bottom, text in the background colour.
  let footerRegion: Box | undefined;
  if (footer) {
    items.push({
      type: 'rect',
      role: 'footer-band',
      x: 0,
      y: b + footerTop,
      width: W + 2 * b,
      height: footerHeight + b,
      fill: scheme.text,
    });
    footerRegion = {
      x: content.x,
      y: b + footerTop + 0.22 * footerHeight,
      width: content.width,
      height: 0.56 * footerHeight,
    };
  }

  // Vertical bands inside the frame: heading, rule, slogan, unit line.
  let top = content.y;
  let bottom = content.y + content.height;
  let headingRegion: Box | undefined;
  let ruleBox: Box | undefined;
  if (heading) {
    const headingHeight = (landscape ? 0.2 : 0.15) * content.height;
    headingRegion = { x: content.x, y: top, width: content.width, height: headingHeight };
    const ruleHeight = 0.004 * u;
    const ruleWidth = (landscape ? 0.1 : 0.2) * W;
    ruleBox = {
      x: content.x + (content.width - ruleWidth) / 2,
      y: top + headingHeight + gap,
      width: ruleWidth,
      height: ruleHeight,
    };
    top = ruleBox.y + ruleHeight + gap;
  }
  const unitNominal = (landscape ? 0.05 : 0.03) * u;
  const unitMinimum = 0.6 * unitNominal;
  let unitRegion: Box | undefined;
  if (unitLine) {
    const unitHeight = 1.5 * unitNominal;
    unitRegion = { x: content.x, y: bottom - unitHeight, width: content.width, height: unitHeight };
    bottom = unitRegion.y - gap;
  }
  const sloganRegion: Box = { x: content.x, y: top, width: content.width, height: bottom - top };

  // The slogan first: the heading is then kept well below its size.
  let sloganSize = Infinity;
  const sloganFitted = fitUnits(measureUnits(breakUnits(sloganSet), display), display, {
    region: sloganRegion,
    maxSize: Infinity,
    maxLines: MAX_LINES.slogan,
    leading: LEADING.slogan,
  });
  if (sloganFitted) {
    sloganSize = sloganFitted.size;
    placed.push(placeBlock('slogan', sloganFitted, display, sloganRegion));
  } else {
    warnings.push({ code: 'empty-slogan' });
  }

  if (headingRegion && ruleBox) {
    const fitted = fitUnits(measureUnits(breakUnits(heading), textFont), textFont, {
      region: headingRegion,
      maxSize: Math.min((landscape ? 0.1 : 0.05) * u, HEADING_MAX_RATIO * sloganSize),
      maxLines: MAX_LINES.heading,
      leading: LEADING.heading,
    });
    if (fitted) {
      placed.push(placeBlock('heading', fitted, textFont, headingRegion));
      items.push({ type: 'rect', role: 'rule', ...ruleBox, fill: scheme.text });
    }
  }

  if (unitRegion) {
    const result = fitUnitLine(unitLine, textFont, unitRegion, unitNominal, unitMinimum);
    if (result) {
      placed.push(placeBlock('unit', result.fitted, textFont, unitRegion));
      if (result.warning) warnings.push(result.warning);
    }
  }

  if (footerRegion) {
    const fitted = fitUnits(measureUnits(breakUnits(footer), textFont), textFont, {
      region: footerRegion,
      maxSize: Infinity,
      maxLines: MAX_LINES.footer,
      leading: LEADING.footer,
    });
    if (fitted) placed.push(placeBlock('footer', fitted, textFont, footerRegion));
  }

  const order: TextRole[] = ['heading', 'slogan', 'unit', 'footer'];
  placed.sort((p, q) => order.indexOf(p.block.role) - order.indexOf(q.block.role));
  for (const { block, paths } of placed) {
    const fill = block.role === 'footer' ? scheme.background : scheme.text;
    for (const d of paths) if (d) items.push({ type: 'path', role: block.role, d, fill });
  }

  return {
    formatId: format.id,
    schemeId: scheme.id,
    unit: format.unit,
    width: W + 2 * b,
    height: H + 2 * b,
    bleed: b,
    trim,
    safe: {
      x: content.x,
      y: content.y,
      width: content.width,
      height: (footerRegion ? footerRegion.y + footerRegion.height : content.y + content.height) - content.y,
    },
    title: slogan,
    items,
    blocks: placed.map((p) => p.block),
    warnings,
  };
}
