/**
 * Step 2 of the print files: render what the plan says is not cached, with the
 * layout engine (`src/shared/print/`), into the cache. A design is laid out once,
 * and only if one of its files has to be made; the engine, pdf-lib, fontkit and sharp
 * (`make.ts`) are loaded only then.
 *
 * NODE ONLY (node:fs).
 */

import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import type { PrintFonts, Scene } from '../../shared/print/index.ts';
import type { ManifestArtwork, OutputSpec } from '../../shared/print-files/manifest.ts';
import { writeAtomic, type IndexEntry, type PrintCache } from './cache.ts';
import type { Design, PlannedOutput, PrintSource } from './plan.ts';

/** The file-making half of this step (`make.ts`), loaded when first needed. */
type Maker = typeof import('./make.ts');

/** One planned file, made now or found in the cache. */
export interface RenderedOutput {
  readonly design: Design;
  readonly output: PlannedOutput;
  readonly entry: IndexEntry;
}

export interface RenderOptions {
  readonly source: PrintSource;
  readonly cache: PrintCache;
  /** Raster jobs run at once (each on one libvips thread). */
  readonly concurrency: number;
  readonly log: (message: string) => void;
}

export interface RenderResult {
  /** Every planned file, in plan order. */
  readonly outputs: readonly RenderedOutput[];
  /** Every design's artwork with its laid-out lines, in plan order. */
  readonly artworks: readonly ManifestArtwork[];
  readonly rendered: number;
  readonly reused: number;
}

const isRaster = (spec: OutputSpec): boolean => spec.type === 'png' || spec.type === 'webp' || spec.type === 'avif';

/** What the manifest records of a design's layout, cached as JSON beside its files. */
type ArtworkLayout = Pick<ManifestArtwork, 'lines' | 'capHeights' | 'hem'>;

/** A design's lines and sizes: from the cache, or laid out now and cached. */
async function artworkOf(
  design: Design,
  sceneFor: () => Scene,
  cache: PrintCache,
  fonts: () => PrintFonts,
  maker: () => Maker,
): Promise<ManifestArtwork> {
  const { layout } = design;
  let laid: ArtworkLayout;
  if (layout.cached) {
    laid = JSON.parse(await readFile(layout.from, 'utf8')) as ArtworkLayout;
    await cache.remember(layout.key, layout.from);
  } else {
    const scene = sceneFor();
    laid = { lines: maker().linesOf(scene), capHeights: maker().capHeightsOf(scene, fonts()), hem: scene.hem };
    const data = Buffer.from(JSON.stringify(laid), 'utf8');
    await writeAtomic(layout.from, data);
    await cache.remember(layout.key, layout.from, data);
  }
  return { sloganId: design.slogan.id, formatId: design.format.id, scheme: design.scheme.id, ...laid };
}

/**
 * Makes every file of `designs` that is not cached and records each in the cache's
 * index. Rasters go to libvips threads (a few at once, one thread each); vector files
 * are made here, in turn.
 */
export async function renderDesigns(
  designs: readonly Design[],
  { source, cache, concurrency, log }: RenderOptions,
): Promise<RenderResult> {
  // The engine is loaded, and the fonts parsed, only when something has to be made: not on a
  // rebuild with nothing changed.
  const needed = designs.some((design) => !design.layout.cached || design.outputs.some((output) => !output.cached));
  const loadedMaker = needed ? await import('./make.ts') : undefined;
  const maker = (): Maker => {
    if (!loadedMaker) throw new Error('print files: the engine was not loaded, yet a file has to be made');
    return loadedMaker;
  };
  let loaded: PrintFonts | undefined;
  const fonts = (): PrintFonts => (loaded ??= maker().loadPrintFonts());
  const limit = pLimit(concurrency);
  const jobs: Promise<RenderedOutput>[] = [];
  const artworks: ManifestArtwork[] = [];
  let rendered = 0;
  let reused = 0;

  const previousConcurrency = loadedMaker?.setSharpConcurrency(1);
  try {
    for (const [i, design] of designs.entries()) {
      const { slogan } = design;
      let scene: Scene | undefined;
      const sceneFor = (): Scene => (scene ??= maker().layoutForBuild(design, source, fonts()));

      artworks.push(await artworkOf(design, sceneFor, cache, fonts, maker));
      for (const output of design.outputs) {
        if (output.cached) {
          reused++;
          jobs.push(Promise.resolve({ design, output, entry: await cache.remember(output.key, output.from) }));
          continue;
        }
        const current = sceneFor();
        const make = async (): Promise<RenderedOutput> => {
          const { spec } = output;
          const data = await maker().renderOutput(current, spec, source, design);
          await writeAtomic(output.from, data);
          const pixels = isRaster(spec)
            ? maker().rasterSize(current, { dpi: spec.dpi, width: spec.width, area: spec.area })
            : undefined;
          const entry = await cache.remember(output.key, output.from, data, pixels);
          rendered++;
          return { design, output, entry };
        };
        if (isRaster(output.spec)) {
          const job = limit(make);
          // Awaited below with the rest; marked handled now so a failure while vector files
          // are still being made is reported there, not as an unhandled rejection.
          job.catch(() => {});
          jobs.push(job);
        } else {
          jobs.push(Promise.resolve(await make()));
        }
      }
      if (designs[i + 1]?.slogan !== slogan) log(`${slogan.order}/${source.slogans.length} ${slogan.id}`);
    }
    const outputs = await Promise.all(jobs);
    return { outputs, artworks, rendered, reused };
  } finally {
    if (previousConcurrency !== undefined) loadedMaker?.setSharpConcurrency(previousConcurrency);
  }
}
