// Build settings, read from the environment at build time (README: "Deploy", "Start a new campaign").
// Read by astro.config.mjs, the tests and scripts, and by pages through src/build/config.ts.

/** The origin of `npm start`, the tests and the bench: they set SITE_URL to it themselves. */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

const EXAMPLE = 'e.g. SITE_URL=https://example.gov.vn npm run build';

/**
 * The public origin from a SITE_URL value, without a trailing slash; throws an Error whose
 * message is one line naming SITE_URL (and the value, when there is one) with an example.
 */
export function parseSiteUrl(value) {
  if (!value) throw new Error(`SITE_URL is not set: give the site's public address, ${EXAMPLE}`);
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL="${value}" is not a full address with http:// or https://, ${EXAMPLE}`);
  }
  if (!['http:', 'https:'].includes(url.protocol) || !url.hostname)
    throw new Error(`SITE_URL="${value}" must start with http:// or https://, ${EXAMPLE}`);
  if (url.username || url.password || url.search || url.hash || url.pathname !== '/')
    throw new Error(
      `SITE_URL="${value}" must be an origin only (no path, query or user; a sub-folder goes in BASE_PATH), ${EXAMPLE}`,
    );
  return url.origin;
}

/**
 * Absolute origin the site is served from; used for canonical URLs, the sitemap and Open Graph.
 * `npm run build` refuses to run without SITE_URL (`exitUnlessSiteUrl`, called by
 * astro.config.mjs); the local origin stands in only for `astro dev` and `astro check`.
 */
export const siteUrl = process.env.SITE_URL ? safeOrigin(process.env.SITE_URL) : LOCAL_SITE_URL;

/** A bad value is reported by `checkSiteUrl`, not here: importing this file never throws. */
function safeOrigin(value) {
  try {
    return parseSiteUrl(value);
  } catch {
    return LOCAL_SITE_URL;
  }
}

/** For astro.config.mjs: a build needs a valid SITE_URL (the message names it); dev and check only a valid one if set. */
export function checkSiteUrl(command) {
  if (command === 'build' || process.env.SITE_URL) parseSiteUrl(process.env.SITE_URL);
}

/**
 * For astro.config.mjs, as Astro reads it: `astro build` without a valid SITE_URL prints one
 * line that names the variable, with an example, and ends the process before anything is
 * built (an error thrown from the config would come with Astro's stack). Done here rather than
 * by a script before `astro build`, which cost every build the start of another Node process.
 */
export function exitUnlessSiteUrl(argv = process.argv) {
  if (argv.slice(2).find((arg) => !arg.startsWith('-')) !== 'build') return;
  try {
    parseSiteUrl(process.env.SITE_URL);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

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
