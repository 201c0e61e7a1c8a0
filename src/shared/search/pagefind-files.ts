/**
 * Names of Pagefind's files that the page asks for ahead of Pagefind itself
 * (src/components/search/search-panel.ts), so that they load alongside its script
 * rather than one round trip after it.
 *
 * Pagefind has no stemmer for Vietnamese, so its index for `vi` uses the
 * language-neutral WebAssembly, `wasm.unknown.pagefind` (named in
 * `pagefind-entry.json`). `tests/e2e/search.spec.ts` checks the built site uses it
 * and fetches it once.
 */
export const PAGEFIND_WASM_FILE = 'wasm.unknown.pagefind';
