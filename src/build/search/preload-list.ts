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
  await writeFile(join(bundleDir, PAGEFIND_PRELOAD_LIST), JSON.stringify(files));
  return files;
}
