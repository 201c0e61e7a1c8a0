/**
 * Content collections. All campaign data lives in the content folder (`content/`, or
 * `CONTENT_DIR`: see content/README.md); the schemas are in `src/shared/schemas/`.
 * The data collections come from the campaign loader (`src/build/content/loader.ts`),
 * which reads and checks the folder once for the whole build, references included.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { contentDir } from '../site.config.mjs';
import { campaignLoader } from './build/content/loader.ts';
import { PAGES_DIR, PAGE_PATTERN } from './build/content/load.ts';
import { dataSchemas, pageSchema } from './shared/schemas/index.ts';

// Written out one by one so each collection keeps its own inferred data type.
export const collections = {
  campaign: defineCollection({ loader: campaignLoader('campaign'), schema: dataSchemas.campaign }),
  slogans: defineCollection({ loader: campaignLoader('slogans'), schema: dataSchemas.slogans }),
  activities: defineCollection({ loader: campaignLoader('activities'), schema: dataSchemas.activities }),
  agencies: defineCollection({ loader: campaignLoader('agencies'), schema: dataSchemas.agencies }),
  milestones: defineCollection({ loader: campaignLoader('milestones'), schema: dataSchemas.milestones }),
  legalBasis: defineCollection({ loader: campaignLoader('legalBasis'), schema: dataSchemas.legalBasis }),
  helpLines: defineCollection({ loader: campaignLoader('helpLines'), schema: dataSchemas.helpLines }),
  helpSearch: defineCollection({ loader: campaignLoader('helpSearch'), schema: dataSchemas.helpSearch }),
  helpPlaces: defineCollection({ loader: campaignLoader('helpPlaces'), schema: dataSchemas.helpPlaces }),
  localContacts: defineCollection({ loader: campaignLoader('localContacts'), schema: dataSchemas.localContacts }),
  // Prose (MDX) keeps Astro's glob loader, which renders it; its front matter is checked by the campaign loader too.
  pages: defineCollection({
    loader: glob({ base: `${contentDir}/${PAGES_DIR}`, pattern: PAGE_PATTERN }),
    schema: pageSchema,
  }),
};
