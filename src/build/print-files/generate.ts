/**
 * Generates every print file (slogans × formats × colour schemes), the ZIP
 * bundles and `manifest.json`, into a cache folder keyed by a hash of each
 * file's inputs (`cache.ts`): an unchanged rebuild renders nothing.
 *
 * NODE ONLY (node:fs, node:crypto, sharp): called by `src/build/integrations/print-files.ts`
 * and the unit tests, never by client-side code.
 *
 * The steps, one module each: plan (`plan.ts`), render (`render.ts`), describe and
 * bundle (`write-manifest.ts`, `bundle.ts`), write the manifest, clean up the cache.
 */

// The engine's modules one by one, not its index (which loads pdf-lib): see render.ts.
import { FORMATS, type PrintFormat } from '../../shared/print/formats.ts';
import { SCHEMES, type ColourScheme } from '../../shared/print/schemes.ts';
import { MANIFEST_PATH, SUMS_PATH, type PrintManifest } from '../../shared/print-files/manifest.ts';
import { zipDate } from '../../shared/publishing.ts';
import { bundlePrintFiles } from './bundle.ts';
import { PrintCache } from './cache.ts';
import { generatorHash } from './generator-hash.ts';
import { inPlanOrder, outputConditionOf, planDesigns, type PrintSource, type SiteFile } from './plan.ts';
import { renderDesigns } from './render.ts';
import { buildManifest, describeFile, writeChecksums, writeManifest } from './write-manifest.ts';

export type { FilePublishing, PrintSlogan, PrintSource, SiteFile } from './plan.ts';

export interface GenerateOptions {
  /** Project root: the engine's sources under it are part of every cache key. */
  readonly root: string;
  readonly cacheDir: string;
  readonly source: PrintSource;
  /** Default: every format and scheme. */
  readonly formats?: readonly PrintFormat[] | undefined;
  readonly schemes?: readonly ColourScheme[] | undefined;
  /** Raster jobs run at once (each on one libvips thread). Default 2. */
  readonly concurrency?: number | undefined;
  readonly log?: ((message: string) => void) | undefined;
}

export interface GenerateResult {
  readonly manifest: PrintManifest;
  /** Every generated file and bundle, plus the manifest itself. */
  readonly siteFiles: readonly SiteFile[];
  /** `npm run bench` reads these (through `last-run.json`). */
  readonly stats: {
    readonly rendered: number;
    readonly reused: number;
    readonly bundlesBuilt: number;
    readonly bundlesReused: number;
    readonly seconds: number;
  };
}

/**
 * Make (or reuse from the cache) every file, then the bundles and the manifest.
 * Files are written once to the cache; `siteFiles` says where each belongs in the site.
 */
export async function generatePrintFiles(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const { source } = options;
  const formats = options.formats ?? FORMATS;
  const cache = await PrintCache.open(options.cacheDir);
  const generator = await generatorHash(options.root);

  const designs = planDesigns({ source, formats, schemes: options.schemes ?? SCHEMES, generator, cache });
  const { outputs, artworks, rendered, reused } = await renderDesigns(designs, {
    source,
    cache,
    concurrency: options.concurrency ?? 2,
    log: options.log ?? (() => {}),
  });
  const files = outputs.map(describeFile);
  const fileSites: SiteFile[] = outputs.map(({ output }) => ({ path: output.path, from: output.from }));

  const bundled = await bundlePrintFiles({
    slogans: inPlanOrder(source.slogans),
    formats,
    files,
    siteFiles: fileSites,
    cache,
    date: zipDate(source.publishing),
    condition: outputConditionOf(source),
    finishing: source.publishing.finishing,
  });

  const manifest = buildManifest({ source, generator, files, bundles: bundled.bundles, artworks });
  const manifestFile = await writeManifest(cache, manifest);
  const sumsFile = await writeChecksums(cache, manifest);
  await cache.saveIndex();
  const siteFiles = [
    ...fileSites,
    ...bundled.siteFiles,
    { path: MANIFEST_PATH, from: manifestFile },
    { path: SUMS_PATH, from: sumsFile },
  ];

  const layouts = designs.map((design) => design.layout.from);
  await cache.removeUnused(new Set([...siteFiles.map((entry) => entry.from), ...layouts]));

  return {
    manifest,
    siteFiles,
    stats: {
      rendered,
      reused,
      bundlesBuilt: bundled.built,
      bundlesReused: bundled.reused,
      seconds: (performance.now() - started) / 1000,
    },
  };
}
