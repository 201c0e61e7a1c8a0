/**
 * The browser's side of a component's UI strings: reads the `data-strings`
 * attribute written by `dataStrings()` (src/i18n/index.ts) and gives them out
 * by key, with their placeholders filled.
 *
 * Browser code imports this, never src/i18n/index.ts (which holds every string).
 */
import { format, type FormatVars } from './format.ts';
import type { UiKey } from './index.ts';

/** A component's strings: `text('search.count', { count: 3, query })`. */
export type UiText<K extends UiKey = UiKey> = (key: K, vars?: FormatVars) => string;

/**
 * The strings in `element`'s `data-strings`, as a function of the key. A key the
 * attribute lacks gives the key itself, so a missing string shows, never breaks.
 */
export function readStrings<K extends UiKey = UiKey>(element: { readonly dataset: DOMStringMap }): UiText<K> {
  const strings = JSON.parse(element.dataset['strings'] ?? '{}') as Partial<Record<K, string>>;
  return (key, vars) => format(strings[key] ?? key, vars);
}
