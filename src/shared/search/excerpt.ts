/**
 * Result excerpts built from the real text, with the matched words marked.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Pagefind's own `excerpt` is HTML cut from the folded copy of the page (see
 * `fold.ts`). We rebuild it instead from the fragment's plain `content`, unfolded
 * word by word, and Pagefind's word `locations`: the same choice of passage as
 * Pagefind (the densest window of matches, from `calculate_excerpt_region` in
 * pagefind_web_js), but as plain parts the UI renders as text nodes and `<mark>`s,
 * so no HTML from the index is ever parsed.
 */
import { unfold } from './fold.ts';

/** A matched word as Pagefind reports it (`result.data().weighted_locations`). */
export interface WordLocation {
  /** Index of the word in the page's content, split on whitespace. */
  location: number;
  /** How much this match counts; the excerpt goes where the sum is highest. */
  balanced_score: number;
}

/** A run of excerpt text; `mark` when it is a matched word. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

export interface Excerpt {
  parts: ExcerptPart[];
  /** Words of the page come before the excerpt (show an ellipsis). */
  cutStart: boolean;
  /** Words of the page come after it. */
  cutEnd: boolean;
}

/** Pagefind's word separator: whitespace except U+FEFF. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
/** Leading punctuation, the word, trailing punctuation: only the word is marked. */
const WORD_CORE = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;

/** Index of the first word of the `length`-word window with the highest total score. */
export function excerptStart(locations: readonly WordLocation[], wordCount: number, length: number): number {
  if (locations.length === 0 || wordCount <= length) return 0;
  const scores = new Array<number>(wordCount).fill(0);
  for (const { location, balanced_score } of locations) {
    if (location < wordCount) scores[location]! += balanced_score;
  }
  let sum = scores.slice(0, length).reduce((a, b) => a + b, 0);
  let best = sum;
  /** Consecutive starts sharing the best sum: Pagefind takes the middle one. */
  let bestRun = [0];
  for (let start = 1; start + length <= wordCount; start++) {
    sum += scores[start + length - 1]! - scores[start - 1]!;
    if (sum > best) {
      best = sum;
      bestRun = [start];
    } else if (sum === best && bestRun.at(-1) === start - 1) {
      bestRun.push(start);
    }
  }
  return bestRun[Math.floor(bestRun.length / 2)]!;
}

/**
 * The excerpt of `content` (the fragment's folded plain text) of at most
 * `length` words around the matches, unfolded, with matched words marked.
 */
export function buildExcerpt(content: string, locations: readonly WordLocation[], length = 24): Excerpt {
  const words = content.split(WORD_SEPARATORS);
  const start = excerptStart(locations, words.length, length);
  const end = Math.min(words.length, start + length);
  const marked = new Set(locations.map((l) => l.location));
  const parts: ExcerptPart[] = [];
  const push = (text: string, mark: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    const beforeLast = parts.at(-2);
    if (last && last.mark === mark) {
      last.text += text;
    } else if (mark && last?.text === ' ' && beforeLast?.mark) {
      // Matched words in a row ("vun đắp") make one mark, space included.
      parts.pop();
      beforeLast.text += ` ${text}`;
    } else {
      parts.push({ text, mark });
    }
  };
  for (let i = start; i < end; i++) {
    const word = unfold(words[i]!);
    if (i > start) push(' ', false);
    if (marked.has(i)) {
      const [, before = '', core = '', after = ''] = WORD_CORE.exec(word) ?? [];
      push(before, false);
      push(core, true);
      push(after, false);
    } else {
      push(word, false);
    }
  }
  return { parts, cutStart: start > 0, cutEnd: end < words.length };
}
