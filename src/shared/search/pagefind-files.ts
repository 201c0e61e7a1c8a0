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
 * The build's list of the index files every first search needs whatever its words, beside
 * Pagefind's own (src/build/search/preload-list.ts): a JSON array of paths under `pagefind/`.
 */
export const PAGEFIND_PRELOAD_LIST = 'search-preload.json';
