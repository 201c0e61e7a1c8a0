import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { generateSW, type ManifestEntry } from 'workbox-build';
import { OFFLINE_PAGE, SERVICE_WORKER_FILE, WEB_MANIFEST_FILE } from '../offline.ts';

/**
 * What the offline copy holds: every page, the styles and scripts (`_astro/`), the page fonts
 * (in `_astro/`) and the customiser's (`fonts/`), the search index, the web app manifest and
 * its icons.
 */
export const PRECACHED = [
  '**/*.html',
  '_astro/**',
  'pagefind/**',
  'fonts/**',
  WEB_MANIFEST_FILE,
  'icons/*.png',
  'favicon.svg',
];

/**
 * Never in the offline copy: the 404 page (the offline page answers instead), and the print
 * files (`tai-lieu/`: PDF, SVG, PNG, WebP previews, ZIP, checksums, their manifest), many
 * megabytes nobody asked for. `**\/*.html` cannot reach them; `checkEntries` makes sure.
 */
const NOT_PRECACHED = ['404.html', SERVICE_WORKER_FILE];

/**
 * Files whose name changes with their content (Vite's hashed assets, Pagefind's index,
 * fragments, filters and metadata): Workbox keeps them without a revision of its own.
 */
const HASHED_NAMES = /^(_astro\/|pagefind\/(index|fragment|filter)\/)|\.pf_meta$/;

/**
 * Characters of the MD5 Workbox gives each unhashed file as its revision. A revision only has
 * to change when the file does; 12 hex digits (48 bits) do that as well as 32 and keep the
 * service worker about 1 KB (gzip) lighter, which everyone who opts in downloads.
 */
const REVISION_LENGTH = 12;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Fails the build if a print file would enter the offline copy, else shortens the revisions. */
export function checkEntries<T extends ManifestEntry>(entries: readonly T[]): T[] {
  const printFiles = entries.filter((entry) => entry.url.startsWith('tai-lieu/') && !entry.url.endsWith('.html'));
  if (printFiles.length) {
    throw new Error(
      `offline copy: print files must never be precached, but the precache list holds ${printFiles
        .map((entry) => entry.url)
        .join(', ')} (src/build/integrations/offline.ts, PRECACHED)`,
    );
  }
  return entries.map((entry) => ({ ...entry, revision: entry.revision?.slice(0, REVISION_LENGTH) ?? null }));
}

/** What to precache from the build in `root` (also what the tests list with `getManifest`). */
export function precacheOptions(root: string) {
  return {
    globDirectory: root,
    globPatterns: PRECACHED,
    globIgnores: NOT_PRECACHED,
    dontCacheBustURLsMatching: HASHED_NAMES,
    manifestTransforms: [
      <T extends ManifestEntry>(entries: T[]) => ({ manifest: checkEntries(entries), warnings: [] }),
    ],
  };
}

/**
 * The downloads kept once fetched: the print files (`tai-lieu/`, but not its pages, whose
 * addresses end in `/`) and the calendar file. Matched against the whole URL; Workbox takes a
 * match of another origin only at its start, which this never is.
 */
export function downloadPattern(base: string): RegExp {
  return new RegExp(`${escapeRegExp(base)}(tai-lieu/[^?#]*[^/?#]|lich-trinh/[^/?#]+\\.ics)([?#].*)?$`);
}

/**
 * The opt-in offline copy ("Lưu để đọc khi không có mạng" on /tro-giup/,
 * src/components/offline/): writes `sw.js` at the end of the build with Workbox's
 * `generateSW`, once every other file is in `dist/` (the print files' fonts and the search
 * index are written in this same hook by the integrations before this one: keep it last).
 *
 * Nothing links to `sw.js`; only the control registers it, when asked. The worker:
 * - precaches `PRECACHED` (each file with a revision: a new build changes the revisions of
 *   what changed, and the new worker fetches those in its install step, beside the old
 *   copy); serves them cache-first, whatever their query (`?q=` of /tim-kiem/, Pagefind's
 *   `?ts=`);
 * - takes over open pages on first install (`clientsClaim`), but does not skip waiting:
 *   after a new build the old worker keeps serving its whole, consistent copy to open pages
 *   until they are closed, then the new one activates and deletes the old entries, so a page
 *   never mixes files of two builds; `cleanupOutdatedCaches` deletes caches of older
 *   Workbox versions;
 * - print files and the calendar: network first, kept once downloaded (complete `200`s
 *   only), so a file downloaded while online is there offline, and the newest one while
 *   online;
 * - any other address, while offline: the offline page.
 */
export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'campaign:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const { count, size, warnings } = await generateSW({
          ...precacheOptions(root),
          swDest: join(root, SERVICE_WORKER_FILE),
          ignoreURLParametersMatching: [/./],
          directoryIndex: 'index.html',
          skipWaiting: false,
          clientsClaim: true,
          cleanupOutdatedCaches: true,
          inlineWorkboxRuntime: true,
          mode: 'production',
          sourcemap: false,
          babelPresetEnvTargets: ['chrome >= 90', 'firefox >= 90', 'safari >= 15'],
          runtimeCaching: [
            {
              urlPattern: downloadPattern(base),
              handler: 'NetworkFirst',
              // NetworkFirst keeps only complete `200` answers (never a `206` part of a file).
              options: { cacheName: 'tai-lieu' },
            },
            {
              // Any other page, offline: the offline page from the copy.
              urlPattern: ({ request }) => request.mode === 'navigate',
              handler: 'NetworkOnly',
              options: { precacheFallback: { fallbackURL: `${OFFLINE_PAGE}index.html` } },
            },
          ],
        });
        if (warnings.length) throw new Error(`offline copy (sw.js): ${warnings.join('; ')}`);
        logger.info(`${SERVICE_WORKER_FILE}: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MB`);
      },
    },
  };
}
