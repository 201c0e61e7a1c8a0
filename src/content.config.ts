/**
 * Content collections. All campaign data lives in `content/` (see content/README.md);
 * the schemas are in `src/shared/schemas/` and are shared with the build's strict check
 * (`src/build/content/check.ts`), which also verifies references between collections.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { dataFiles, dataSchemas, pageSchema, type DataCollection } from './shared/schemas';

const data = (name: DataCollection) => file(`content/${dataFiles[name]}`);

// Written out one by one so each collection keeps its own inferred data type.
export const collections = {
  campaign: defineCollection({ loader: data('campaign'), schema: dataSchemas.campaign }),
  slogans: defineCollection({ loader: data('slogans'), schema: dataSchemas.slogans }),
  activities: defineCollection({ loader: data('activities'), schema: dataSchemas.activities }),
  agencies: defineCollection({ loader: data('agencies'), schema: dataSchemas.agencies }),
  milestones: defineCollection({ loader: data('milestones'), schema: dataSchemas.milestones }),
  legalBasis: defineCollection({ loader: data('legalBasis'), schema: dataSchemas.legalBasis }),
  helpLines: defineCollection({ loader: data('helpLines'), schema: dataSchemas.helpLines }),
  pages: defineCollection({
    loader: glob({ base: './content/pages', pattern: '**/[^_]*.{md,mdx}' }),
    schema: pageSchema,
  }),
};
