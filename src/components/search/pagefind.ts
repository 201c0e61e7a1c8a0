/**
 * Loads Pagefind's search API (`dist/pagefind/pagefind.js`, written by
 * src/build/integrations/search.ts) once, on the first search of the page.
 */
import type { WordLocation } from '../../shared/search/excerpt.ts';
import { PAGEFIND_ENTRY_TAG, PAGEFIND_SCRIPT } from './pagefind-preload.ts';

/** What `result.data()` gives (the parts we use). */
export interface PagefindResultData {
  /** The page's URL, with the site's base path. */
  url: string;
  /** The indexed text of the page (folded: see src/shared/search/fold.ts). */
  content: string;
  /** `title` is set by BaseLayout (folded too). */
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  weighted_locations: WordLocation[];
}

export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Results before the filters given to `search` were applied. */
  unfilteredResultCount: number;
  /** Per filter and value, how many results ignoring the filters given. */
  totalFilters: Record<string, Record<string, number> | undefined>;
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  /** Loads the index chunks a search for `term` needs, without searching. */
  preload(term: string, options?: { filters?: Record<string, string> }): Promise<void>;
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
}

let loading: Promise<Pagefind> | undefined;
let filtersLoading: Promise<unknown> | undefined;

/**
 * Pagefind, ready to search: its code, WebAssembly and index metadata are loaded
 * (the type filter may still be loading: see `pagefindFor`). A failed load can be retried.
 */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ PAGEFIND_SCRIPT)) as Pagefind;
    // Set once, before init. `noWorker`: search runs on the page (a site this
    // small searches in a few ms), which spares the worker's 12 KB download.
    // `metaCacheTag`: the entry file's address that pagefind-preload.ts preloaded.
    await pagefind.options({ noWorker: true, metaCacheTag: PAGEFIND_ENTRY_TAG });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** Loads the type filter once, so that every search also reports counts per type. */
function loadFilters(pagefind: Pagefind): Promise<unknown> {
  filtersLoading ??= pagefind.filters();
  filtersLoading.catch(() => {
    filtersLoading = undefined;
  });
  return filtersLoading;
}

/** Starts loading Pagefind and its type filter, ahead of a query. */
export function preloadPagefind(): Promise<unknown> {
  return loadPagefind().then(loadFilters);
}

/** Whether the type filter is in (then a search needs no preload of its own). */
let filtersLoaded = false;

/**
 * Pagefind with the type filter and the index chunks a search for `term` needs, both
 * fetched side by side (one round trip on a first search rather than two). Once the filter
 * is in, the search itself fetches its chunks: asking Pagefind to preload as well would
 * only process the term twice. `wanted()` says, once Pagefind is in, whether the search
 * still wants it: a query typed on before Pagefind loaded preloads nothing for its older
 * forms ("b", "ba", "bao"…), each of which would cost the page's thread a few ms.
 */
export async function pagefindFor(
  term: string,
  filters: Record<string, string>,
  wanted: () => boolean = () => true,
): Promise<Pagefind> {
  const pagefind = await loadPagefind();
  if (filtersLoaded || !wanted()) return pagefind;
  await Promise.all([loadFilters(pagefind), pagefind.preload(term, { filters })]);
  filtersLoaded = true;
  return pagefind;
}
