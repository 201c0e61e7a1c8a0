/**
 * The layout: slogan + format + colour scheme → a `Scene` of plain data.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Text is measured by the real bounds of the glyph outlines (stacked Vietnamese
 * marks reach above the font's ascent and below the baseline), broken only at
 * spaces and never inside a protected compound, in balanced lines, and set as
 * large as its region allows. Glyphs come out as outline paths, so renderers need
 * no font. The steps live beside this file: `geometry.ts` (the page's boxes),
 * `fit.ts` with `line-break.ts` and `shape.ts` (breaks and size of each text),
 * `path.ts` (outlines as scene paths), `proportions.ts` (every ratio).
 */

import type { LayoutFont } from './font.ts';
import { fitText, fitUnitLine, type FitOptions } from './fit.ts';
import { getFormat, isPrintFormat } from './formats.ts';
import { DEFAULT_FINISHING, hemOf } from './finishing.ts';
import { pageGeometry, placeBlock, type PlacedBlock } from './geometry.ts';
import { ringPath } from './path.ts';
import { PROPORTIONS, orientationOf } from './proportions.ts';
import { placeQr, qrModulesPath, qrTileColour, QR_DARK } from './qr.ts';
import type { Box, LayoutWarning, Scene, SceneInput, SceneItem, TextRole } from './scene.ts';
import { getScheme } from './schemes.ts';
import { missingChars } from './shape.ts';
import { cleanText, toUpperVietnamese } from './text.ts';

/** Most lines a block may take. */
const MAX_LINES: Record<TextRole, number> = { heading: 4, slogan: 9, unit: 2, footer: 2, link: 1, phone: 1 };

/** The text blocks in drawing order. */
const ROLE_ORDER: readonly TextRole[] = ['heading', 'slogan', 'unit', 'footer', 'link', 'phone'];

/** Fitting options of a role in `region`, at most `maxSize`. */
const fitOptions = (role: TextRole, region: Box, maxSize: number, minSize = 0): FitOptions => ({
  region,
  maxSize,
  minSize,
  maxLines: MAX_LINES[role],
  leading: PROPORTIONS.text.leading[role],
});

/** Every character of the texts that their font lacks, in code point order. */
function missingGlyphs(sets: readonly (readonly [string, LayoutFont])[]): string[] {
  return [...new Set(sets.flatMap(([text, font]) => missingChars(text, font)))].sort(
    (a, b) => (a.codePointAt(0) ?? 0) - (b.codePointAt(0) ?? 0),
  );
}

/**
 * Lay out one poster, banner or image. Never throws on text: problems (a unit line
 * too long, characters the font lacks, an empty slogan) come back in `warnings`.
 * Throws only on an unknown format or scheme id.
 */
export function layoutScene(input: SceneInput): Scene {
  const format = typeof input.format === 'string' ? getFormat(input.format) : input.format;
  const scheme = typeof input.scheme === 'string' ? getScheme(input.scheme) : input.scheme;
  const { display, text: textFont } = input.fonts;

  const slogan = cleanText(input.slogan);
  const sloganSet = input.uppercase === false ? slogan : toUpperVietnamese(slogan);
  const heading = cleanText(input.heading);
  const footer = cleanText(input.footer);
  const unitLine = cleanText(input.unitLine ?? '');
  // A QR code on what is printed; screen images get none.
  const link = input.link && isPrintFormat(format) ? input.link : undefined;
  const phoneLine = link ? cleanText(input.phoneLine ?? '') : '';

  const warnings: LayoutWarning[] = [];
  const missing = missingGlyphs([
    [sloganSet, display],
    [heading + footer + unitLine + phoneLine + (link?.label ?? ''), textFont],
  ]);
  if (missing.length) warnings.push({ code: 'missing-glyphs', chars: missing });

  const hem = hemOf(format, input.finishing ?? DEFAULT_FINISHING);
  const texts = { heading: !!heading, footer: !!footer, unitLine: !!unitLine };
  const page = pageGeometry(format, texts, hem);
  const orientation = orientationOf(format.width, format.height);
  // The code's column sits in the content area, so inside the live area like all text.
  const qr = link && placeQr(page, orientation, link, { phone: !!phoneLine });
  const regions = qr ? { ...page.regions, slogan: qr.slogan, unit: qr.unit } : page.regions;
  // The slogan first: the heading is then kept well below its size. Its capitals aim for
  // `sloganMinCap` of the trim height (banners), measured on the display font's "H".
  const capHeight = display.shape('H').ink.maxY / display.unitsPerEm;
  const minCap = PROPORTIONS.page.sloganMinCap[orientation] * format.height;
  const minSloganSize = capHeight > 0 ? minCap / capHeight : 0;
  const sloganFitted = fitText(sloganSet, display, fitOptions('slogan', regions.slogan, Infinity, minSloganSize));
  const items: SceneItem[] = [
    { type: 'rect', role: 'background', x: 0, y: 0, width: page.width, height: page.height, fill: scheme.background },
    { type: 'path', role: 'frame', path: ringPath(page.frame, page.frameWidth), fill: scheme.text },
  ];
  // Footer band: below the frame, inside the live area; text in the background colour.
  if (page.footerBand) items.push({ type: 'rect', role: 'footer-band', ...page.footerBand, fill: scheme.text });
  const placed: Partial<Record<TextRole, PlacedBlock>> = {};

  if (sloganFitted) placed.slogan = placeBlock('slogan', sloganFitted, display, regions.slogan);
  else warnings.push({ code: 'empty-slogan' });
  const sloganSize = sloganFitted?.size ?? Infinity;

  let headingSize = Infinity;
  if (regions.heading && page.rule) {
    const maxSize = Math.min(page.headingMaxSize, PROPORTIONS.text.headingToSlogan * sloganSize);
    const fitted = fitText(heading, textFont, fitOptions('heading', regions.heading, maxSize));
    if (fitted) {
      headingSize = fitted.size;
      placed.heading = placeBlock('heading', fitted, textFont, regions.heading);
      items.push({ type: 'rect', role: 'rule', ...page.rule, fill: scheme.text });
    }
  }

  if (regions.unit) {
    const options = fitOptions('unit', regions.unit, page.unitSize);
    const result = fitUnitLine(unitLine, textFont, options, page.unitMinSize);
    if (result) {
      placed.unit = placeBlock('unit', result.fitted, textFont, regions.unit);
      if (result.warning) warnings.push(result.warning);
    }
  }

  if (regions.footer) {
    // Smaller than the heading: the heading is never the smallest text.
    const maxSize = PROPORTIONS.text.footerToHeading * headingSize;
    const fitted = fitText(footer, textFont, fitOptions('footer', regions.footer, maxSize));
    if (fitted) placed.footer = placeBlock('footer', fitted, textFont, regions.footer);
  }

  if (qr && link) {
    items.push(
      { type: 'rect', role: 'qr-tile', ...qr.tile, fill: qrTileColour(scheme) },
      {
        type: 'path',
        role: 'qr',
        path: qrModulesPath(qr.symbol),
        grid: { x: qr.modules.x, y: qr.modules.y, size: qr.moduleSize },
        fill: QR_DARK,
      },
    );
    const label = fitText(cleanText(link.label), textFont, fitOptions('link', qr.label, qr.labelMaxSize));
    if (label) placed.link = placeBlock('link', label, textFont, qr.label);
    if (qr.phone) {
      const phone = fitText(phoneLine, textFont, fitOptions('phone', qr.phone, qr.phoneMaxSize));
      if (phone) placed.phone = placeBlock('phone', phone, textFont, qr.phone);
    }
  }

  const blocks = ROLE_ORDER.flatMap((role) => placed[role] ?? []);
  for (const { block, paths } of blocks) {
    const fill = block.role === 'footer' ? scheme.background : scheme.text;
    for (const path of paths) if (path.length) items.push({ type: 'path', role: block.role, path, fill });
  }

  return {
    formatId: format.id,
    schemeId: scheme.id,
    unit: format.unit,
    width: page.width,
    height: page.height,
    bleed: format.bleed,
    trim: page.trim,
    safe: page.safe,
    hem,
    live: page.live,
    ...(qr && link ? { qr: { tile: qr.tile, modules: qr.modules, moduleSize: qr.moduleSize, url: link.url } } : {}),
    title: slogan,
    items,
    blocks: blocks.map((p) => p.block),
    warnings,
  };
}
