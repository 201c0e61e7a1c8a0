import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent } from '../content/check';

/** Fails `astro build` and `astro dev` at once when `content/` is malformed, naming file and field. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'campaign:content-check',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        checkContent(new URL('./content/', config.root).pathname, root);
        logger.info('content/ checked: schemas, unique ids, references');
      },
    },
  };
}
