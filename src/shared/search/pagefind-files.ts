/**
 * Names of Pagefind's files that the page asks for ahead of Pagefind itself
 * (src/components/search/pagefind-preload.ts), so that they load alongside its script
 * rather than one round trip after another.
 *
 * Pagefind has no stemmer for Vietnamese, so its index for `vi` uses the
 * language-neutral WebAssembly, `wasm.unknown.pagefind` (named in
 * `pagefind-entry.json`). `tests/e2e/search.spec.ts` checks the built site uses it
 * and fetches it once.
 */
export const PAGEFIND_WASM_FILE = 'wasm.unknown.pagefind';

/** Pagefind's entry file, which names each language's metadata file. */
export const PAGEFIND_ENTRY_FILE = 'pagefind-entry.json';

/**
 * The build's file beside Pagefind's own (src/build/search/preload-list.ts), a SearchPreload
 * in JSON: the index files every first search needs whatever its words, and a summary of
 * each page.
 */
export const PAGEFIND_PRELOAD_LIST = 'search-preload.json';

/** A page as a result lists it before its fragment is in: address, title (folded, as Pagefind's), type or `''`. */
export type PageSummary = [url: string, title: string, type: string];

export interface SearchPreload {
  /** Paths under `pagefind/`. */
  files: string[];
  /** By Pagefind's result id (the page's fragment name). */
  pages: Record<string, PageSummary>;
}
