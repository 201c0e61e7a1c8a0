/**
 * What kind of page a search result is, stored in the index as a Pagefind filter.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 * Values are Vietnamese slugs because they appear in URLs (`/tim-kiem/?q=…&loai=khau-hieu`);
 * the labels readers see come from `src/i18n/vi.json`.
 */
import type { UiKey } from '../../i18n/index.ts';

/** Every type, in the order the filter chips show them. */
export const SEARCH_TYPES = ['khau-hieu', 'hoat-dong', 'co-quan-thuc-hien', 'can-cu-phap-ly', 'trang'] as const;

export type SearchType = (typeof SEARCH_TYPES)[number];

/** Name of the Pagefind filter holding the type, and of the URL parameter choosing one. */
export const TYPE_FILTER = 'loai';

/** Label of each type, as a key of `src/i18n/vi.json`. */
export const TYPE_LABELS: Record<SearchType, UiKey> = {
  'khau-hieu': 'search.type.slogan',
  'hoat-dong': 'search.type.activity',
  'co-quan-thuc-hien': 'search.type.agency',
  'can-cu-phap-ly': 'search.type.legal',
  trang: 'search.type.page',
};

export function isSearchType(value: unknown): value is SearchType {
  return (SEARCH_TYPES as readonly unknown[]).includes(value);
}
