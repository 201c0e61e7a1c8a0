/**
 * Searches that are a call for help (content/help-search.yaml): "hotline", "tố cáo",
 * "cuu", "113"… typed with or without tone marks.
 *
 * N.B. IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 * The build writes the terms plain (`plainWords`) into the search panel and the help
 * page; the browser compares each query, made plain the same way, word by word.
 */

/** "Đường dây NÓNG!" → "duong day nong": no tone marks, `đ` as `d`, lower case, words by single spaces. */
export function plainWords(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the query holds one of the (plain) terms as whole words: "so 113 o dau" holds "113". */
export function isHelpQuery(query: string, plainTerms: readonly string[]): boolean {
  const words = ` ${plainWords(query)} `;
  return words.trim() !== '' && plainTerms.some((term) => term && words.includes(` ${term} `));
}

/**
 * The Pagefind filter (name and value) that marks the help page, `/tro-giup/`. A call for help
 * puts that page first among the results, whatever the scores: Pagefind ranks a short slogan
 * page that repeats "tố cáo" above the long help page that holds the word once.
 */
export const HELP_PAGE_FILTER = { name: 'tro-giup', value: 'co' } as const;
