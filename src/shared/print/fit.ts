/**
 * Fitting: the breaks and the type size that set a text largest in its region,
 * and the unit line's fallback when even its least legible size is too large.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { isEmptyBox, type LayoutFont } from './font.ts';
import { allBreaks, breakQuality, candidateBreaks } from './line-break.ts';
import type { Box, LayoutWarning } from './scene.ts';
import { createShapeMemo, measureUnits, shapeBlock, type BlockShape } from './shape.ts';
import { breakUnits } from './text.ts';

export interface FittedBlock {
  readonly shape: BlockShape;
  /** Em size, scene units. */
  readonly size: number;
}

export interface FitOptions {
  readonly region: Box;
  readonly maxSize: number;
  readonly maxLines: number;
  /** Baseline-to-baseline distance before any widening, em. */
  readonly leading: number;
  /**
   * A size to reach before the breaks' looks count (a banner's slogan read from afar):
   * breaks that reach it are ranked by size × quality; if none does, the largest size wins.
   * Default 0: always size × quality.
   */
  readonly minSize?: number | undefined;
  /**
   * A box the block, centred in `region`, must keep clear of (a banner's QR code in the
   * corner of the slogan's region): a size whose lines would reach into it is lowered.
   */
  readonly avoid?: Box | undefined;
}

/** Size at which a shaped block fills `region` (never above `maxSize`). */
export function sizeFor(shape: BlockShape, font: LayoutFont, options: FitOptions): number {
  const em = font.unitsPerEm;
  const height = shape.inkBottom - shape.inkTop;
  const byWidth = shape.inkWidth > 0 ? (options.region.width * em) / shape.inkWidth : Infinity;
  const byHeight = height > 0 ? (options.region.height * em) / height : Infinity;
  return Math.max(0, Math.min(byWidth, byHeight, options.maxSize));
}

/** One way of setting a text: its shaped lines and the quality of its breaks. */
export interface ShapedCandidate {
  readonly shape: BlockShape;
  readonly quality: number;
}

/** Whether `shape` at `size`, centred in `region` as `placeBlock` centres it, reaches into `avoid`. */
function overlaps(shape: BlockShape, font: LayoutFont, size: number, region: Box, avoid: Box): boolean {
  const scale = size / font.unitsPerEm;
  const top = region.y + (region.height - (shape.inkBottom - shape.inkTop) * scale) / 2;
  const centreX = region.x + region.width / 2;
  return shape.lines.some((line, i) => {
    if (isEmptyBox(line.ink)) return false;
    const baseline = top + ((shape.baselines[i] ?? 0) - shape.inkTop) * scale;
    const y0 = baseline - line.ink.maxY * scale;
    const y1 = baseline - line.ink.minY * scale;
    const x0 = centreX + line.ink.minX * scale;
    const x1 = centreX + line.ink.maxX * scale;
    return x1 > avoid.x && x0 < avoid.x + avoid.width && y1 > avoid.y && y0 < avoid.y + avoid.height;
  });
}

/** `sizeFor`, lowered (to 0.01 %) until the block keeps clear of `options.avoid`. */
function clearSizeFor(shape: BlockShape, font: LayoutFont, options: FitOptions): number {
  const size = sizeFor(shape, font, options);
  const { avoid, region } = options;
  if (!avoid || !overlaps(shape, font, size, region, avoid)) return size;
  let low = 0;
  let high = size;
  while (high - low > size * 1e-4) {
    const mid = (low + high) / 2;
    if (overlaps(shape, font, mid, region, avoid)) high = mid;
    else low = mid;
  }
  return low;
}

/**
 * The ways of setting `text` (already cleaned) worth trying, shaped: the balanced breaks of
 * `candidateBreaks`, or with `exhaustive` every breaking whose widest line is within that
 * factor of the narrowest possible (`allBreaks`). Empty for a text with no words.
 */
export function shapeCandidates(
  text: string,
  font: LayoutFont,
  maxLines: number,
  leading: number,
  exhaustive?: number,
): ShapedCandidate[] {
  const units = measureUnits(breakUnits(text), font);
  if (units.length === 0) return [];
  const memo = createShapeMemo();
  const sets =
    exhaustive === undefined
      ? candidateBreaks(units, maxLines, font.spaceAdvance)
      : allBreaks(units, maxLines, font.spaceAdvance, exhaustive);
  return sets.map((breaks) => ({
    shape: shapeBlock(units, breaks, font, leading, memo),
    quality: breakQuality(units, breaks),
  }));
}

/**
 * The candidate set largest in `options.region`, weighted by the quality of its breaks
 * (see `FitOptions.minSize`); `undefined` when there is none.
 */
export function chooseFit(
  candidates: readonly ShapedCandidate[],
  font: LayoutFont,
  options: FitOptions,
): FittedBlock | undefined {
  const minSize = options.minSize ?? 0;
  let best: { fitted: FittedBlock; score: number } | undefined;
  let largest: FittedBlock | undefined;
  for (const { shape, quality } of candidates) {
    const size = clearSizeFor(shape, font, options);
    if (!largest || size > largest.size * (1 + 1e-9)) largest = { shape, size };
    if (size < minSize * (1 - 1e-9)) continue;
    const score = size * quality;
    // Ties (a capped size) go to fewer lines, which come first.
    if (!best || score > best.score * (1 + 1e-9)) best = { fitted: { shape, size }, score };
  }
  return best?.fitted ?? largest;
}

/**
 * The breaks and size that set `text` (already cleaned) largest, weighted by the
 * quality of the breaks; `undefined` for a text with no words.
 */
export function fitText(text: string, font: LayoutFont, options: FitOptions): FittedBlock | undefined {
  return chooseFit(shapeCandidates(text, font, options.maxLines, options.leading), font, options);
}

export interface UnitLineFit {
  readonly fitted: FittedBlock;
  readonly warning?: LayoutWarning;
}

/**
 * The unit line at its nominal size or smaller, but never below `minimum`: a line
 * too long for that is shortened with "…" (at a word if possible) and warned about.
 */
export function fitUnitLine(
  text: string,
  font: LayoutFont,
  options: FitOptions,
  minimum: number,
): UnitLineFit | undefined {
  const whole = fitText(text, font, options);
  if (!whole) return undefined;
  if (whole.size >= minimum) return { fitted: whole };

  // Too long: keep the minimum legible size and shorten, at a word if possible.
  const atMinimum = { ...options, maxSize: minimum };
  const fitsAtMinimum = (candidate: string): FittedBlock | undefined => {
    const fitted = fitText(candidate, font, atMinimum);
    return fitted && fitted.size >= minimum * (1 - 1e-9) ? fitted : undefined;
  };
  const shortened = (fitted: FittedBlock, shown: string): UnitLineFit => ({
    fitted,
    warning: { code: 'unit-line-too-long', fontSize: minimum, minFontSize: minimum, shown },
  });
  const words = text.split(' ');
  for (let count = words.length - 1; count >= 1; count--) {
    const candidate = `${words
      .slice(0, count)
      .join(' ')
      .replace(/[\s,;:.–-]+$/u, '')}…`;
    const fitted = fitsAtMinimum(candidate);
    if (fitted) return shortened(fitted, candidate);
  }
  // Not even the first word fits: cut it by characters (binary search).
  const chars = [...text];
  let low = 0;
  let high = chars.length;
  let found: UnitLineFit | undefined;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    const candidate = `${chars.slice(0, mid).join('').trimEnd()}…`;
    const fitted = fitsAtMinimum(candidate);
    if (fitted) {
      found = shortened(fitted, candidate);
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return found;
}
