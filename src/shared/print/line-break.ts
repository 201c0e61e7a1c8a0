/**
 * Line breaking: where a block's lines end. Balanced lines, and no break that a
 * reader would regret (a lone word, a line ending in a function word, a break
 * not after punctuation) unless the type gains enough size by it.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Works on units (a word, or a protected compound that never breaks inside),
 * measured by their advance in font units; breaks are the end index of every line.
 * A block of more than one line never ends in a line of fewer than
 * `LAST_LINE_MIN_WORDS` words (`line-rules.ts`).
 */

import { LAST_LINE_MIN_WORDS } from './line-rules.ts';

/** What the breaking needs to know of a unit. */
export interface BreakUnit {
  /** Advance of the unit, inner spaces included, font units. */
  readonly advance: number;
  readonly endsWithPunctuation: boolean;
  readonly endsWithFunctionWord: boolean;
  /** A single word (not a protected compound). */
  readonly single: boolean;
  /** A single word of at most three letters ("hãy", "bạn!"). */
  readonly short: boolean;
  /** How many words the unit holds. */
  readonly wordCount: number;
}

/** Words better moved to the start of the next line than left at the end of one. */
const FUNCTION_WORDS = new Set([
  'và',
  'của',
  'với',
  'để',
  'là',
  'cho',
  'các',
  'những',
  'mọi',
  'bị',
  'khi',
  'vì',
  'trên',
  'tại',
  'từ',
  'ở',
  'có',
  'không',
  'được',
  'thì',
  'mà',
  'hoặc',
  'đó',
  'hãy',
  'về',
  'người',
]);

const TRAILING_PUNCTUATION = /[,.;:!?…)\]»"”'’–—-]$/u;
const STRIP_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** How much wider than the narrowest possible worst line a balanced break may be. */
const BALANCE_TOLERANCES = [1, 1.04, 1.1, 1.2];

/** Costs the balanced search adds to a line's squared slack (0 = a full line). */
const COST = {
  /** A line of one single word, of at most three letters. */
  loneShortWord: 0.6,
  /** A line of one single, longer word. */
  loneWord: 0.3,
  /** A line that does not end in punctuation (the last line excepted). */
  notAfterPunctuation: 0.02,
  /** A line that ends in a function word. */
  functionWordAtEnd: 0.1,
};

/** The same regrets as factors of a candidate's score (its type size × these; 1 = nothing to regret). */
const QUALITY = {
  loneShortWord: 0.65,
  loneWord: 0.8,
  notAfterPunctuation: 0.985,
  functionWordAtEnd: 0.9,
};

/** The break traits of a unit made of `words` (all but the advance). */
export function breakTraits(words: readonly string[]): Omit<BreakUnit, 'advance'> {
  const last = words[words.length - 1] ?? '';
  const bare = last.toLowerCase().replace(STRIP_PUNCTUATION, '');
  return {
    endsWithPunctuation: TRAILING_PUNCTUATION.test(last),
    endsWithFunctionWord: FUNCTION_WORDS.has(bare) && !TRAILING_PUNCTUATION.test(last),
    single: words.length === 1,
    wordCount: words.length,
    short: words.length === 1 && [...bare].length <= 3,
  };
}

/** Words on a line of units [from, to). */
function wordsIn(units: readonly BreakUnit[], from: number, to: number): number {
  let sum = 0;
  for (let u = from; u < to; u++) sum += units[u]?.wordCount ?? 1;
  return sum;
}

/** Whether units [from, to) may be a line: the last line of a block of several holds enough words. */
function lastLineAllowed(units: readonly BreakUnit[], from: number, to: number, lines: number): boolean {
  return to < units.length || lines === 1 || wordsIn(units, from, to) >= LAST_LINE_MIN_WORDS;
}

/** Sum of advances of units [from, to) set on one line, font units. */
function lineAdvance(units: readonly BreakUnit[], from: number, to: number, space: number): number {
  let sum = 0;
  for (let u = from; u < to; u++) sum += units[u]?.advance ?? 0;
  return sum + Math.max(0, to - from - 1) * space;
}

/** Quality of a set of breaks, 1 = nothing to regret; multiplies the type size when choosing. */
export function breakQuality(units: readonly BreakUnit[], breaks: readonly number[]): number {
  if (breaks.length <= 1) return 1;
  let quality = 1;
  let from = 0;
  breaks.forEach((to, index) => {
    const last = units[to - 1];
    const first = units[from];
    if (to - from === 1 && first?.single) quality *= first.short ? QUALITY.loneShortWord : QUALITY.loneWord;
    if (index < breaks.length - 1 && last) {
      if (!last.endsWithPunctuation) quality *= QUALITY.notAfterPunctuation;
      if (last.endsWithFunctionWord) quality *= QUALITY.functionWordAtEnd;
    }
    from = to;
  });
  return quality;
}

/** Narrowest possible widest line over `lines` lines (bottleneck partition). */
function narrowestWorstLine(units: readonly BreakUnit[], lines: number, space: number): number {
  const n = units.length;
  // best[m][j]: least worst-line width setting units [0, j) on m lines.
  let previous = new Array<number>(n + 1).fill(Infinity);
  previous[0] = 0;
  for (let m = 1; m <= lines; m++) {
    const current = new Array<number>(n + 1).fill(Infinity);
    for (let j = m; j <= n - (lines - m); j++) {
      for (let i = m - 1; i < j; i++) {
        const before = previous[i] ?? Infinity;
        if (before === Infinity || !lastLineAllowed(units, i, j, lines)) continue;
        const value = Math.max(before, lineAdvance(units, i, j, space));
        if (value < (current[j] ?? Infinity)) current[j] = value;
      }
    }
    previous = current;
  }
  return previous[n] ?? Infinity;
}

/**
 * What the balanced search adds for a line of units [i, j), `slack` short of the target,
 * in a block of `lines` lines.
 */
function lineCost(units: readonly BreakUnit[], i: number, j: number, lines: number, slack: number): number {
  let cost = slack * slack;
  const first = units[i];
  const last = units[j - 1];
  if (lines > 1 && j - i === 1 && first?.single) cost += first.short ? COST.loneShortWord : COST.loneWord;
  if (j < units.length && last) {
    if (!last.endsWithPunctuation) cost += COST.notAfterPunctuation;
    if (last.endsWithFunctionWord) cost += COST.functionWordAtEnd;
  }
  return cost;
}

/**
 * Best breaks into exactly `lines` lines, none wider than `target`: balanced
 * (least squared slack), with the costs above. Returns the end index of every
 * line, or `undefined` if impossible.
 */
function balancedBreaks(
  units: readonly BreakUnit[],
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
        if (!lastLineAllowed(units, i, j, lines)) continue;
        const total = before + lineCost(units, i, j, lines, (target - width) / target);
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

/**
 * The distinct sets of breaks worth trying on 1 to `maxLines` lines: for each
 * line count, balanced breaks at widths from the narrowest possible worst line
 * up to 20 % wider. Fewer lines come first.
 */
export function candidateBreaks(units: readonly BreakUnit[], maxLines: number, space: number): number[][] {
  const candidates: number[][] = [];
  const seen = new Set<string>();
  for (let lines = 1; lines <= Math.min(maxLines, units.length); lines++) {
    const narrowest = narrowestWorstLine(units, lines, space);
    for (const tolerance of BALANCE_TOLERANCES) {
      const breaks = balancedBreaks(units, lines, narrowest * tolerance, space);
      if (!breaks) continue;
      const key = breaks.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      candidates.push(breaks);
    }
  }
  return candidates;
}

/**
 * Every set of breaks on 1 to `maxLines` lines whose widest line is at most `tolerance` ×
 * the narrowest possible widest line for that count, and whose last line is allowed: the
 * search for a banner's slogan, where the size matters more than the looks and a breaking
 * the balanced search passes over may set the text larger. Fewer lines come first.
 */
export function allBreaks(units: readonly BreakUnit[], maxLines: number, space: number, tolerance: number): number[][] {
  const n = units.length;
  const found: number[][] = [];
  for (let lines = 1; lines <= Math.min(maxLines, n); lines++) {
    const limit = narrowestWorstLine(units, lines, space) * tolerance * (1 + 1e-9);
    if (!Number.isFinite(limit)) continue;
    const breaks: number[] = [];
    const walk = (from: number, line: number): void => {
      if (line === lines) {
        if (from === n) found.push([...breaks]);
        return;
      }
      const left = lines - line - 1;
      for (let to = from + 1; to <= n - left; to++) {
        if (lineAdvance(units, from, to, space) > limit) break;
        if (to === n && !lastLineAllowed(units, from, to, lines)) continue;
        if (to === n && left > 0) continue;
        breaks.push(to);
        walk(to, line + 1);
        breaks.pop();
      }
    };
    walk(0, 0);
  }
  return found;
}
