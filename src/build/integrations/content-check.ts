import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDirOf, loadContent } from '../content/load.ts';

/**
 * Fails `astro build` and `astro dev` at once when the content folder is malformed,
 * naming file, entry and field. The loaded content is kept for the collections'
 * loaders and the print files (`src/build/content/load.ts`).
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'campaign:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const dir = contentDirOf(root);
        loadContent(dir, root);
        logger.info(`${relative(root, dir) || '.'}/ checked: schemas, unique ids, references`);
      },
    },
  };
}
