import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { isIndexed, makeIndexCopy } from '../search/index-copy.ts';
import { shortenInitPoll } from '../search/pagefind-poll.ts';
import { writePreloadList } from '../search/preload-list.ts';
import { builtPages } from './built-pages.ts';

/**
 * Files of the Pagefind bundle the site never loads: its ready-made UIs (whose
 * Vietnamese strings have a typo, "Kiểm thị") and the web worker (the client
 * passes `noWorker`, see src/components/search/pagefind.ts). Not deploying them
 * keeps `dist/` to what is used.
 */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

/**
 * Word positions per index chunk (Pagefind's default: 20 000, which puts this
 * whole site in one ~25 KB chunk). About 3 KB chunks instead, so a query loads
 * only the chunks holding its words: this keeps the first search under its
 * 100 KB budget (`npm run bench -- --only search`). Pagefind 1.6 reads it from
 * the environment of its service process as PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE
 * (pagefind/src/options.rs); if a later version drops it, search still works,
 * with one larger chunk, and the bench shows the bytes.
 */
const INDEX_CHUNK_SIZE = '2000';

/**
 * Builds the search index with Pagefind's Node API at the end of `astro build`,
 * as Starlight does (createIndex → add → writeFiles, close in `finally`), so
 * there is no separate step to remember.
 *
 * Each built page that marks a region with `data-pagefind-body` (BaseLayout's
 * `<main>`, when the page sets `searchType`) is added as a copy made for the
 * index (src/build/search/index-copy.ts): `đ` spelled `d` + U+0369 so that
 * queries typed with `d` find it (src/shared/search/fold.ts), blocks spaced apart.
 * `dist/` itself is never changed. Any problem stops the build.
 */
export function search(): AstroIntegration {
  let chunkSizeBefore: string | undefined;
  let created: ReturnType<typeof pagefind.createIndex> | undefined;
  /** The index, asked for once: its service process starts with the first call and inherits the environment. */
  const createIndex = () => {
    if (created) return created;
    chunkSizeBefore = process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = chunkSizeBefore ?? INDEX_CHUNK_SIZE;
    return (created = pagefind.createIndex({ forceLanguage: 'vi' }));
  };
  return {
    name: 'campaign:search',
    hooks: {
      // Pagefind's service starts while Astro bundles, not when the pages are done.
      'astro:build:start': () => {
        createIndex().catch(() => {});
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        // The pages Astro wrote (not a walk of dist/, which holds about 2,000 print files too).
        const files = builtPages(assets);
        try {
          const [{ index, errors }, htmls] = await Promise.all([
            createIndex(),
            Promise.all(files.map((file) => readFile(file, 'utf8'))),
          ]);
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          // Each copy is sent as soon as it is made, and the event loop let run before the
          // next one, so that Pagefind's service indexes a page while the next copy is made.
          const sent: { page: string; added: ReturnType<typeof index.addHTMLFile> }[] = [];
          for (const [i, file] of files.entries()) {
            const html = htmls[i]!;
            if (!isIndexed(html)) continue;
            const page = relative(root, file);
            // "khau-hieu/x/index.html" → "/khau-hieu/x/"; the client prefixes the base path.
            const url = `/${page.split(sep).join('/')}`.replace(/\/index\.html$/, '/');
            let content: string;
            try {
              content = makeIndexCopy(html);
            } catch (error) {
              throw new Error(`${page}: ${(error as Error).message}`, { cause: error });
            }
            const added = index.addHTMLFile({ url, content });
            // Awaited below, in order; marked handled now so an early failure is reported there.
            added.catch(() => {});
            sent.push({ page, added });
            await new Promise((resolve) => setImmediate(resolve));
          }
          for (const { page, added } of sent) {
            const { errors } = await added;
            if (errors.length) throw new Error(`${page}: ${errors.join('; ')}`);
          }
          const pages = sent.length;
          if (pages === 0) throw new Error('no page has a data-pagefind-body region: nothing to index');
          const outputPath = join(root, 'pagefind');
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length)
            throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          for (const file of await readdir(outputPath)) {
            if (UNUSED_BUNDLE_FILES.test(file)) await rm(join(outputPath, file));
          }
          const script = join(outputPath, 'pagefind.js');
          await writeFile(script, shortenInitPoll(await readFile(script, 'utf8'), script));
          await writePreloadList(outputPath);
          logger.info(`search index: ${pages} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
          created = undefined;
          if (chunkSizeBefore === undefined) delete process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'];
        }
      },
    },
  };
}
