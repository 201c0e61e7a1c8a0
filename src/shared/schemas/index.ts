/**
 * Every collection's schema, keyed by collection name. The content loader
 * (`src/build/content/load.ts`) validates each entry with them, once per build;
 * `src/content.config.ts` gives them to Astro for the pages' types.
 */
import { activitySchema } from './activity.ts';
import { agencySchema } from './agency.ts';
import { campaignSchema } from './campaign.ts';
import { helpLineSchema } from './help-line.ts';
import { helpSearchSchema } from './help-search.ts';
import { helpPlaceSchema } from './help-place.ts';
import { localContactSchema } from './local-contact.ts';
import { legalDocumentSchema } from './legal-document.ts';
import { milestoneSchema } from './milestone.ts';
import { sloganSchema } from './slogan.ts';

export const dataSchemas = {
  campaign: campaignSchema,
  slogans: sloganSchema,
  activities: activitySchema,
  agencies: agencySchema,
  milestones: milestoneSchema,
  legalBasis: legalDocumentSchema,
  helpLines: helpLineSchema,
  helpSearch: helpSearchSchema,
  helpPlaces: helpPlaceSchema,
  localContacts: localContactSchema,
} as const;

export type DataCollection = keyof typeof dataSchemas;

/** The YAML file (under `content/`) that holds each data collection. */
export const dataFiles: Record<DataCollection, string> = {
  campaign: 'campaign.yaml',
  slogans: 'slogans.yaml',
  activities: 'activities.yaml',
  agencies: 'agencies.yaml',
  milestones: 'milestones.yaml',
  legalBasis: 'legal-basis.yaml',
  helpLines: 'help-lines.yaml',
  helpSearch: 'help-search.yaml',
  helpPlaces: 'help-places.yaml',
  localContacts: 'local-contacts.yaml',
};

/** Collections a campaign may leave out (no file, or an empty list `[]`). */
export const optionalCollections: ReadonlySet<DataCollection> = new Set(['helpPlaces', 'localContacts']);

export { pageSchema } from './page.ts';
