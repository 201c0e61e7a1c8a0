/**
 * `đ`/`d` folding for search, so a query typed without `đ` finds words written with it.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 * The build (src/build/integrations/search.ts) folds the copy of each page it gives
 * Pagefind; the browser (src/components/search/) folds queries and unfolds what it shows.
 *
 * ## The problem
 * Pagefind (≥ 1.5) indexes every word under its mark-stripped form (NFD minus
 * combining marks: "bạo" → "bao") and keeps the written form as a variant, so
 * `bao luc` finds "bạo lực" and a query typed with the right marks ranks the
 * exact spelling first. But `đ` (U+0111) is a letter of its own with no Unicode
 * decomposition: stripping leaves it, so `dap` never matches "đắp".
 *
 * ## The method: spell `đ` as `d` + a combining mark
 * The indexed copy of a page writes each `đ` as `d` followed by U+0369 COMBINING
 * LATIN SMALL LETTER D, and `Đ` as `D` + U+0369 (`fold`). Pagefind then treats
 * the mark exactly like a tone mark:
 * - the stripped form loses it (it is a combining mark): "đắp" is indexed
 *   under `dap`, so `vun dap` finds it;
 * - the written variant keeps it ("dͩắp"), so a query typed with `đ`, folded the
 *   same way by `foldQuery` before `pagefind.search`, matches the exact variant
 *   and ranks "đắp" above a genuine "dắp" (and `dắp` ranks "dắp" first);
 * - unlike most combining marks it is Alphabetic, so Pagefind's indexer keeps
 *   it inside the word: the word is neither split nor treated as a compound
 *   (U+0335 COMBINING SHORT STROKE OVERLAY, the obvious choice, is not a letter,
 *   and Pagefind 1.6 then also indexes a stroke-less copy of the word, which
 *   takes the exact-spelling bonus away from `đ` words without a tone mark);
 * - word positions (Pagefind's `locations`) are those of the real text.
 * What the reader sees is always the real text: the page itself is never
 * folded (only the copy handed to the indexer), and anything read back from the
 * index (content for excerpts, titles) goes through `unfold`, which turns every
 * `d`/`D` + U+0369 back into `đ`/`Đ`. The build refuses a page that contains
 * U+0369 of its own, so unfolding can never invent a `đ`.
 * The behaviour is pinned by tests/e2e/search.spec.ts (queries and excerpts).
 */

/** U+0369 COMBINING LATIN SMALL LETTER D: the mark `fold` writes after `d`/`D` for `đ`/`Đ`. */
export const MARK = '\u0369';

const FOLD = /[đĐ]/g;
const UNFOLD = /([dD])\u0369/g;

/** "vun đắp" → "vun d\u0369ắp": `đ`/`Đ` written as `d`/`D` + U+0369; nothing else changes. */
export function fold(text: string): string {
  return text.replace(FOLD, (c) => (c === 'đ' ? 'd' : 'D') + MARK);
}

/** The inverse of `fold`: "vun d\u0369ắp" → "vun đắp". */
export function unfold(text: string): string {
  return text.replace(UNFOLD, (_, d: string) => (d === 'd' ? 'đ' : 'Đ'));
}

/**
 * A query as typed → the string to pass to `pagefind.search`: NFC (so marks
 * typed as separate characters compose first), trimmed, single spaces, folded.
 */
export function foldQuery(query: string): string {
  return fold(query.normalize('NFC').trim().replace(/\s+/g, ' '));
}

/** True when the query has at least one letter or digit: only those can match a word. */
export function hasSearchableText(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}
