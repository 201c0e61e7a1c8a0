import { fileURLToPath } from 'node:url';

/**
 * The HTML files Astro wrote, from `astro:build:done`'s `assets` (route → files written),
 * as absolute paths in a stable order. The integrations that read every page (search, the
 * customiser's preload hints) take this list rather than walking `dist/`, which holds
 * about 2,000 print files besides the pages.
 */
export function builtPages(assets: ReadonlyMap<string, readonly URL[]>): string[] {
  return [...assets.values()]
    .flat()
    .map((url) => fileURLToPath(url))
    .filter((file) => file.endsWith('.html'))
    .sort();
}
