/**
 * Fetches the Pagefind files a first search waits for as soon as a search is about to start,
 * side by side: Pagefind's script, its WebAssembly, its entry file and, once the build's list
 * is in (src/build/search/preload-list.ts), the index's metadata and filters. Pagefind, which
 * would ask for them one round trip after another, then finds each among the page's preloads.
 * Nothing here runs with a page load: only when the search is opened or about to be.
 */
import { PAGEFIND_ENTRY_FILE, PAGEFIND_PRELOAD_LIST, PAGEFIND_WASM_FILE } from '../../shared/search/pagefind-files.ts';

const bundle = `${import.meta.env.BASE_URL}pagefind/`;

/** Pagefind's script, which pagefind.ts imports. */
export const PAGEFIND_SCRIPT = `${bundle}pagefind.js`;

let tag: string | undefined;

/**
 * The tag on the entry file's address (Pagefind's `metaCacheTag` option): the time of the first
 * search, which is Pagefind's own default, but chosen here so that the preload asks for the
 * same address as Pagefind and never an old copy.
 */
export function pagefindEntryTag(): string {
  return (tag ??= String(Date.now()));
}

function preload(file: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  // What `fetch()` sends by default, so that Pagefind's own fetch takes the preload.
  link.crossOrigin = 'anonymous';
  link.href = `${bundle}${file}`;
  document.head.append(link);
}

let started = false;

/** Starts fetching Pagefind's files (once a page). A failure here is Pagefind's to report, when it asks again. */
export function preloadPagefindFiles(): void {
  if (started) return;
  started = true;
  import(/* @vite-ignore */ PAGEFIND_SCRIPT).catch(() => {});
  preload(PAGEFIND_WASM_FILE);
  preload(`${PAGEFIND_ENTRY_FILE}?ts=${pagefindEntryTag()}`);
  fetch(`${bundle}${PAGEFIND_PRELOAD_LIST}`)
    .then((response) => (response.ok ? response.json() : []))
    .then((files: unknown) => {
      if (Array.isArray(files)) for (const file of files) if (typeof file === 'string') preload(file);
    })
    .catch(() => {});
}
