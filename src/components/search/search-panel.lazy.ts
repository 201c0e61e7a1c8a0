/**
 * What a `<search-panel>` (search-panel.ts) does once a search starts: queries,
 * results, type filters, "more", and the address on /tim-kiem/. Loaded by the
 * element only then (its chunk is `search-panel.lazy.*.js`); Pagefind itself
 * loads with the first query.
 *
 * Queries are folded (`đ` → `d` + mark, src/shared/search/fold.ts) before
 * Pagefind sees them; titles and excerpts are unfolded and rendered as text
 * nodes and `<mark>`s, never as HTML from the index. Strings come from
 * src/i18n/vi.json through the panel's `data-strings`.
 */
import { formatNumber } from '../../i18n/format.ts'; // counts as Vietnamese writes them: 1.189
import type { UiText } from '../../i18n/read-strings.ts';
import { buildExcerpt } from '../../shared/search/excerpt.ts';
import { foldQuery, hasSearchableText, unfold } from '../../shared/search/fold.ts';
import { HELP_PAGE_FILTER, isHelpQuery } from '../../shared/search/help-intent.ts';
import { isSearchType, SEARCH_TYPES, TYPE_FILTER, TYPE_LABELS, type SearchType } from '../../shared/search/types.ts';
import {
  pagefindFor,
  preloadPagefind,
  type Pagefind,
  type PagefindResult,
  type PagefindResultData,
} from './pagefind.ts';
import { pageSummaries } from './pagefind-preload.ts';

/** Results rendered at first, and added by each press of "more". */
const PAGE_SIZE = 6;
/** Words in an excerpt. */
const EXCERPT_WORDS = 24;

/**
 * A call for help: the help page first among `results` (when it is one of them), found by the same
 * search limited to the page that carries HELP_PAGE_FILTER. Its words are indexed on that page
 * (src/pages/tro-giup.astro), so it matches every word of content/help-search.yaml.
 */
async function helpPageFirst(
  pagefind: Pagefind,
  query: string,
  filters: Record<string, string>,
  results: PagefindResult[],
): Promise<PagefindResult[]> {
  const only = { ...filters, [HELP_PAGE_FILTER.name]: HELP_PAGE_FILTER.value };
  const help = (await pagefind.search(query, { filters: only })).results[0];
  if (!help) return results;
  return [...results.filter((result) => result.id === help.id), ...results.filter((result) => result.id !== help.id)];
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The search of one panel, started by its element (once). */
export class PanelSearch {
  readonly #root: HTMLElement;
  readonly #form: HTMLFormElement;
  readonly #input: HTMLInputElement;
  readonly #status: HTMLElement;
  readonly #filters: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #more: HTMLButtonElement;
  /** The call buttons, shown above the results for a call for help and with zero results. */
  readonly #help: HTMLElement | null;
  /** The words of a call for help, plain (content/help-search.yaml). */
  readonly #helpTerms: string[];
  readonly #text: UiText;
  /** The list of every page, linked when a search finds nothing or fails. */
  readonly #indexUrl: string;
  /** The page variant keeps `?q=` (and `&loai=`) in the address, to share and reload. */
  readonly #syncUrl: boolean;
  readonly #chips = new Map<SearchType | '', HTMLButtonElement>();
  /** Chosen type, or `''` for all. */
  #type: SearchType | '' = '';
  /** Increases with every search; a search whose number is no longer current is dropped. */
  #run = 0;
  #results: PagefindResult[] = [];
  #shown = 0;

  constructor(root: HTMLElement, text: UiText) {
    this.#root = root;
    this.#form = root.querySelector('form')!;
    this.#input = root.querySelector('.js-search-input')!;
    this.#status = root.querySelector('.js-search-status')!;
    this.#filters = root.querySelector('.js-search-filters')!;
    this.#list = root.querySelector('.js-search-results')!;
    this.#more = root.querySelector('.js-search-more')!;
    this.#help = root.querySelector('.js-search-help');
    this.#helpTerms = JSON.parse(root.dataset['helpTerms'] ?? '[]') as string[];
    this.#text = text;
    this.#indexUrl = root.dataset['indexUrl'] ?? '';
    this.#syncUrl = root.hasAttribute('data-sync-url');

    if (this.#syncUrl) {
      const params = new URLSearchParams(location.search);
      const type = params.get(TYPE_FILTER);
      if (isSearchType(type)) this.#type = type;
      if (!this.#input.value) this.#input.value = params.get('q') ?? '';
    }
    this.#createChips();
    this.#input.addEventListener('input', () => void this.search());
    this.#form.addEventListener('submit', (event) => {
      // The dialog's form goes to /tim-kiem/?q=…; on that page, results are already shown.
      if (this.#syncUrl) event.preventDefault();
    });
    this.#more.addEventListener('click', () => void this.#showMore(true));
    void this.search();
  }

  /** Runs the current query (and type) and shows the outcome; never throws. */
  async search(): Promise<void> {
    const run = ++this.#run;
    const query = this.#input.value.trim();
    this.#updateUrl(query);
    // At once, before the index loads: someone asking for help sees the numbers first.
    this.#showHelp(isHelpQuery(query, this.#helpTerms));
    if (!query) return this.#message(this.#text('search.empty'));
    if (!hasSearchableText(query)) return this.#message(this.#text('search.punctuationOnly', { query }));

    this.#root.setAttribute('aria-busy', 'true');
    try {
      const filters: Record<string, string> = this.#type ? { [TYPE_FILTER]: this.#type } : {};
      const pending = pagefindFor(foldQuery(query), filters, () => run === this.#run);
      // Only say "loading" if what this search needs is not there yet.
      const ready = await Promise.race([pending, Promise.resolve(undefined)]);
      if (!ready && run === this.#run) this.#setStatus(this.#text('search.loading'));
      const pagefind = await pending;
      if (run !== this.#run) return;
      const response = await pagefind.search(foldQuery(query), { filters });
      const results = isHelpQuery(query, this.#helpTerms)
        ? await helpPageFirst(pagefind, foldQuery(query), filters, response.results)
        : response.results;
      if (run !== this.#run) return;
      const counts = response.totalFilters[TYPE_FILTER] ?? {};
      this.#results = results;
      this.#shown = 0;
      const items = await this.#items(this.#results.slice(0, PAGE_SIZE));
      if (run !== this.#run) return;

      this.#updateChips(counts, response.unfilteredResultCount);
      this.#list.replaceChildren(...items);
      this.#list.hidden = items.length === 0;
      this.#list.dataset['query'] = query;
      this.#shown = items.length;
      this.#more.hidden = this.#shown >= this.#results.length;
      const total = response.unfilteredResultCount;
      const count = this.#results.length;
      const shown = { query, count: formatNumber(count), total: formatNumber(total) };
      if (total === 0) {
        this.#showHelp(true);
        this.#setStatus(this.#text('search.noResults', shown), true);
      } else if (this.#type && count === 0) {
        this.#setStatus(this.#text('search.noResultsInType', { ...shown, type: this.#typeLabel(this.#type) }));
      } else if (this.#type) {
        this.#setStatus(this.#text('search.countInType', { ...shown, type: this.#typeLabel(this.#type) }));
      } else {
        this.#setStatus(this.#text('search.count', shown));
      }
    } catch (error) {
      if (run !== this.#run) return;
      console.warn('Search failed:', error);
      this.#clearResults();
      this.#showHelp(true);
      this.#setStatus(this.#text('search.error'), true);
    } finally {
      if (run === this.#run) this.#root.removeAttribute('aria-busy');
    }
  }

  /** Shows the next page of results and moves focus to the first new one. */
  async #showMore(focus: boolean): Promise<void> {
    const run = this.#run;
    const next = this.#results.slice(this.#shown, this.#shown + PAGE_SIZE);
    const items = await this.#items(next);
    if (run !== this.#run) return;
    this.#list.append(...items);
    this.#shown += items.length;
    this.#more.hidden = this.#shown >= this.#results.length;
    if (focus) items[0]?.querySelector('a')?.focus();
  }

  /**
   * One list item per result: title link, type, excerpt with the matched words marked. When the
   * build's summary (pagefind-preload.ts) names every result, the items are made at once, and
   * each excerpt is filled in when its page's fragment arrives (`data-loading` until then; one
   * round trip, which on a slow line is most of the wait). Otherwise they wait for the fragments.
   */
  async #items(results: PagefindResult[]): Promise<HTMLLIElement[]> {
    const pages = await pageSummaries();
    if (!results.every((result) => pages[result.id])) {
      const data = await Promise.all(results.map((result) => result.data()));
      return data.map((page) => {
        const item = this.#item(page.url, page.meta['title'] ?? page.url, page.filters[TYPE_FILTER]?.[0]);
        this.#fill(item, page);
        return item;
      });
    }
    return results.map((result) => {
      const [url, title, type] = pages[result.id]!;
      // The address as Pagefind gives it (its `fullUrl()`: the base path, then the page's).
      const item = this.#item(`${import.meta.env.BASE_URL}/${url}`.replace(/\/+/g, '/'), title, type);
      const excerpt = item.querySelector<HTMLElement>('.search-result__excerpt')!;
      excerpt.dataset['loading'] = '';
      result.data().then(
        (page) => this.#fill(item, page),
        (error: unknown) => {
          // The result still links to its page; only its excerpt is missing.
          console.warn('Search: no excerpt for', result.id, error);
          excerpt.remove();
        },
      );
      return item;
    });
  }

  /** A result's item: its title linked, its type, and an empty excerpt. */
  #item(url: string, title: string, type: string | undefined): HTMLLIElement {
    const item = element('li', 'search-result');
    const link = element('a', 'search-result__link', unfold(title));
    link.href = url;
    item.append(link);
    if (isSearchType(type)) {
      const meta = element('p', 'search-result__type');
      meta.append(
        element('span', 'visually-hidden', `${this.#text('search.resultType')} `),
        element('span', 'tag', this.#typeLabel(type)),
      );
      item.append(meta);
    }
    item.append(element('p', 'search-result__excerpt'));
    return item;
  }

  /** Fills a result's excerpt from its fragment (and its link, which the fragment has the final word on). */
  #fill(item: HTMLLIElement, page: PagefindResultData): void {
    const link = item.querySelector<HTMLAnchorElement>('.search-result__link')!;
    link.href = page.url;
    link.textContent = unfold(page.meta['title'] ?? page.url);
    const excerpt = buildExcerpt(page.content, page.weighted_locations, EXCERPT_WORDS);
    const paragraph = item.querySelector<HTMLElement>('.search-result__excerpt')!;
    const parts: (Node | string)[] = [];
    if (excerpt.cutStart) parts.push('… ');
    for (const part of excerpt.parts) parts.push(part.mark ? element('mark', undefined, part.text) : part.text);
    if (excerpt.cutEnd) parts.push(' …');
    paragraph.replaceChildren(...parts);
    delete paragraph.dataset['loading'];
  }

  #createChips(): void {
    for (const type of ['', ...SEARCH_TYPES] as const) {
      const chip = element('button', 'search-panel__chip');
      chip.type = 'button';
      chip.hidden = true;
      chip.addEventListener('click', () => {
        if (this.#type === type) return;
        this.#type = type;
        for (const [t, c] of this.#chips) c.setAttribute('aria-pressed', String(t === type));
        void this.search();
      });
      this.#chips.set(type, chip);
      this.#filters.append(chip);
    }
  }

  /** Chips for the types among this query's results, with counts; "all" first. */
  #updateChips(counts: Record<string, number>, total: number): void {
    for (const [type, chip] of this.#chips) {
      const count = type ? (counts[type] ?? 0) : total;
      chip.textContent = `${type ? this.#typeLabel(type) : this.#text('search.filterAll')} (${formatNumber(count)})`;
      chip.setAttribute('aria-pressed', String(type === this.#type));
      chip.hidden = count === 0 && type !== this.#type;
    }
    // Filters help only when results are of more than one type (or one is chosen).
    const typesFound = SEARCH_TYPES.filter((type) => (counts[type] ?? 0) > 0).length;
    this.#filters.hidden = total === 0 || (typesFound < 2 && !this.#type);
  }

  #showHelp(show: boolean): void {
    if (this.#help) this.#help.hidden = !show;
  }

  #typeLabel(type: SearchType): string {
    return this.#text(TYPE_LABELS[type]);
  }

  #message(text: string): void {
    this.#clearResults();
    this.#setStatus(text);
    this.#root.removeAttribute('aria-busy');
  }

  #clearResults(): void {
    this.#results = [];
    this.#shown = 0;
    this.#list.replaceChildren();
    this.#list.hidden = true;
    delete this.#list.dataset['query'];
    this.#more.hidden = true;
    this.#filters.hidden = true;
  }

  /** Sets the live region; `withIndexLink` adds the link to the list of all pages. */
  #setStatus(text: string, withIndexLink = false): void {
    const nodes: (Node | string)[] = [text];
    if (withIndexLink) {
      const link = element('a', undefined, this.#text('search.indexLink'));
      link.href = this.#indexUrl;
      nodes.push(' ', link, '.');
    }
    this.#status.replaceChildren(...nodes);
  }

  #updateUrl(query: string): void {
    if (!this.#syncUrl) return;
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (query && this.#type) params.set(TYPE_FILTER, this.#type);
    const search = params.toString() ? `?${params}` : '';
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}`);
  }
}

/** Starts loading Pagefind ahead of the first query. */
export function preload(): void {
  preloadPagefind().catch(() => {
    // Reported by the search that needs it.
  });
  // Now, while Pagefind loads, rather than on the way to the first result: compile the Unicode
  // regular expressions a query meets first (a few ms each on their first use), and have the
  // page load the grapheme rules that Pagefind's search segments every query with (its first
  // Intl.Segmenter: 20 to 40 ms of the page's thread here, several times that on a slow phone).
  isHelpQuery('a', ['a']);
  hasSearchableText(foldQuery('a'));
  if (typeof Intl.Segmenter === 'function')
    Array.from(
      new Intl.Segmenter(document.documentElement.lang || undefined, { granularity: 'grapheme' }).segment('a'),
    );
}
