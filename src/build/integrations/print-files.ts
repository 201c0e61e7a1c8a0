import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { constants } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, ViteUserConfig } from 'astro';
import pLimit from 'p-limit';
import { contentDirOf, loadContent } from '../content/load';
import { generatePrintFiles, type GenerateResult, type SiteFile } from '../print-files/generate';
import { PRINT_FONTS } from '../../shared/print-files/manifest';
import { fontPackageDir, FONT_FILES } from '../print/load-fonts';
import { posterFooterFrom, posterHeading, posterLink } from '../../shared/print-texts';
import { basePath, siteUrl } from '../config';

type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/** The virtual module pages import the manifest from. */
export const MANIFEST_MODULE = 'virtual:campaign/print-manifest';
const RESOLVED_MANIFEST_MODULE = `\0${MANIFEST_MODULE}`;
/** fontkit's WOFF2 decoder, replaced in browser bundles (see `customiserBundlePlugin`). */
const BROTLI_MODULE = 'brotli/decompress.js';
const RESOLVED_NO_WOFF2 = '\0campaign:no-woff2';

/** Cache folder, under the project root (ignored by git; CI starts without it). */
export const PRINT_CACHE_DIR = '.cache/print-files';

/** Timings of the last run, for `npm run bench`. */
export const LAST_RUN_FILE = 'last-run.json';

/** Files copied into `dist/` at once. */
const COPY_CONCURRENCY = 8;

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The fonts the customiser fetches, with their OFL licence beside them: site path
 * → file in @expo-google-fonts/be-vietnam-pro.
 */
function fontFiles(): SiteFile[] {
  const dir = fontPackageDir();
  return [
    { path: PRINT_FONTS.display, from: join(dir, FONT_FILES.display) },
    { path: PRINT_FONTS.text, from: join(dir, FONT_FILES.text) },
    { path: PRINT_FONTS.licence, from: join(dir, 'LICENSE_FONT') },
  ];
}

/**
 * Generates the print files (`src/build/print-files/`) before any page renders,
 * gives pages the manifest as `virtual:campaign/print-manifest`, serves the files
 * in `astro dev`, and copies them into `dist/` when the build is done.
 */
export function printFiles(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let running: Promise<GenerateResult> | undefined;
  let generationSeconds = 0;

  const generate = (logger: AstroIntegrationLogger): Promise<GenerateResult> =>
    (running ??= (async () => {
      const content = loadContent(contentDirOf(root), root);
      const campaign = content.campaign[0];
      if (!campaign) throw new Error('content/campaign.yaml: no campaign entry');
      logger.info('generating print files (cached by input; the first run takes a while)…');
      const started = performance.now();
      const result = await generatePrintFiles({
        root,
        cacheDir,
        source: {
          slogans: content.slogans,
          heading: posterHeading(campaign),
          theme: campaign.theme,
          footer: posterFooterFrom(content.helpLines),
          publishing: campaign.publishing,
          link: posterLink(siteUrl, basePath),
        },
      });
      generationSeconds = (performance.now() - started) / 1000;
      const { rendered, reused, bundlesBuilt, bundlesReused } = result.stats;
      logger.info(
        `${result.manifest.files.length} files (${rendered} rendered, ${reused} from cache), ` +
          `${result.manifest.bundles.length} ZIP bundles (${bundlesBuilt} built, ${bundlesReused} from cache) ` +
          `in ${generationSeconds.toFixed(1)} s`,
      );
      return result;
    })());

  const manifestPlugin = (logger: AstroIntegrationLogger): VitePlugin => ({
    name: 'campaign:print-manifest',
    resolveId: (id) => (id === MANIFEST_MODULE ? RESOLVED_MANIFEST_MODULE : null),
    async load(id) {
      if (id !== RESOLVED_MANIFEST_MODULE) return null;
      const { manifest } = await generate(logger);
      return `export default ${JSON.stringify(manifest)};`;
    },
  });

  /**
   * The customiser fetches TTF fonts, so fontkit's WOFF2 decoder (a brotli port
   * with its 120 KB dictionary, about 60 KB of the page's download) is replaced in
   * browser bundles by a function that says so. Node code keeps the real one.
   */
  const customiserBundlePlugin: VitePlugin = {
    name: 'campaign:customiser-bundle',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    resolveId: (id) => (id === BROTLI_MODULE ? RESOLVED_NO_WOFF2 : null),
    load: (id) =>
      id === RESOLVED_NO_WOFF2
        ? 'export default function decompress() { throw new Error("WOFF2 fonts are not supported by the customiser: load a TTF font."); }'
        : null,
  };

  return {
    name: 'campaign:print-files',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, logger }) => {
        root = fileURLToPath(config.root);
        cacheDir = join(root, PRINT_CACHE_DIR);
        updateConfig({ vite: { plugins: [manifestPlugin(logger), customiserBundlePlugin] } });
      },
      'astro:build:start': async ({ logger }) => {
        await generate(logger);
      },
      'astro:server:setup': async ({ server, logger }) => {
        const base = server.config.base;
        const result = await generate(logger);
        const files = new Map([...result.siteFiles, ...fontFiles()].map((file) => [file.path, file.from]));
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
          const from = path.startsWith(base) ? files.get(path.slice(base.length)) : undefined;
          if (!from || !existsSync(from)) return next();
          res.writeHead(200, {
            'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
            'Content-Length': statSync(from).size,
          });
          createReadStream(from).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const result = await generate(logger);
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const all = [...result.siteFiles, ...fontFiles()];
        // A few copies at a time; a reflink where the file system can, a plain copy elsewhere.
        await pLimit(COPY_CONCURRENCY).map(all, async (file) => {
          const target = join(outDir, file.path);
          await mkdir(dirname(target), { recursive: true });
          await copyFile(file.from, target, constants.COPYFILE_FICLONE);
        });
        const copySeconds = (performance.now() - started) / 1000;
        logger.info(`copied ${all.length} print files and fonts into ${outDir} in ${copySeconds.toFixed(1)} s`);
        await writeFile(
          join(cacheDir, LAST_RUN_FILE),
          JSON.stringify(
            { ...result.stats, generationSeconds, copySeconds, printStepSeconds: generationSeconds + copySeconds },
            null,
            1,
          ),
        );
      },
    },
  };
}
