import { createReadStream, existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { VitePlugin } from './vite-plugin.ts';
import { basePath, siteUrl } from '../config.ts';
import { campaignOf, contentDirOf, loadContent } from '../content/load.ts';
import { builtPages } from './built-pages.ts';
import { addCustomiserPreloads } from './customiser-preload.ts';
import { customiserWorkerCache } from './customiser-worker-cache.ts';
import { placeFiles, type Placed } from './place-files.ts';
import type { PrintStepData, PrintStepMessage, PrintStepRequest, PrintStepResult } from './print-step.ts';
import { recordedStep, stepKey } from './print-step-record.ts';
import { MANIFEST_PATH } from '../../shared/print-files/manifest.ts';

/** The virtual module pages import the manifest from. */
export const MANIFEST_MODULE = 'virtual:campaign/print-manifest';
const RESOLVED_MANIFEST_MODULE = `\0${MANIFEST_MODULE}`;
/**
 * Modules replaced in browser bundles (see `customiserBundlePlugin`), by what stands in
 * for them: the customiser never uses what they hold.
 */
const BROWSER_STUBS: Record<string, string> = {
  // pdf-lib's 14 standard fonts' metrics (127 KB, inflated when loaded): the engine draws text as outlines.
  '@pdf-lib/standard-fonts': `export const FontNames = ${JSON.stringify(
    Object.fromEntries([
      ['Courier', 'Courier'],
      ['CourierBold', 'Courier-Bold'],
      ['CourierOblique', 'Courier-Oblique'],
      ['CourierBoldOblique', 'Courier-BoldOblique'],
      ['Helvetica', 'Helvetica'],
      ['HelveticaBold', 'Helvetica-Bold'],
      ['HelveticaOblique', 'Helvetica-Oblique'],
      ['HelveticaBoldOblique', 'Helvetica-BoldOblique'],
      ['TimesRoman', 'Times-Roman'],
      ['TimesRomanBold', 'Times-Bold'],
      ['TimesRomanItalic', 'Times-Italic'],
      ['TimesRomanBoldItalic', 'Times-BoldItalic'],
      ['Symbol', 'Symbol'],
      ['ZapfDingbats', 'ZapfDingbats'],
    ]),
  )};
export const Encodings = {};
export const Font = { load() { throw new Error("Standard PDF fonts are not in the customiser: text is drawn as outlines."); } };`,
  // pdf-lib's zlib (pako, about 15 KB gzip): only its own compressed streams use it (`flateStream`,
  // drawing operators, object streams); the engine compresses its content with fflate and saves
  // without object streams (render-pdf.ts), so the customiser never reaches it.
  pako: 'const none = () => { throw new Error("pako is not in the customiser: its streams are compressed with fflate."); }; export default { deflate: none, inflate: none };',
  // pdf-lib's PNG decoder: the engine embeds no image.
  '@pdf-lib/upng':
    'export default { decode() { throw new Error("PNG images are not embedded by the customiser."); }, toRGBA8() { throw new Error("PNG images are not embedded by the customiser."); } };',
};
const STUB_PREFIX = '\0campaign:stub:';

/** Cache folder, under the project root (ignored by git; CI starts without it). */
export const PRINT_CACHE_DIR = '.cache/print-files';

/** Timings of the last run, for `npm run bench`. */
export const LAST_RUN_FILE = 'last-run.json';

/** The print files, made or found (`generated`), and placed into the output folder when asked. */
interface RunningStep {
  readonly generated: Promise<PrintStepResult>;
  place(outDir: string): Promise<Placed>;
}

/**
 * The print step's thread (`print-step.ts`), started once: it makes or finds the files at
 * once, and places them when `place` is called. A failure in the thread rejects both.
 */
class PrintStep implements RunningStep {
  readonly generated: Promise<PrintStepResult>;
  private readonly worker: Worker;
  private readonly waiting = new Set<{ resolve?: (placed: Placed) => void; reject: (error: unknown) => void }>();
  private placed: Promise<Placed> | undefined;

  constructor(data: PrintStepData, logger: AstroIntegrationLogger) {
    this.worker = new Worker(new URL('./print-step-worker.mjs', import.meta.url), { workerData: { printStep: data } });
    this.generated = new Promise<PrintStepResult>((resolve, reject) => {
      this.waiting.add({ reject });
      this.worker.on('message', (message: PrintStepMessage) => {
        if (message.type === 'log') logger.info(message.message);
        else if (message.type === 'generated') resolve(message.result);
        else for (const waiter of this.waiting) waiter.resolve?.(message.placed);
      });
    });
    // Awaited where it is needed; a failure is reported there, not as an unhandled rejection.
    // Once the files are made the idle thread no longer keeps the process alive (`astro dev`
    // never asks it to place them); `place` holds it again until they are placed.
    this.generated.then(
      () => {
        if (!this.placed) this.worker.unref();
      },
      () => {},
    );
    const fail = (error: unknown) => {
      for (const waiter of this.waiting) waiter.reject(error);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) =>
      fail(new Error(`print files: the print step's thread ended early (exit code ${code})`)),
    );
  }

  /** Places the files into `outDir` (once Astro has emptied it), then ends the thread. */
  place(outDir: string): Promise<Placed> {
    this.placed ??= new Promise<Placed>((resolve, reject) => {
      this.waiting.add({ resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ type: 'place', outDir } satisfies PrintStepRequest);
    });
    return this.placed;
  }
}

/**
 * The last run's result, found unchanged by its record (`print-step-record.ts`): no thread,
 * and the files are placed from this thread (Node's file system calls run in its thread pool).
 */
class RecordedStep implements RunningStep {
  readonly generated: Promise<PrintStepResult>;
  private readonly result: PrintStepResult;
  private readonly cacheDir: string;
  private placed: Promise<Placed> | undefined;

  constructor(result: PrintStepResult, cacheDir: string) {
    this.result = result;
    this.cacheDir = cacheDir;
    this.generated = Promise.resolve(result);
  }

  place(outDir: string): Promise<Placed> {
    this.placed ??= placeFiles(this.result.siteFiles, outDir, this.cacheDir);
    return this.placed;
  }
}

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.zip': 'application/zip',
  '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Generates the print files (`src/build/print-files/`) in a thread of their own, from the
 * moment `astro build` reads the config (`print-step.ts`); gives pages the manifest as
 * `virtual:campaign/print-manifest`; serves the files in `astro dev`; and places them into
 * `dist/` while Astro bundles and renders (once it has emptied the folder).
 */
export function printFiles(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let base = '/';
  let outDir = '';
  let running: RunningStep | undefined;

  /**
   * The print step, started at the first call: the last run's result when its record says
   * nothing changed (`print-step-record.ts`), else the step's thread.
   */
  const step = (logger: AstroIntegrationLogger): RunningStep => {
    if (running) return running;
    const started = performance.now();
    const content = loadContent(contentDirOf(root), root);
    const { actionMonth, theme, publishing } = campaignOf(content);
    const input = {
      root,
      cacheDir,
      slogans: content.slogans.map(({ id, order, text }) => ({ id, order, text })),
      campaign: { actionMonth, theme, publishing },
      helpLines: content.helpLines,
    };
    const key = stepKey(input, { siteUrl, basePath });
    const recorded = recordedStep(cacheDir, key);
    if (recorded) {
      const { counts } = recorded;
      const stats = { rendered: 0, reused: counts.files, bundlesBuilt: 0, bundlesReused: counts.bundles };
      running = new RecordedStep({ ...recorded, stats, seconds: (performance.now() - started) / 1000 }, cacheDir);
    } else running = new PrintStep({ input, key }, logger);
    running.generated.then(
      ({ counts, stats, seconds }) =>
        logger.info(
          recorded
            ? `${counts.files} files and ${counts.bundles} ZIP bundles as the last build left ` +
                `them: nothing changed since (its record) in ${seconds.toFixed(1)} s`
            : `${counts.files} files (${stats.rendered} rendered, ${stats.reused} from cache), ` +
                `${counts.bundles} ZIP bundles (${stats.bundlesBuilt} built, ${stats.bundlesReused} from cache) ` +
                `in ${seconds.toFixed(1)} s`,
        ),
      // Reported where the files are awaited (the manifest's module, the end of the build).
      () => {},
    );
    return running;
  };

  const manifestPlugin = (logger: AstroIntegrationLogger): VitePlugin => ({
    name: 'campaign:print-manifest',
    resolveId: (id) => (id === MANIFEST_MODULE ? RESOLVED_MANIFEST_MODULE : null),
    async load(id) {
      if (id !== RESOLVED_MANIFEST_MODULE) return null;
      const { siteFiles } = await step(logger).generated;
      // The manifest is read from its file when the pages' code is loaded, not put into it:
      // as a string in the server bundle it was 1.7 MB that every plugin and Rolldown passed
      // along, and Node then loaded (about 0.08 s of a build). Only pages and build code import
      // this module (never the browser: no-node-in-client), and the file is the one the site
      // publishes: the step wrote it, or its record found it unchanged.
      const file = siteFiles.find((siteFile) => siteFile.path === MANIFEST_PATH)?.from;
      if (!file) throw new Error(`print files: the print step gave no ${MANIFEST_PATH}`);
      return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));`;
    },
  });

  /**
   * The customiser's bundles (the page's script and its worker, `src/components/customiser/`)
   * leave out what it never uses (`BROWSER_STUBS`): pdf-lib's standard fonts, zlib and PNG
   * decoder, about 115 KB of pdf-lib's download, gzip. Node code keeps the real modules.
   */
  const stubs = (): VitePlugin => ({
    name: 'campaign:customiser-bundle',
    enforce: 'pre',
    resolveId: (id) => (id in BROWSER_STUBS ? `${STUB_PREFIX}${id}` : null),
    load: (id) => (id.startsWith(STUB_PREFIX) ? BROWSER_STUBS[id.slice(STUB_PREFIX.length)]! : null),
  });
  const customiserBundlePlugin: VitePlugin = {
    ...stubs(),
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
  };

  return {
    name: 'campaign:print-files',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        root = fileURLToPath(config.root);
        cacheDir = join(root, PRINT_CACHE_DIR);
        updateConfig({
          vite: {
            plugins: [manifestPlugin(logger), customiserBundlePlugin, customiserWorkerCache(root)],
            worker: { plugins: () => [stubs()] },
          },
        });
        // At once: the step runs beside Astro's content sync and bundling.
        if (command === 'build') step(logger);
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        outDir = fileURLToPath(config.outDir);
      },
      // Astro empties dist/ before it bundles, then calls this hook: the files go in while it bundles.
      'astro:build:setup': ({ logger }) => {
        void step(logger)
          .place(outDir)
          .catch(() => {});
      },
      'astro:server:setup': async ({ server, logger }) => {
        // Also run by the Vite server of `astro build`'s content sync when NODE_ENV is not
        // "production" (tests): the thread must then still place the files afterwards.
        const result = await step(logger).generated;
        const files = new Map(result.siteFiles.map((file) => [file.path, file.from]));
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
          const from = path.startsWith(server.config.base)
            ? files.get(path.slice(server.config.base.length))
            : undefined;
          if (!from || !existsSync(from)) return next();
          res.writeHead(200, {
            'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
            'Content-Length': statSync(from).size,
          });
          createReadStream(from).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        if (resolve(fileURLToPath(dir)) !== resolve(outDir))
          throw new Error(`print files: placed in ${outDir}, but the site is in ${dir}`);
        const running = step(logger);
        const result = await running.generated;
        const placed = await running.place(outDir);
        logger.info(`placed ${placed.count} print files and fonts in ${outDir} in ${placed.seconds.toFixed(1)} s`);
        // Placed before Astro rendered the pages: had it emptied dist/ since (another Astro),
        // the first and the last file placed would be gone.
        const missing = [result.siteFiles[0], result.siteFiles.at(-1)].filter(
          (file) => file && !existsSync(join(outDir, file.path)),
        );
        if (missing.length) throw new Error(`print files: ${missing[0]!.path} is missing from ${outDir}`);
        // The customiser's engine and fonts, asked for as soon as its page's head is read.
        const preloaded = await addCustomiserPreloads(outDir, base, builtPages(assets));
        logger.info(`customiser preload hints in ${preloaded.join(', ') || 'no page'}`);
        await writeFile(
          join(cacheDir, LAST_RUN_FILE),
          JSON.stringify(
            {
              ...result.stats,
              generationSeconds: result.seconds,
              copySeconds: placed.seconds,
              printStepSeconds: result.seconds + placed.seconds,
            },
            null,
            1,
          ),
        );
      },
    },
  };
}
