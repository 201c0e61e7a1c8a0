/**
 * Fetches the Pagefind files a first search waits for as soon as a search is about to start,
 * side by side: Pagefind's script, its WebAssembly, its entry file and, once the build's list
 * is in (src/build/search/preload-list.ts), the index's metadata and filters. Pagefind, which
 * would ask for them one round trip after another, then finds each among the page's preloads.
 * Nothing here runs with a page load: only when the search is opened or about to be.
 */
import {
  PAGEFIND_ENTRY_FILE,
  PAGEFIND_PRELOAD_LIST,
  PAGEFIND_WASM_FILE,
  type PageSummary,
  type SearchPreload,
} from '../../shared/search/pagefind-files.ts';

const bundle = `${import.meta.env.BASE_URL}pagefind/`;

/** Pagefind's script, which pagefind.ts imports. */
export const PAGEFIND_SCRIPT = `${bundle}pagefind.js`;

/**
 * The tag on the entry file's address (Pagefind's `metaCacheTag` option): the time, as in
 * Pagefind's own default (here the page's load rather than its first search), but chosen here
 * so that the preload asks for the same address as Pagefind, and never an old copy.
 */
export const PAGEFIND_ENTRY_TAG = String(Date.now());

function preload(file: string): void {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  // What `fetch()` sends by default, so that Pagefind's own fetch takes the preload.
  link.crossOrigin = 'anonymous';
  link.href = `${bundle}${file}`;
  document.head.append(link);
}

let summaries: Promise<Record<string, PageSummary>> = Promise.resolve({});

/**
 * Starts fetching Pagefind's files (`loadSearch()` calls it once, and again after a failure).
 * A failure here is Pagefind's to report, when it asks for the file itself.
 */
export function preloadPagefindFiles(): void {
  import(/* @vite-ignore */ PAGEFIND_SCRIPT).catch(() => {});
  preload(PAGEFIND_WASM_FILE);
  preload(`${PAGEFIND_ENTRY_FILE}?ts=${PAGEFIND_ENTRY_TAG}`);
  summaries = fetch(`${bundle}${PAGEFIND_PRELOAD_LIST}`)
    .then((response) => response.json() as Promise<SearchPreload>)
    .then(({ files, pages }) => {
      files.forEach((file) => preload(file));
      return pages;
    })
    .catch(() => ({}));
}

/**
 * Each page's address, title and type by Pagefind's result id, from the build's list, once it is
 * in (empty if it was never asked for or could not be read: results then wait for their fragments).
 */
export function pageSummaries(): Promise<Record<string, PageSummary>> {
  return summaries;
}
