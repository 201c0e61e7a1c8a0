import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import { glob } from 'tinyglobby';
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
export const NOT_PRECACHED = [
  '404.html',
  SERVICE_WORKER_FILE,
  ...[FILES_DIR, PREVIEWS_DIR, BUNDLES_DIR].map((dir) => `${dir}**`),
];

/**
 * Files whose name changes with their content (Vite's hashed assets, Pagefind's index,
 * fragments, filters and metadata): listed without a revision (their name is one).
 */
export const HASHED_NAMES = /^(_astro\/|pagefind\/(index|fragment|filter)\/)|\.pf_meta$/;

/**
 * Characters of the MD5 each unhashed file has as its revision (Workbox's rule). A revision
 * only has to change when the file does; 12 hex digits (48 bits) do that as well as 32 and keep
 * the service worker about 1 KB (gzip) lighter, which everyone who opts in downloads.
 */
const REVISION_LENGTH = 12;

/** Workbox's default limit: a larger file is left out of the copy, with a warning (which stops the build). */
const MAX_PRECACHED_BYTES = 2 * 1024 * 1024;

/** One file of the offline copy: its URL under the site's base, and its revision (null when its name is one). */
export interface PrecacheEntry {
  readonly url: string;
  readonly revision: string | null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Fails the build if a print file would enter the offline copy, else shortens the revisions. */
export function checkEntries<T extends { url: string; revision?: string | null }>(entries: readonly T[]): T[] {
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

/**
 * The offline copy's files in the build at `root`: what `PRECACHED` matches but
 * `NOT_PRECACHED` does not, each with the MD5 of its bytes as its revision (shortened by
 * `checkEntries`) unless `HASHED_NAMES` says its name is one, sorted by URL. A pattern that
 * matches nothing, or a file over 2 MB, gives a warning; the build stops on any.
 *
 * This is the list workbox-build's `getManifest` makes from the same options, with the same
 * rules (tests/unit/integrations/offline.test.ts compares the two on a build). It is made
 * here, with tinyglobby (which Astro itself uses) and Node's MD5, because loading Workbox's
 * lister (glob, fs-extra and common-tags, about 80 modules) and running it cost about
 * 0.2 s of CPU per build, for a walk of about 130 files (README "Benchmarks").
 */
export async function precacheList(root: string) {
  const warnings: string[] = [];
  const urls = new Set<string>();
  for (const pattern of PRECACHED) {
    const found = await glob(pattern, {
      cwd: root,
      ignore: NOT_PRECACHED,
      expandDirectories: false,
      followSymbolicLinks: true,
    });
    if (found.length === 0) warnings.push(`no file in the build matches ${pattern}`);
    for (const url of found) urls.add(url);
  }
  const files = await Promise.all(
    [...urls].sort().map(async (url) => {
      const bytes = await readFile(join(root, url));
      const revision = HASHED_NAMES.test(url) ? null : createHash('md5').update(bytes).digest('hex');
      return { url, revision, size: bytes.length };
    }),
  );
  const kept = files.filter(({ url, size }) => {
    if (size <= MAX_PRECACHED_BYTES) return true;
    warnings.push(`${url} is ${size} bytes, over the ${MAX_PRECACHED_BYTES} bytes a file of the copy may have`);
    return false;
  });
  return {
    manifestEntries: checkEntries(kept.map(({ url, revision }): PrecacheEntry => ({ url, revision }))),
    count: kept.length,
    size: kept.reduce((sum, { size }) => sum + size, 0),
    warnings,
  };
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
export async function serviceWorker(entries: readonly PrecacheEntry[], base: string): Promise<string> {
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
 * integrations before this one: keep it last). The precache list is `precacheList`'s
 * (`PRECACHED`, with revisions, as Workbox's `getManifest` makes it); the worker is
 * `src/components/offline/sw.ts`, which says what it does.
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
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const { manifestEntries, count, size, warnings } = await precacheList(root);
        if (warnings.length) throw new Error(`offline copy (sw.js): ${warnings.join('; ')}`);
        await writeFile(join(root, SERVICE_WORKER_FILE), await serviceWorker(manifestEntries, base));
        logger.info(
          `${SERVICE_WORKER_FILE}: ${count} files precached, ${(size / 1024 / 1024).toFixed(1)} MB, in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
