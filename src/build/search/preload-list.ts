import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PAGEFIND_ENTRY_FILE, PAGEFIND_PRELOAD_LIST } from '../../shared/search/pagefind-files.ts';

/**
 * Writes `pagefind/search-preload.json` (PAGEFIND_PRELOAD_LIST): the files of a Pagefind
 * bundle that any first search loads, whatever its words, after the entry file: each
 * language's metadata (`pagefind.<hash>.pf_meta`) and its filters (`filter/<lang>_*.pf_filter`,
 * which every search loads to count results by type). Their names change with the index,
 * so the page cannot know them; with this list it fetches them alongside Pagefind's script
 * instead of three round trips after it (src/components/search/pagefind-preload.ts).
 * Returns the list. Throws, naming the file, if the entry file is not what Pagefind 1 writes.
 */
export async function writePreloadList(bundleDir: string): Promise<string[]> {
  const entryPath = join(bundleDir, PAGEFIND_ENTRY_FILE);
  let languages: [string, { hash: string }][];
  try {
    const entry = JSON.parse(await readFile(entryPath, 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
    languages = Object.entries(entry.languages ?? {}).map(([language, { hash }]) => {
      if (typeof hash !== 'string' || !/^[\w-]+$/.test(hash))
        throw new Error(`languages.${language}.hash is not a name`);
      return [language, { hash }];
    });
    if (languages.length === 0) throw new Error('no language in field "languages"');
  } catch (error) {
    throw new Error(`${entryPath}: ${(error as Error).message}`, { cause: error });
  }
  const filters = await readdir(join(bundleDir, 'filter')).catch(() => [] as string[]);
  const files = languages.flatMap(([language, { hash }]) => [
    `pagefind.${hash}.pf_meta`,
    ...filters
      .filter((name) => name.startsWith(`${language}_`) && name.endsWith('.pf_filter'))
      .map((name) => `filter/${name}`),
  ]);
  const present = new Set([...(await readdir(bundleDir)), ...filters.map((name) => `filter/${name}`)]);
  const missing = files.filter((file) => !present.has(file));
  if (missing.length) throw new Error(`${entryPath} names ${missing.join(', ')}, which Pagefind did not write`);
  await writeFile(join(bundleDir, PAGEFIND_PRELOAD_LIST), JSON.stringify(files));
  return files;
}
