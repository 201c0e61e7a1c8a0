import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  PAGEFIND_ENTRY_FILE,
  PAGEFIND_PRELOAD_LIST,
  type PageSummary,
  type SearchPreload,
} from '../../shared/search/pagefind-files.ts';
import { TYPE_FILTER } from '../../shared/search/types.ts';

/** What Pagefind puts before the JSON of a fragment, once its gzip is undone. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * Each page's address, title and type, from its Pagefind fragment (`fragment/<id>.pf_fragment`:
 * gzip of "pagefind_dcd" and JSON), keyed by the id Pagefind gives its results. Throws, naming
 * the file and the field, on a fragment that is not what Pagefind 1 writes.
 */
async function pageSummaries(bundleDir: string, languages: string[]): Promise<Record<string, PageSummary>> {
  const dir = join(bundleDir, 'fragment');
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.pf_fragment') && languages.some((language) => name.startsWith(`${language}_`)))
    .sort();
  // Read side by side (this runs at the end of every build, after Astro's pages), then checked in order.
  const contents = await Promise.all(names.map((name) => readFile(join(dir, name))));
  const pages: Record<string, PageSummary> = {};
  for (const [i, name] of names.entries()) {
    const path = join(dir, name);
    try {
      const text = gunzipSync(contents[i]!).toString('utf8');
      if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`does not start with "${FRAGMENT_SIGNATURE}"`);
      const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as {
        url?: unknown;
        meta?: { title?: unknown };
        filters?: Record<string, unknown>;
      };
      if (typeof fragment.url !== 'string' || !fragment.url) throw new Error('field "url" is not an address');
      const title = fragment.meta?.title ?? fragment.url;
      if (typeof title !== 'string') throw new Error('field "meta.title" is not text');
      const types = fragment.filters?.[TYPE_FILTER] ?? [];
      if (!Array.isArray(types) || types.some((type) => typeof type !== 'string'))
        throw new Error(`field "filters.${TYPE_FILTER}" is not a list of names`);
      pages[name.slice(0, -'.pf_fragment'.length)] = [fragment.url, title, (types[0] as string | undefined) ?? ''];
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return pages;
}

/**
 * Writes `pagefind/search-preload.json` (PAGEFIND_PRELOAD_LIST, a SearchPreload):
 * - `files`: the files of a Pagefind bundle that any first search loads, whatever its words,
 *   after the entry file: each language's metadata (`pagefind.<hash>.pf_meta`) and its filters
 *   (`filter/<lang>_*.pf_filter`, which every search loads to count results by type). Their
 *   names change with the index, so the page cannot know them; with this list it fetches them
 *   alongside Pagefind's script instead of three round trips after it
 *   (src/components/search/pagefind-preload.ts);
 * - `pages`: each indexed page's address, title and type by result id, so that results are
 *   listed as soon as Pagefind has found them, and each excerpt filled in when its fragment
 *   arrives (one round trip later: src/components/search/search-panel.lazy.ts).
 * Returns what it wrote. Throws, naming the file, if the entry file or a fragment is not what
 * Pagefind 1 writes.
 */
export async function writePreloadList(bundleDir: string): Promise<SearchPreload> {
  const entryPath = join(bundleDir, PAGEFIND_ENTRY_FILE);
  /** `[language, hash]` of each language the entry file names. */
  let languages: [string, string][];
  try {
    const entry = JSON.parse(await readFile(entryPath, 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
    languages = Object.entries(entry.languages ?? {}).map(([language, { hash }]) => {
      if (typeof hash !== 'string' || !/^[\w-]+$/.test(hash))
        throw new Error(`languages.${language}.hash is not a name`);
      return [language, hash];
    });
    if (languages.length === 0) throw new Error('no language in field "languages"');
  } catch (error) {
    throw new Error(`${entryPath}: ${(error as Error).message}`, { cause: error });
  }
  // The filter files are listed from the folder; the metadata files only named, so checked.
  const filters = (await readdir(join(bundleDir, 'filter')).catch(() => [] as string[])).sort();
  const metas = languages.map(([, hash]) => `pagefind.${hash}.pf_meta`);
  const written = new Set(await readdir(bundleDir));
  const missing = metas.filter((file) => !written.has(file));
  if (missing.length) throw new Error(`${entryPath} names ${missing.join(', ')}, which Pagefind did not write`);
  const files = languages.flatMap(([language], i) => [
    metas[i]!,
    ...filters
      .filter((name) => name.startsWith(`${language}_`) && name.endsWith('.pf_filter'))
      .map((name) => `filter/${name}`),
  ]);
  const pages = await pageSummaries(
    bundleDir,
    languages.map(([language]) => language),
  );
  const preload: SearchPreload = { files, pages };
  await writeFile(join(bundleDir, PAGEFIND_PRELOAD_LIST), JSON.stringify(preload));
  return preload;
}
