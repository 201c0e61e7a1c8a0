/**
 * Loads Pagefind's search API (`dist/pagefind/pagefind.js`, written by
 * src/build/integrations/search.ts) once, on the first search of the page.
 */
import type { WordLocation } from '../../shared/search/excerpt.ts';

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
  search(term: string, options?: { filters?: Record<string, string> }): Promise<PagefindResponse>;
}

let loading: Promise<Pagefind> | undefined;

/**
 * Pagefind, ready to search. Settles after its code, WebAssembly, index
 * metadata and filter index are loaded; a failed load can be retried.
 */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL}pagefind/pagefind.js`;
    const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Set once, before init. `noWorker`: search runs on the page (a site this
    // small searches in a few ms), which spares the worker's 12 KB download.
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    // Loads the type filter, so every search also reports counts per type.
    await pagefind.filters();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
