/**
 * Step 2 of the print files: render what the plan says is not cached, with the
 * layout engine (`src/shared/print/`), into the cache. A design is laid out once,
 * and only if one of its files has to be made.
 *
 * NODE ONLY (node:fs, sharp).
 */

import { readFile } from 'node:fs/promises';
import pLimit from 'p-limit';
import sharp from 'sharp';
import {
  cleanText,
  layoutScene,
  renderPdf,
  renderSvg,
  type PrintFonts,
  type LayoutWarning,
  type Scene,
} from '../../shared/print/index.ts';
import { DEFAULT_FINISHING, withEyelets } from '../../shared/print/finishing.ts';
import type {
  ArtworkCapHeights,
  ArtworkLines,
  ManifestArtwork,
  OutputSpec,
} from '../../shared/print-files/manifest.ts';
import { artworkHeading, presentedText } from '../../shared/presentation.ts';
import { pdfDate } from '../../shared/publishing.ts';
import { loadPrintFonts } from '../print/load-fonts.ts';
import { rasterSize, renderRaster } from '../print/render-raster.ts';
import { writeAtomic, type IndexEntry, type PrintCache } from './cache.ts';
import { renderAvifPreview, renderWebpPreview } from './previews.ts';
import { outputConditionOf, type Design, type PlannedOutput, type PrintSource } from './plan.ts';

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

/** One layout warning in plain words, for the build's error. */
function describeWarning(warning: LayoutWarning): string {
  switch (warning.code) {
    case 'missing-glyphs':
      return `the font lacks ${warning.chars.map((c) => `"${c}" (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}`;
    case 'unit-line-too-long':
      return `the unit line overflows (cut to "${warning.shown}")`;
    case 'empty-slogan':
      return 'the slogan is empty';
  }
}

/**
 * Lays out a design for the build: any warning of the engine (a missing glyph, an overflow)
 * is an error naming the slogan and the format, since that file would ship broken.
 */
export function layoutForBuild(design: Design, source: PrintSource, fonts: PrintFonts): Scene {
  const { slogan, format, scheme } = design;
  const scene = layoutScene({
    slogan: presentedText(slogan.text),
    format,
    scheme,
    heading: artworkHeading(slogan.text, source.heading, source.theme ?? ''),
    footer: source.footer,
    unitLine: source.unitLine ?? '',
    link: source.link,
    finishing: source.publishing.finishing,
    fonts,
  });
  if (scene.warnings.length)
    throw new Error(
      `print file of slogan ${slogan.order} "${slogan.text}" (${slogan.id}) in format ${format.id}, scheme ${scheme.id}: ` +
        scene.warnings.map(describeWarning).join('; '),
    );
  return scene;
}

/** The lines of every text block of a scene, by role. */
export const linesOf = (scene: Scene): ArtworkLines =>
  Object.fromEntries(scene.blocks.map((block) => [block.role, block.lines.map((line) => line.text)]));

/**
 * The cap height of every block of a scene, by role: the type size times the height of
 * "H" in the block's font (the slogan's display font, the text font for the rest).
 */
export const capHeightsOf = (scene: Scene, fonts: PrintFonts): ArtworkCapHeights =>
  Object.fromEntries(
    scene.blocks.map((block) => {
      const font = block.role === 'slogan' ? fonts.display : fonts.text;
      const cap = (block.fontSize * font.shape('H').ink.maxY) / font.unitsPerEm;
      return [block.role, Math.round(cap * 100) / 100];
    }),
  );

/** What the manifest records of a design's layout, cached as JSON beside its files. */
type ArtworkLayout = Pick<ManifestArtwork, 'lines' | 'capHeights' | 'hem'>;

/** A design's lines and sizes: from the cache, or laid out now and cached. */
async function artworkOf(
  design: Design,
  sceneFor: () => Scene,
  cache: PrintCache,
  fonts: () => PrintFonts,
): Promise<ManifestArtwork> {
  const { layout } = design;
  let laid: ArtworkLayout;
  if (layout.cached) {
    laid = JSON.parse(await readFile(layout.from, 'utf8')) as ArtworkLayout;
    await cache.remember(layout.key, layout.from);
  } else {
    const scene = sceneFor();
    laid = { lines: linesOf(scene), capHeights: capHeightsOf(scene, fonts()), hem: scene.hem };
    const data = Buffer.from(JSON.stringify(laid), 'utf8');
    await writeAtomic(layout.from, data);
    await cache.remember(layout.key, layout.from, data);
  }
  return { sloganId: design.slogan.id, formatId: design.format.id, scheme: design.scheme.id, ...laid };
}

/** The bytes of one file of a laid-out design. */
async function renderOutput(scene: Scene, spec: OutputSpec, source: PrintSource, design: Design): Promise<Uint8Array> {
  const { slogan, format } = design;
  switch (spec.type) {
    case 'pdf':
      return renderPdf(
        spec.eyelets ? withEyelets(scene, format, source.publishing.finishing ?? DEFAULT_FINISHING) : scene,
        {
          cropMarks: spec.cropMarks,
          title: presentedText(slogan.text),
          subject: source.heading,
          author: cleanText(source.unitLine ?? '') || undefined,
          date: pdfDate(source.publishing),
          creator: source.publishing.fileCreator,
          outputCondition: outputConditionOf(source),
        },
      );
    case 'svg':
      return Buffer.from(renderSvg(scene, { area: spec.area }), 'utf8');
    case 'png':
      return renderRaster(scene, { format: 'png', dpi: spec.dpi, width: spec.width, area: spec.area, palette: true });
    case 'webp':
      return renderWebpPreview(scene, format, 75);
    case 'avif':
      return renderAvifPreview(scene, format, spec.width!);
  }
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
  // Fonts are parsed only when something has to be laid out: not on a rebuild with nothing changed.
  let loaded: PrintFonts | undefined;
  const fonts = (): PrintFonts => (loaded ??= loadPrintFonts());
  const limit = pLimit(concurrency);
  const jobs: Promise<RenderedOutput>[] = [];
  const artworks: ManifestArtwork[] = [];
  let rendered = 0;
  let reused = 0;

  const previousConcurrency = sharp.concurrency();
  sharp.concurrency(1);
  try {
    for (const [i, design] of designs.entries()) {
      const { slogan } = design;
      let scene: Scene | undefined;
      const sceneFor = (): Scene => (scene ??= layoutForBuild(design, source, fonts()));

      artworks.push(await artworkOf(design, sceneFor, cache, fonts));
      for (const output of design.outputs) {
        if (output.cached) {
          reused++;
          jobs.push(Promise.resolve({ design, output, entry: await cache.remember(output.key, output.from) }));
          continue;
        }
        const current = sceneFor();
        const make = async (): Promise<RenderedOutput> => {
          const { spec } = output;
          const data = await renderOutput(current, spec, source, design);
          await writeAtomic(output.from, data);
          const pixels = isRaster(spec)
            ? rasterSize(current, { dpi: spec.dpi, width: spec.width, area: spec.area })
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
    sharp.concurrency(previousConcurrency);
  }
}
