// Build settings, read from the environment at build time (README: "Deploy", "Start a new campaign").
// Read by astro.config.mjs, the tests and scripts, and by pages through src/build/config.ts.

/** Absolute origin the site is served from; used for canonical URLs, the sitemap and Open Graph. */
export const siteUrl = (process.env.SITE_URL || 'http://127.0.0.1:4321').replace(/\/+$/, '');

/** Path prefix when the site is served from a sub-folder ("/thang-hanh-dong/"); "/" by default. */
export const basePath = ('/' + (process.env.BASE_PATH || '').replace(/^\/+|\/+$/g, '') + '/').replace(/\/+/g, '/');

/**
 * Where the quick exit sends people: a neutral, common site that gives nothing away
 * (the GOV.UK pattern uses a weather page).
 */
export const quickExitUrl = process.env.QUICK_EXIT_URL || 'https://www.google.com/';

/**
 * The campaign's content folder (README: "Start a new campaign"): relative to the project
 * root, or absolute. Everything that reads content resolves it through
 * `src/build/content/load.ts` (`contentDirOf`).
 */
export const contentDir = process.env.CONTENT_DIR || 'content';
