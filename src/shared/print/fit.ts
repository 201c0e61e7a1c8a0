/**
 * Fitting: the breaks and the type size that set a text largest in its region,
 * and the unit line's fallback when even its least legible size is too large.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import type { LayoutFont } from './font.ts';
import { breakQuality, candidateBreaks } from './line-break.ts';
import type { Box, LayoutWarning } from './scene.ts';
import { measureUnits, shapeBlock, type BlockShape } from './shape.ts';
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
}

/** Size at which a shaped block fills `region` (never above `maxSize`). */
function sizeFor(shape: BlockShape, font: LayoutFont, options: FitOptions): number {
  const em = font.unitsPerEm;
  const height = shape.inkBottom - shape.inkTop;
  const byWidth = shape.inkWidth > 0 ? (options.region.width * em) / shape.inkWidth : Infinity;
  const byHeight = height > 0 ? (options.region.height * em) / height : Infinity;
  return Math.max(0, Math.min(byWidth, byHeight, options.maxSize));
}

/**
 * The breaks and size that set `text` (already cleaned) largest, weighted by the
 * quality of the breaks; `undefined` for a text with no words.
 */
export function fitText(text: string, font: LayoutFont, options: FitOptions): FittedBlock | undefined {
  const units = measureUnits(breakUnits(text), font);
  if (units.length === 0) return undefined;
  const minSize = options.minSize ?? 0;
  let best: { fitted: FittedBlock; score: number } | undefined;
  let largest: FittedBlock | undefined;
  for (const breaks of candidateBreaks(units, options.maxLines, font.spaceAdvance)) {
    const shape = shapeBlock(units, breaks, font, options.leading);
    const size = sizeFor(shape, font, options);
    if (!largest || size > largest.size * (1 + 1e-9)) largest = { shape, size };
    if (size < minSize * (1 - 1e-9)) continue;
    const score = size * breakQuality(units, breaks);
    // Ties (a capped size) go to fewer lines, which come first.
    if (!best || score > best.score * (1 + 1e-9)) best = { fitted: { shape, size }, score };
  }
  return best?.fitted ?? largest;
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
