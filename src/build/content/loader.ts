/**
 * The Astro content loader of the campaign's data collections (Content Loader API:
 * an object with `name` and `load`). Each collection takes its entries from
 * `loadContent()` (`load.ts`), the same checked result the content-check and
 * print-files integrations use, so the YAML is parsed and validated once for all.
 *
 * The entries are stored as validated, without Astro's `parseData`: the collection's
 * schema (the same zod schema) gives the pages their types.
 */
import { fileURLToPath } from 'node:url';
import { join, relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { dataFiles, type DataCollection } from '../../shared/schemas/index.ts';
import { contentDirOf, contentFiles, loadContent } from './load.ts';

export function campaignLoader(collection: DataCollection): Loader {
  return {
    name: 'campaign-content',
    load: async ({ config, store, generateDigest, watcher, logger }: LoaderContext) => {
      const root = fileURLToPath(config.root);
      const dir = contentDirOf(root);
      const ownFile = join(dir, dataFiles[collection]);
      const filePath = relative(root, ownFile).split(sep).join('/');
      const sync = () => {
        const entries = loadContent(dir, root)[collection] as (Record<string, unknown> & { id: string })[];
        store.clear();
        for (const data of entries) store.set({ id: data.id, data, digest: generateDigest(data), filePath });
      };
      sync();
      if (!watcher) return;
      // `astro dev`: any content file may change this collection (references span files).
      // A broken file is reported once, by its own collection (prose and plan text: by the
      // campaign's); every collection keeps its last good entries until it is fixed.
      const files = new Set(contentFiles(dir));
      const dataFilePaths = new Set(Object.values(dataFiles).map((name) => join(dir, name)));
      watcher.add([...files]);
      watcher.on('change', (changed) => {
        if (!files.has(changed)) return;
        try {
          sync();
        } catch (error) {
          const reports = changed === ownFile || (collection === 'campaign' && !dataFilePaths.has(changed));
          if (reports) logger.error((error as Error).message);
        }
      });
    },
  };
}
