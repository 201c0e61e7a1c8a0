/**
 * Node-only: the print step of a build, run in a worker thread that `print-files.ts`
 * starts as soon as Astro reads the config (`print-step-worker.mjs` is the thread's entry).
 *
 * Why a thread: the print step (loading the engine, pdf-lib, fontkit and sharp; checking
 * about 2,000 cached files, the ZIP bundles and the manifest; placing the files into
 * `dist/`) took about 1 s of a clean build's main thread, one after the other with Astro's
 * own work. In a thread it runs beside Astro's content sync and bundling, and the pages
 * only wait for the manifest (README "Build", where the time goes).
 *
 * The thread gets the content it needs (`PrintStepInput`, already read and checked by the
 * content-check integration) and answers with `PrintStepMessage`s: the files once made or
 * found in the cache, then, when asked with the output folder, once they are placed there.
 * Any error ends the thread; `print-files.ts` fails the build with it.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { constants, copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PrintManifest } from '../../shared/print-files/manifest.ts';
import { PRINT_FONTS } from '../../shared/print-files/manifest.ts';
import type { FooterHelpLine } from '../../shared/print-texts.ts';
import { posterFooterFrom, posterHeading, posterLink } from '../../shared/print-texts.ts';
import { toUpperVietnamese } from '../../shared/print/text.ts';
import { basePath, siteUrl } from '../config.ts';
import { generatePrintFiles, type FilePublishing, type PrintSlogan, type SiteFile } from '../print-files/generate.ts';
import { customiserFontModels } from '../print/customiser-fonts.ts';
import { fontPackageDir } from '../fonts/font-package.ts';

/** What the thread is given: the parts of the checked content the print files set. */
export interface PrintStepInput {
  readonly root: string;
  readonly cacheDir: string;
  readonly slogans: readonly PrintSlogan[];
  readonly campaign: { readonly actionMonth: string; readonly theme?: string; readonly publishing: FilePublishing };
  readonly helpLines: readonly FooterHelpLine[];
}

/** The print files and the customiser's fonts, made or found in the cache. */
export interface PrintStepResult {
  readonly manifest: PrintManifest;
  /** Every file to place in the site (print files, bundles, manifest, checksums, fonts): site path → file. */
  readonly siteFiles: readonly SiteFile[];
  readonly stats: { rendered: number; reused: number; bundlesBuilt: number; bundlesReused: number };
  readonly seconds: number;
}

export interface Placed {
  readonly count: number;
  readonly seconds: number;
}

/** From the thread. */
export type PrintStepMessage =
  | { readonly type: 'log'; readonly message: string }
  | { readonly type: 'generated'; readonly result: PrintStepResult }
  | { readonly type: 'placed'; readonly placed: Placed };

/** To the thread: place the files into `outDir`, then end. */
export type PrintStepRequest = { readonly type: 'place'; readonly outDir: string };

/** Makes (or reuses) the print files and the customiser's fonts. */
export async function generateStep(input: PrintStepInput, log: (message: string) => void): Promise<PrintStepResult> {
  const started = performance.now();
  const { campaign, slogans, helpLines } = input;
  const heading = posterHeading(campaign);
  const footer = posterFooterFrom(helpLines);
  log('generating print files (cached by input; the first run takes a while)…');
  const generated = generatePrintFiles({
    root: input.root,
    cacheDir: input.cacheDir,
    source: {
      slogans,
      heading,
      theme: campaign.theme,
      footer,
      publishing: campaign.publishing,
      link: posterLink(siteUrl, basePath),
    },
  });
  // The customiser's fonts keep every character the content sets on a design: the slogans
  // in capitals as the display font sets them, and the rest in the text font. Made beside the
  // print files (their rasters run in sharp's own threads meanwhile), not after them.
  const models = customiserFontModels(input.cacheDir, {
    display: slogans.map((slogan) => toUpperVietnamese(slogan.text)).join(''),
    text: [...slogans.map((slogan) => slogan.text), heading, campaign.theme, footer].join(''),
  });
  const [result, fonts] = await Promise.all([generated, models]);
  const { rendered, reused, bundlesBuilt, bundlesReused } = result.stats;
  return {
    manifest: result.manifest,
    siteFiles: [
      ...result.siteFiles,
      { path: PRINT_FONTS.display, from: fonts.display },
      { path: PRINT_FONTS.text, from: fonts.text },
      { path: PRINT_FONTS.licence, from: join(fontPackageDir(), 'LICENSE_FONT') },
    ],
    stats: { rendered, reused, bundlesBuilt, bundlesReused },
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Places each file at its site path under `outDir`: a hard link to the cached file where
 * the file system allows it (no bytes copied: about 80 MB of print files took most of a
 * second to copy), a copy elsewhere (another file system, or one without hard links), and
 * always a copy for files from outside the cache (the font licence in node_modules/).
 *
 * The cache never writes a file in place (`writeAtomic` renames), so a link in `dist/`
 * keeps the bytes it was given; a change made to it in `dist/` is seen by the cache
 * (`PrintCache.has`) and the file is made again. Synchronous: it runs in the print step's
 * own thread, where nothing else waits.
 */
export function placeFiles(files: readonly SiteFile[], outDir: string, cacheDir: string): Placed {
  const started = performance.now();
  const made = new Set<string>();
  let canLink = true;
  for (const file of files) {
    const target = join(outDir, file.path);
    const dir = dirname(target);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    if (canLink && file.from.startsWith(cacheDir)) {
      try {
        linkSync(file.from, target);
        continue;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          // A build into a folder that was not emptied: the file is replaced, not written into.
          rmSync(target, { force: true });
          linkSync(file.from, target);
          continue;
        }
        // EXDEV (another file system), EPERM or ENOTSUP (no hard links): copy from now on.
        canLink = false;
      }
    }
    rmSync(target, { force: true });
    copyFileSync(file.from, target, constants.COPYFILE_FICLONE);
  }
  return { count: files.length, seconds: (performance.now() - started) / 1000 };
}

/** The thread's work: generate, answer, then place when asked. */
async function run(port: MessagePort, input: PrintStepInput): Promise<void> {
  const post = (message: PrintStepMessage) => port.postMessage(message);
  const result = await generateStep(input, (message) => post({ type: 'log', message }));
  post({ type: 'generated', result });
  // Then waits to be asked to place them (never, in `astro dev`: the idle thread does not keep
  // the process alive there, `print-files.ts`).
  port.on('message', (request: PrintStepRequest) => {
    post({ type: 'placed', placed: placeFiles(result.siteFiles, request.outDir, input.cacheDir) });
    port.close();
  });
}

if (parentPort && (workerData as { printStep?: PrintStepInput } | undefined)?.printStep) {
  await run(parentPort, (workerData as { printStep: PrintStepInput }).printStep);
}
