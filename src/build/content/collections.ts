/**
 * Typed access to the content collections for pages, sorted by the plan's order.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

type Ordered = 'slogans' | 'activities' | 'agencies' | 'milestones' | 'legalBasis' | 'helpLines' | 'helpSearch' | 'helpPlaces' | 'localContacts';

async function ordered<C extends Ordered>(name: C): Promise<CollectionEntry<C>['data'][]> {
  const entries = await getCollection(name);
  return entries.map((e) => e.data).sort((a, b) => a.order - b.order);
}

export const getSlogans = () => ordered('slogans');
export const getActivities = () => ordered('activities');
export const getAgencies = () => ordered('agencies');
export const getMilestones = () => ordered('milestones');
export const getLegalBasis = () => ordered('legalBasis');
export const getHelpLines = () => ordered('helpLines');
export const getHelpSearch = () => ordered('helpSearch');
export const getHelpPlaces = () => ordered('helpPlaces');
export const getLocalContacts = () => ordered('localContacts');

export async function getCampaign(): Promise<CollectionEntry<'campaign'>['data']> {
  const [entry] = await getCollection('campaign');
  if (!entry) throw new Error('content/campaign.yaml: no campaign entry');
  return entry.data;
}

/**
 * The campaign's names and year for UI strings: vi.json writes "huyện {district}",
 * "tỉnh {province}", "năm {year}", "{issuerShort}", "{actionMonth}", filled by
 * `t(key, { ...await campaignPlaceholders(), … })`, so no campaign is written in code.
 */
export async function campaignPlaceholders() {
  const { district, province, year, issuerShort, actionMonth } = await getCampaign();
  return { district, province, year, issuerShort, actionMonth };
}

export type Slogan = CollectionEntry<'slogans'>['data'];
export type Activity = CollectionEntry<'activities'>['data'];
export type Agency = CollectionEntry<'agencies'>['data'];
export type Milestone = CollectionEntry<'milestones'>['data'];
export type LegalDocument = CollectionEntry<'legalBasis'>['data'];
export type HelpLine = CollectionEntry<'helpLines'>['data'];

/** Site-relative URL with the configured base path: `href('khau-hieu/')`. */
export function href(path = ''): string {
  return `${import.meta.env.BASE_URL}${path.replace(/^\/+/, '')}`;
}

/** Telephone link for a help line: "1900 969 680" → "tel:1900969680". */
export function telHref(number: string): string {
  return `tel:${number.replace(/\s+/g, '')}`;
}
