import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import type { ManifestEntry } from 'workbox-build';
import { BUNDLES_DIR, FILES_DIR, PREVIEWS_DIR } from '../../shared/print-files/manifest.ts';
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
 * Their three folders are left out as well, so that the lister does not walk the about 2,000
 * files there at every build.
 */
const NOT_PRECACHED = [
  '404.html',
  SERVICE_WORKER_FILE,
  ...[FILES_DIR, PREVIEWS_DIR, BUNDLES_DIR].map((dir) => `${dir}**`),
];

/**
 * Files whose name changes with their content (Vite's hashed assets, Pagefind's index,
 * fragments, filters and metadata): listed without a revision (their name is one).
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
 * The defaults workbox-build's `getManifest` gives the options `precacheOptions` leaves out
 * (its schema, build/schema/GetManifestOptions.json, in 7.4).
 */
const WORKBOX_DEFAULTS = { globFollow: true, maximumFileSizeToCacheInBytes: 2 * 1024 * 1024 };

/**
 * What `getManifest(precacheOptions(root))` gives, without its check of the options: it
 * loads ajv and compiles workbox's JSON schema for options that are fixed here, about 0.1 s
 * of every build. The same lister, with the defaults the check would have filled in
 * (tests/unit/integrations/offline.test.ts compares the two).
 */
export async function precacheList(root: string) {
  const { getFileManifestEntries } = await loadLister();
  return getFileManifestEntries({ ...WORKBOX_DEFAULTS, ...precacheOptions(root) });
}

let lister: Promise<typeof import('workbox-build/build/lib/get-file-manifest-entries.js')> | undefined;

/**
 * Workbox's lister, loaded once. Only the precache list: the rest of workbox-build (its
 * bundler) takes over a second to load, and its `getManifest` first checks its options with
 * ajv (see `precacheList`). Loaded when asked rather than with the config: the build asks for
 * it as it starts bundling, and the main thread loads it while it waits for Rolldown, instead
 * of before Astro starts (about 40 ms of module loading).
 */
function loadLister() {
  lister ??= import('workbox-build/build/lib/get-file-manifest-entries.js');
  return lister;
}

/**
 * The downloads kept once fetched: the print files (`tai-lieu/`, but not its pages, whose
 * addresses end in `/`) and the calendar file. Matched against the whole URL, of this origin
 * only (the worker leaves other origins alone).
 */
export function downloadPattern(base: string): RegExp {
  return new RegExp(`${escapeRegExp(base)}(tai-lieu/[^?#]*[^/?#]|lich-trinh/[^/?#]+\\.ics)([?#].*)?$`);
}

/** The worker's source (hand-written: src/components/offline/README.md says why). */
const WORKER_SOURCE = new URL('../../components/offline/sw.ts', import.meta.url);

/** The offline page's file, which the copy must hold. */
const FALLBACK = `${OFFLINE_PAGE}index.html`;

/**
 * The service worker for `entries` (checked by `checkEntries`) on a site at `base`: the source,
 * minified by esbuild, with the precache list (sorted, so that the file depends on the files
 * only), the download rule and the offline page put in.
 */
export async function serviceWorker(entries: readonly ManifestEntry[], base: string): Promise<string> {
  if (!entries.some((entry) => entry.url === FALLBACK))
    throw new Error(`offline copy: the offline page (${FALLBACK}) is not in the precache list`);
  const list = [...entries]
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))
    .map(({ url, revision }) => (revision ? [url, revision] : [url]));
  const { code } = await transform(await readFile(WORKER_SOURCE, 'utf8'), {
    loader: 'ts',
    format: 'iife',
    minify: true,
    legalComments: 'none',
    target: ['chrome90', 'firefox90', 'safari15'],
    define: {
      PRECACHE: JSON.stringify(list),
      DOWNLOADS: JSON.stringify(downloadPattern(base).source),
      FALLBACK: JSON.stringify(FALLBACK),
    },
  });
  return code;
}

/**
 * The opt-in offline copy ("Lưu để đọc khi không có mạng" on /tro-giup/,
 * src/components/offline/): writes `sw.js` at the end of the build, once every other file is
 * in `dist/` (the print files' fonts and the search index are written in this same hook by the
 * integrations before this one: keep it last). The precache list is Workbox's (`precacheList`:
 * `PRECACHED`, with revisions); the worker is `src/components/offline/sw.ts`, which says what
 * it does.
 *
 * Nothing links to `sw.js`; only the control registers it, when asked.
 */
export function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'campaign:offline',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // esbuild's service process starts with its first call: started now, beside Astro's
        // work, the worker's minification at the end of the build does not wait for it.
        if (command === 'build') transform('').catch(() => {});
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      // Awaited at the end of the build, where a failure to load it is reported.
      'astro:build:start': () => {
        loadLister().catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const { manifestEntries, count, size, warnings } = await precacheList(root);
        if (warnings.length) throw new Error(`offline copy (sw.js): ${warnings.join('; ')}`);
        await writeFile(join(root, SERVICE_WORKER_FILE), await serviceWorker(manifestEntries ?? [], base));
        logger.info(
          `${SERVICE_WORKER_FILE}: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
