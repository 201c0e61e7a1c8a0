/**
 * Shaping: units of text measured and set as glyph runs, lines centred by their
 * real ink, and blocks of lines spaced so that no marks of adjacent lines touch.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * All lengths here are in font units, y up (as fonts have them); `geometry.ts`
 * scales and places the result in the scene.
 */

import type { FontBox, LayoutFont, ShapedRun } from './font.ts';
import { EMPTY_BOX, isEmptyBox, unionBox } from './font.ts';
import { breakTraits, type BreakUnit } from './line-break.ts';
import { PROPORTIONS } from './proportions.ts';

/** A unit of text (a word or a protected compound) shaped in one font. */
export interface MeasuredUnit extends BreakUnit {
  readonly words: readonly ShapedRun[];
  readonly text: string;
}

interface GlyphAt {
  readonly glyphId: number;
  /** Origin of the glyph from the line origin, font units (y up). */
  readonly x: number;
  readonly y: number;
  /** Ink box, already offset, font units (y up). */
  readonly box: FontBox;
}

/** One line, centred on x = 0 by its ink. */
export interface LineShape {
  readonly text: string;
  readonly glyphs: readonly GlyphAt[];
  readonly ink: FontBox;
}

export interface BlockShape {
  readonly lines: readonly LineShape[];
  /** Baselines, font units, measured down from the first baseline. */
  readonly baselines: readonly number[];
  /** Ink extent of the block, font units: top (down from the first baseline, negative) and bottom. */
  readonly inkTop: number;
  readonly inkBottom: number;
  readonly inkWidth: number;
}

/** Shape every unit (its words, as `breakUnits()` gives them) in `font`. */
export function measureUnits(units: readonly (readonly string[])[], font: LayoutFont): MeasuredUnit[] {
  return units.map((words) => {
    const runs = words.map((word) => font.shape(word));
    const advance = runs.reduce((sum, run) => sum + run.advance, 0) + (runs.length - 1) * font.spaceAdvance;
    return { words: runs, advance, text: words.join(' '), ...breakTraits(words) };
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
    text: units
      .slice(from, to)
      .map((unit) => unit.text)
      .join(' '),
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

/**
 * Lines and clearances already computed for one text's units, keyed by their unit ranges:
 * a search over many sets of breaks of the same units shapes each line once.
 */
export interface ShapeMemo {
  readonly lines: Map<string, LineShape>;
  readonly clearances: Map<string, number>;
}

export const createShapeMemo = (): ShapeMemo => ({ lines: new Map(), clearances: new Map() });

/**
 * The units set on the lines `breaks` gives, `leading` em apart or more where marks need it.
 * `memo` (for these `units` and `font` only) reuses lines shaped for other breaks.
 */
export function shapeBlock(
  units: readonly MeasuredUnit[],
  breaks: readonly number[],
  font: LayoutFont,
  leading: number,
  memo?: ShapeMemo,
): BlockShape {
  const lines: LineShape[] = [];
  const keys: string[] = [];
  let from = 0;
  for (const to of breaks) {
    const key = `${from}-${to}`;
    let line = memo?.lines.get(key);
    if (!line) {
      line = shapeLine(units, from, to, font);
      memo?.lines.set(key, line);
    }
    lines.push(line);
    keys.push(key);
    from = to;
  }
  const em = font.unitsPerEm;
  // One line distance for the whole block (an even rhythm), widened as much as the
  // closest pair of lines needs so that no marks touch.
  let distance = leading * em;
  for (let i = 1; i < lines.length; i++) {
    const above = lines[i - 1];
    const below = lines[i];
    if (!above || !below) continue;
    const key = `${keys[i - 1]}/${keys[i]}`;
    let needed = memo?.clearances.get(key);
    if (needed === undefined) {
      needed = clearance(above, below, PROPORTIONS.text.minInkGap * em);
      memo?.clearances.set(key, needed);
    }
    distance = Math.max(distance, needed);
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

/** Characters of `text` (no whitespace) that `font` has no glyph for. */
export function missingChars(text: string, font: LayoutFont): string[] {
  return [...new Set([...text])].filter((char) => !/\s/u.test(char) && !font.hasChar(char));
}
