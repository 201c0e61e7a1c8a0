/**
 * The site's fixed top-level pages, in one place: the header navigation and the
 * list of every page (/muc-luc/) both read it, so a new page is added once.
 */
import type { UiKey } from '../i18n/index.ts';

export interface SitePage {
  /** Path below the base URL, with its trailing slash ('' for the home page). */
  path: string;
  /** Short label in the header navigation; pages without one are not in the navigation. */
  navKey?: UiKey;
  /** The page's full title, used in the list of every page. */
  titleKey: UiKey;
}

export const SITE_PAGES: readonly SitePage[] = [
  { path: '', navKey: 'nav.home', titleKey: 'nav.home' },
  // Help comes right after home: on a phone the menu scrolls sideways, and help must never be out of sight.
  { path: 'tro-giup/', navKey: 'nav.help', titleKey: 'help.title' },
  { path: 'khau-hieu/', navKey: 'nav.slogans', titleKey: 'slogans.title' },
  { path: 'tai-lieu/', navKey: 'nav.materials', titleKey: 'materials.title' },
  { path: 'tao-mau/', navKey: 'nav.customiser', titleKey: 'customiser.title' },
  { path: 'hoat-dong/', navKey: 'nav.activities', titleKey: 'activities.title' },
  { path: 'trach-nhiem/', navKey: 'nav.responsibilities', titleKey: 'agencies.title' },
  { path: 'lich-trinh/', navKey: 'nav.timeline', titleKey: 'timeline.title' },
  { path: 'can-cu-phap-ly/', navKey: 'nav.legal', titleKey: 'legal.title' },
  { path: 'ke-hoach/', navKey: 'nav.plan', titleKey: 'plan.title' },
  // Reached from the header's search box rather than the navigation.
  { path: 'tim-kiem/', titleKey: 'search.title' },
];
