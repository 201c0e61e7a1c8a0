/**
 * Step 2 of the print files, the part that makes them: the layout engine, pdf-lib, fontkit
 * and sharp. `render.ts` loads this module only when a file has to be made, so that a
 * rebuild with nothing changed does not load them (about half a second of CPU).
 *
 * NODE ONLY (node:fs, sharp).
 */

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
import type { ArtworkCapHeights, ArtworkLines, OutputSpec } from '../../shared/print-files/manifest.ts';
import { artworkHeading, presentedText } from '../../shared/presentation.ts';
import { pdfDate } from '../../shared/publishing.ts';
import { renderRaster } from '../print/render-raster.ts';
import { renderAvifPreview, renderWebpPreview } from './previews.ts';
import { outputConditionOf, type Design, type PrintSource } from './plan.ts';

export { loadPrintFonts } from '../print/load-fonts.ts';
export { rasterSize } from '../print/render-raster.ts';

/** Sets how many threads libvips uses for one image; returns the number before. */
export function setSharpConcurrency(threads: number): number {
  const before = sharp.concurrency();
  sharp.concurrency(threads);
  return before;
}

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

/** The bytes of one file of a laid-out design. */
export async function renderOutput(
  scene: Scene,
  spec: OutputSpec,
  source: PrintSource,
  design: Design,
): Promise<Uint8Array> {
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
