/**
 * Content collections. All campaign data lives in `content/` (see content/README.md);
 * the schemas are in `src/schemas/` and are shared with the build's strict check
 * (`src/lib/content-check.ts`), which also verifies references between collections.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { dataFiles, dataSchemas, pageSchema, type DataCollection } from './schemas';

function dataCollection<K extends DataCollection>(name: K) {
  return defineCollection({
    loader: file(`content/${dataFiles[name]}`),
    schema: dataSchemas[name],
  });
}

export const collections = {
  campaign: dataCollection('campaign'),
  slogans: dataCollection('slogans'),
  activities: dataCollection('activities'),
  agencies: dataCollection('agencies'),
  milestones: dataCollection('milestones'),
  legalBasis: dataCollection('legalBasis'),
  helpLines: dataCollection('helpLines'),
  pages: defineCollection({
    loader: glob({ base: './content/pages', pattern: '**/[^_]*.{md,mdx}' }),
    schema: pageSchema,
  }),
};
