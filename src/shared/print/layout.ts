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
import { bannerGeometry } from './banner.ts';
import { fitText, fitUnitLine, shapeCandidates, type FitOptions, type FittedBlock } from './fit.ts';
import { getFormat, isPrintFormat } from './formats.ts';
import { DEFAULT_FINISHING, hemOf } from './finishing.ts';
import { pageGeometry, placeBlock, type PageGeometry, type PlacedBlock } from './geometry.ts';
import { ringPath } from './path.ts';
import { PROPORTIONS, orientationOf } from './proportions.ts';
import { placeQr, qrModulesPath, qrTileColour, QR_DARK, type QrPlacement } from './qr.ts';
import type { Box, LayoutWarning, Scene, SceneInput, SceneItem, TextRole } from './scene.ts';
import { getScheme } from './schemes.ts';
import { missingChars } from './shape.ts';
import { cleanText, toUpperVietnamese } from './text.ts';

/** Most lines a block may take. */
const MAX_LINES: Record<TextRole, number> = { heading: 4, slogan: 9, unit: 2, footer: 2, link: 1, phone: 1 };

/**
 * A banner's slogan tries every breaking whose widest line is at most this × the narrowest
 * possible (a poster's, the balanced breaks only): its size matters most.
 */
const BANNER_BREAK_TOLERANCE = 1.25;

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
  const orientation = orientationOf(format.width, format.height);
  // The slogan first: the heading is then kept well below its size. Its capitals aim for
  // `sloganMinCap` of the trim height (banners), measured on the display font's "H".
  const capHeight = display.shape('H').ink.maxY / display.unitsPerEm;
  const minCap = PROPORTIONS.page.sloganMinCap[orientation] * format.height;
  const minSloganSize = capHeight > 0 ? minCap / capHeight : 0;
  const texts = { heading: !!heading, footer: !!footer, unitLine: !!unitLine };
  const items: SceneItem[] = [];
  const placed: Partial<Record<TextRole, PlacedBlock>> = {};
  let qr: Omit<QrPlacement, 'slogan' | 'unit'> | undefined;
  let sloganFitted: FittedBlock | undefined;
  let page: Pick<PageGeometry, 'width' | 'height' | 'trim' | 'safe' | 'live' | 'rule' | 'regions'> &
    Pick<PageGeometry, 'headingMaxSize' | 'unitSize' | 'unitMinSize'>;
  /** The footer's text is set on a band of the text colour (posters) or straight on the background (banners). */
  let footerOnBand = false;

  if (format.kind === 'banner' && isPrintFormat(format)) {
    // Banners: no frame, the hem zone is the margin, rows that give way to the slogan.
    const b = format.bleed;
    const live: Box = { x: b + hem, y: b + hem, width: format.width - 2 * hem, height: format.height - 2 * hem };
    const options = { maxSize: Infinity, minSize: minSloganSize, maxLines: MAX_LINES.slogan };
    const candidates = shapeCandidates(
      sloganSet,
      display,
      MAX_LINES.slogan,
      PROPORTIONS.text.leading.slogan,
      BANNER_BREAK_TOLERANCE,
    );
    const banner = bannerGeometry(format, live, { ...texts, phone: !!phoneLine }, link, candidates, display, {
      ...options,
      leading: PROPORTIONS.text.leading.slogan,
    });
    qr = banner.qr;
    sloganFitted = banner.slogan;
    page = {
      width: format.width + 2 * b,
      height: format.height + 2 * b,
      trim: { x: b, y: b, width: format.width, height: format.height },
      safe: live,
      live,
      rule: undefined,
      regions: banner.regions,
      headingMaxSize: banner.headingMaxSize,
      unitSize: banner.unitSize,
      unitMinSize: PROPORTIONS.text.unitMinSize * banner.unitSize,
    };
    items.push({
      type: 'rect',
      role: 'background',
      x: 0,
      y: 0,
      width: page.width,
      height: page.height,
      fill: scheme.background,
    });
  } else {
    const poster = pageGeometry(format, texts, hem);
    // The code's column sits in the content area, so inside the live area like all text.
    const placement = link && placeQr(poster, orientation, link, { phone: !!phoneLine });
    page = placement
      ? { ...poster, regions: { ...poster.regions, slogan: placement.slogan, unit: placement.unit } }
      : poster;
    qr = placement;
    sloganFitted = fitText(sloganSet, display, fitOptions('slogan', page.regions.slogan, Infinity, minSloganSize));
    items.push(
      {
        type: 'rect',
        role: 'background',
        x: 0,
        y: 0,
        width: poster.width,
        height: poster.height,
        fill: scheme.background,
      },
      { type: 'path', role: 'frame', path: ringPath(poster.frame, poster.frameWidth), fill: scheme.text },
    );
    // Footer band: below the frame, inside the live area; text in the background colour.
    if (poster.footerBand) {
      items.push({ type: 'rect', role: 'footer-band', ...poster.footerBand, fill: scheme.text });
      footerOnBand = true;
    }
  }
  const regions = page.regions;

  if (sloganFitted) placed.slogan = placeBlock('slogan', sloganFitted, display, regions.slogan);
  else warnings.push({ code: 'empty-slogan' });
  const sloganSize = sloganFitted?.size ?? Infinity;

  let headingSize = Infinity;
  if (regions.heading) {
    const maxSize = Math.min(page.headingMaxSize, PROPORTIONS.text.headingToSlogan * sloganSize);
    const fitted = fitText(heading, textFont, fitOptions('heading', regions.heading, maxSize));
    if (fitted) {
      headingSize = fitted.size;
      placed.heading = placeBlock('heading', fitted, textFont, regions.heading);
      if (page.rule) items.push({ type: 'rect', role: 'rule', ...page.rule, fill: scheme.text });
    }
  }
  // Every other text stays smaller than the heading: the heading is never the smallest text.
  const belowHeading = PROPORTIONS.text.footerToHeading * headingSize;

  if (regions.unit) {
    const unitSize = Math.min(page.unitSize, belowHeading);
    const options = fitOptions('unit', regions.unit, unitSize);
    const result = fitUnitLine(unitLine, textFont, options, PROPORTIONS.text.unitMinSize * unitSize);
    if (result) {
      placed.unit = placeBlock('unit', result.fitted, textFont, regions.unit);
      if (result.warning) warnings.push(result.warning);
    }
  }

  if (regions.footer) {
    const fitted = fitText(footer, textFont, fitOptions('footer', regions.footer, belowHeading));
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
    const labelMax = Math.min(qr.labelMaxSize, belowHeading);
    const label = fitText(cleanText(link.label), textFont, fitOptions('link', qr.label, labelMax));
    if (label) placed.link = placeBlock('link', label, textFont, qr.label);
    if (qr.phone) {
      const phoneMax = Math.min(qr.phoneMaxSize, belowHeading);
      const phone = fitText(phoneLine, textFont, fitOptions('phone', qr.phone, phoneMax));
      if (phone) placed.phone = placeBlock('phone', phone, textFont, qr.phone);
    }
  }

  const blocks = ROLE_ORDER.flatMap((role) => placed[role] ?? []);
  for (const { block, paths, glyphs } of blocks) {
    const fill = block.role === 'footer' && footerOnBand ? scheme.background : scheme.text;
    paths.forEach((path, i) => {
      if (path.length) items.push({ type: 'path', role: block.role, path, glyphs: glyphs[i], fill });
    });
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
