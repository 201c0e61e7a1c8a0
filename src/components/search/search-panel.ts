/**
 * `<search-panel>`: a search form and its results (SearchPanel.astro), in the
 * header's dialog and on /tim-kiem/.
 *
 * Defined on every page (SiteSearch.astro's script imports it), so it stays
 * small and loads nothing by itself: the search (`search-panel.lazy.ts`) and
 * Pagefind load only when a search starts. On /tim-kiem/ (`data-sync-url`) that
 * is when the field gets focus or the address has `?q=`; in the header's dialog,
 * when `<site-search>` opens it and calls `start()`, or ahead of that through
 * `preloadSearch()` when its button is about to be used.
 */
import { readStrings } from '../../i18n/read-strings.ts';
import { preloadPagefindFiles } from './pagefind-preload.ts';

type Lazy = typeof import('./search-panel.lazy.ts');

let lazy: Promise<Lazy> | undefined;

/** The search code, fetched once (again after a failure), with Pagefind's files alongside (pagefind-preload.ts). */
export function loadSearch(): Promise<Lazy> {
  if (!lazy) {
    preloadPagefindFiles();
    lazy = import('./search-panel.lazy.ts');
    lazy.catch(() => (lazy = undefined));
  }
  return lazy;
}

/** Starts loading the search code and Pagefind ahead of the first query. */
export function preloadSearch(): void {
  loadSearch().then(
    (search) => search.preload(),
    () => {
      // Reported by the panel that needs it.
    },
  );
}

export class SearchPanelElement extends HTMLElement {
  /** The search code has been started here. */
  #started = false;

  connectedCallback(): void {
    // The dialog's panel waits for `start()`.
    if (!this.hasAttribute('data-sync-url')) return;
    if (new URLSearchParams(location.search).get('q')?.trim()) this.start();
    else this.addEventListener('focusin', () => this.start(), { once: true });
  }

  /** Loads the search code and searches here (once per panel); if it cannot load, says so. */
  start(): void {
    loadSearch().then(
      (search) => {
        search.preload();
        if (this.#started) return;
        this.#started = true;
        // It lives on through the listeners it adds to this panel's form and buttons.
        new search.PanelSearch(this, readStrings(this));
      },
      () => {
        const status = this.querySelector('.js-search-status');
        if (status) status.textContent = readStrings(this)('search.error');
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'search-panel': SearchPanelElement;
  }
}

if (!customElements.get('search-panel')) customElements.define('search-panel', SearchPanelElement);
