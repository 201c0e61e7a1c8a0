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
import { join } from 'node:path';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PRINT_FONTS } from '../../shared/print-files/manifest.ts';
import type { FooterHelpLine } from '../../shared/print-texts.ts';
import { posterFooterFrom, posterHeading, posterLink } from '../../shared/print-texts.ts';
import { toUpperVietnamese } from '../../shared/print/text.ts';
import { basePath, siteUrl } from '../config.ts';
import { generatePrintFiles, type FilePublishing, type PrintSlogan, type SiteFile } from '../print-files/generate.ts';
import { customiserFontModels } from '../print/customiser-fonts.ts';
import { fontPackageDir } from '../fonts/font-package.ts';
import { placeFiles, type Placed } from './place-files.ts';
import { saveStepRecord } from './print-step-record.ts';

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
  /**
   * How many files and ZIP bundles the manifest lists. Not the manifest itself (1.9 MB of
   * JSON): Astro's thread never needs it (pages read its file, `tai-lieu/manifest.json`), and
   * copying it to that thread and parsing it from the step's record cost about 10 ms of each
   * build.
   */
  readonly counts: { readonly files: number; readonly bundles: number };
  /** Every file to place in the site (print files, bundles, manifest, checksums, fonts): site path → file. */
  readonly siteFiles: readonly SiteFile[];
  readonly stats: { rendered: number; reused: number; bundlesBuilt: number; bundlesReused: number };
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
    counts: { files: result.manifest.files.length, bundles: result.manifest.bundles.length },
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

/** What the thread is started with: the input, and the key its result is recorded under (`print-step-record.ts`). */
export interface PrintStepData {
  readonly input: PrintStepInput;
  readonly key: string;
}

/** The thread's work: generate, answer, record, then place when asked. */
async function run(port: MessagePort, { input, key }: PrintStepData): Promise<void> {
  const post = (message: PrintStepMessage) => port.postMessage(message);
  const result = await generateStep(input, (message) => post({ type: 'log', message }));
  post({ type: 'generated', result });
  // Before any request is read (synchronous): the next unchanged build starts from it.
  saveStepRecord(input.cacheDir, key, result);
  // Then waits to be asked to place them (never, in `astro dev`: the idle thread does not keep
  // the process alive there, `print-files.ts`).
  port.on('message', (request: PrintStepRequest) => {
    void placeFiles(result.siteFiles, request.outDir, input.cacheDir).then(
      (placed) => {
        post({ type: 'placed', placed });
        port.close();
      },
      (error: unknown) => {
        // Ends the thread with the error: `print-files.ts` fails the build with it.
        throw error;
      },
    );
  });
}

if (parentPort && (workerData as { printStep?: PrintStepData } | undefined)?.printStep) {
  await run(parentPort, (workerData as { printStep: PrintStepData }).printStep);
}
