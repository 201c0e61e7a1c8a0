/**
 * Scene → PDF/X-1a:2003 (pdf-lib, `pdfx.ts`): vector, text as outlines, colours in
 * CMYK, TrimBox and BleedBox set, optional crop marks, fixed metadata so the same
 * scene gives the same bytes.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import { zlibSync } from 'fflate';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import type { OutlineCommand } from './font.ts';
import { DEFAULT_OUTPUT_CONDITION, getOutputCondition, type OutputCondition } from './output-conditions.ts';
import { memoByObject } from '../memo.ts';
import { outlineInFontUnits, pathData } from './path.ts';
import { applyPdfx, withPdfxHeader } from './pdfx.ts';
import type { PathCommand, Scene } from './scene.ts';
import type { SchemeColour } from './schemes.ts';

/** PDF points per scene unit: mm for print scenes, CSS px (1/96 in) for screen scenes. */
const POINTS_PER_UNIT = { mm: 72 / 25.4, px: 0.75 } as const;

/** Crop marks: gap between the bleed edge and a mark, mark length, room left around them (mm). */
export const CROP_MARK_OFFSET_MM = 1;
export const CROP_MARK_LENGTH_MM = 5;
/** What crop marks add on every side of the page, beyond the bleed (mm). */
export const CROP_MARK_MARGIN_MM = 8;
/** Crop mark line width, points. */
const CROP_MARK_WIDTH_PT = 0.25;

export interface PdfOptions {
  /** Add crop marks outside the bleed; the page grows by `CROP_MARK_MARGIN_MM` on every side. */
  readonly cropMarks?: boolean | undefined;
  /** Document title; default: the slogan. */
  readonly title?: string | undefined;
  /** Author (the issuing unit), if any. */
  readonly author?: string | undefined;
  /** Subject; default none. */
  readonly subject?: string | undefined;
  /** Creator application name shown in document properties: the campaign's `publishing.fileCreator`. */
  readonly creator: string;
  /**
   * CreationDate and ModDate: the campaign's `publishing.fileDate`, never "now", so the
   * same input gives the same bytes.
   */
  readonly date: Date;
  /** The printing condition the OutputIntent names: one of `OUTPUT_CONDITIONS` or its id. Default Japan Color 2001 Coated. */
  readonly outputCondition?: OutputCondition | string | undefined;
}

const PRODUCER = 'pdf-lib 1.17.1';

/** A number for a content stream: at most `digits` decimals, no exponent, no "-0". */
const fmt = (value: number, digits = 3): string => {
  const factor = 10 ** digits;
  const r = Math.round(value * factor) / factor;
  return String(Object.is(r, -0) ? 0 : r);
};

/** `c m y k k` (fill) or `… K` (stroke) for a CMYK colour given in percent. */
const cmykOperator = (colour: SchemeColour | readonly [number, number, number, number], stroke = false): string => {
  const values = 'cmyk' in colour ? colour.cmyk : colour;
  return `${values.map((v) => fmt(v / 100, 4)).join(' ')} ${stroke ? 'K' : 'k'}`;
};

/**
 * PDF path construction operators for a scene path, in scene units (the caller
 * sets the matrix).
 *
 * Not pdf-lib's `drawSvgPath`: pdf-lib 1.17.1 turns an SVG `Q` into the PDF `v`
 * operator (a cubic whose first control point is the current point), which is not
 * the same curve, so TrueType glyph outlines came out subtly deformed. A quadratic
 * is raised to the exact cubic here instead. Writing the operators as text also
 * keeps the numbers short and is several times faster than pdf-lib operator objects.
 * `controlDigits`: decimals of a raised quadratic's control points.
 */
export function pathContent(path: readonly PathCommand[], controlDigits = 2): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  for (const command of path) {
    switch (command.op) {
      case 'M':
        x = startX = command.x;
        y = startY = command.y;
        out.push(`${fmt(x)} ${fmt(y)} m`);
        break;
      case 'L':
        x = command.x;
        y = command.y;
        out.push(`${fmt(x)} ${fmt(y)} l`);
        break;
      case 'Q': {
        const { x1: qx, y1: qy, x: ex, y: ey } = command;
        const c1x = x + (2 / 3) * (qx - x);
        const c1y = y + (2 / 3) * (qy - y);
        const c2x = ex + (2 / 3) * (qx - ex);
        const c2y = ey + (2 / 3) * (qy - ey);
        out.push(
          `${fmt(c1x, controlDigits)} ${fmt(c1y, controlDigits)} ${fmt(c2x, controlDigits)} ${fmt(c2y, controlDigits)} ${fmt(ex)} ${fmt(ey)} c`,
        );
        x = ex;
        y = ey;
        break;
      }
      case 'C':
        out.push(
          `${[command.x1, command.y1, command.x2, command.y2, command.x, command.y].map((v) => fmt(v)).join(' ')} c`,
        );
        x = command.x;
        y = command.y;
        break;
      case 'Z':
        out.push('h');
        x = startX;
        y = startY;
        break;
    }
  }
  return out.join('\n');
}

/**
 * zlib level of the content stream (fflate, which runs in the browser too): level 3 is about
 * 2 % larger than 6 on these streams (repeated glyphs are long exact matches) and faster;
 * pdf-lib's own `flateStream` (pako) took three times as long.
 */
const DEFLATE_LEVEL = 3;
const encoder = new TextEncoder();
const deflate = (text: string): Uint8Array => zlibSync(encoder.encode(text), { level: DEFLATE_LEVEL });

/**
 * A glyph's operators (font units, y up), written once per outline (per font and glyph),
 * filled. Control points at 0.1 unit: under 0.02 mm on the largest banner.
 */
const glyphText = memoByObject((outline: readonly OutlineCommand[]): string =>
  [pathContent(outlineInFontUnits(outline), 1), 'f'].filter(Boolean).join('\n'),
);

/** Absolute path data of a path, computed once per path (a scene's PDFs share their items). */
const cachedPathData = memoByObject(pathData);

/**
 * 16 bytes of a 32-bit FNV-1a run four times with different seeds: a stable document ID.
 * The four runs go through the text together, in one pass (the text is the whole scene).
 */
function documentId(text: string): string {
  let h0 = 0x811c9dc5 >>> 0;
  let h1 = 0x01000193 >>> 0;
  let h2 = 0x9e3779b9 >>> 0;
  let h3 = 0x85ebca6b >>> 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h0 = Math.imul(h0 ^ c, 0x01000193) >>> 0;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
    h3 = Math.imul(h3 ^ c, 0x01000193) >>> 0;
  }
  return [h0, h1, h2, h3]
    .map((h) => h.toString(16).padStart(8, '0'))
    .join('')
    .toUpperCase();
}

/**
 * The scene as the document ID hashes it: every path as absolute SVG path data
 * (`pathData`), the form scenes carried paths in before they held commands, so a
 * scene keeps the ID (and its PDF the bytes) it had then.
 */
function identityOf(scene: Scene): unknown {
  return {
    ...scene,
    items: scene.items.map((item) =>
      item.type === 'path'
        ? {
            type: item.type,
            role: item.role,
            d: cachedPathData(item.path),
            fill: item.fill,
            ...(item.grid && { grid: item.grid }),
          }
        : item,
    ),
  };
}

/** Render a scene as a one-page PDF. Same scene and options, same bytes (Node and browser). */
export async function renderPdf(scene: Scene, options: PdfOptions): Promise<Uint8Array> {
  const s = POINTS_PER_UNIT[scene.unit];
  const marks = options.cropMarks === true && scene.unit === 'mm' && scene.bleed > 0;
  const margin = marks ? CROP_MARK_MARGIN_MM * s : 0;
  const pageWidth = scene.width * s + 2 * margin;
  const pageHeight = scene.height * s + 2 * margin;

  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([pageWidth, pageHeight]);
  // Scene (x, y down, origin top-left of the bleed box) → PDF points (y up).
  const px = (x: number): number => margin + x * s;
  const py = (y: number): number => pageHeight - margin - y * s;

  const content: string[] = [];
  for (const item of scene.items) {
    if (item.type === 'rect') {
      content.push(
        'q',
        cmykOperator(item.fill),
        `${fmt(px(item.x))} ${fmt(py(item.y + item.height))} ${fmt(item.width * s)} ${fmt(item.height * s)} re`,
        'f',
        'Q',
      );
    } else if (item.glyphs?.length) {
      // Text: every glyph in its own units (y up), placed by a matrix, so that the same glyph
      // is the same text wherever it occurs: written once per run, and deflate finds the repeats.
      content.push(
        'q',
        `${fmt(s, 9)} 0 0 ${fmt(-s, 9)} ${fmt(margin)} ${fmt(pageHeight - margin)} cm`,
        cmykOperator(item.fill),
        ...item.glyphs.map(
          (glyph) =>
            `q ${fmt(glyph.scale, 7)} 0 0 ${fmt(-glyph.scale, 7)} ${fmt(glyph.x)} ${fmt(glyph.y)} cm\n${glyphText(glyph.outline)}\nQ`,
        ),
        'Q',
      );
    } else {
      content.push(
        'q',
        // Scene units, y down → points, y up.
        `${fmt(s, 9)} 0 0 ${fmt(-s, 9)} ${fmt(margin)} ${fmt(pageHeight - margin)} cm`,
        // A path on a grid (the QR code): whole cells → scene units.
        ...(item.grid
          ? [`${fmt(item.grid.size, 9)} 0 0 ${fmt(item.grid.size, 9)} ${fmt(item.grid.x)} ${fmt(item.grid.y)} cm`]
          : []),
        cmykOperator(item.fill),
        pathContent(item.path),
        'f',
        'Q',
      );
    }
  }

  if (marks) {
    const left = px(scene.trim.x);
    const right = px(scene.trim.x + scene.trim.width);
    const top = py(scene.trim.y);
    const bottom = py(scene.trim.y + scene.trim.height);
    const near = (scene.bleed + CROP_MARK_OFFSET_MM) * s;
    const far = near + CROP_MARK_LENGTH_MM * s;
    const line = (x1: number, y1: number, x2: number, y2: number): string =>
      `${fmt(x1)} ${fmt(y1)} m ${fmt(x2)} ${fmt(y2)} l`;
    // Registration colour (all four inks), so the marks show on every plate.
    content.push('q', `${CROP_MARK_WIDTH_PT} w`, cmykOperator([100, 100, 100, 100], true));
    for (const x of [left, right]) {
      content.push(line(x, top + near, x, top + far), line(x, bottom - near, x, bottom - far));
    }
    for (const y of [top, bottom]) {
      content.push(line(left - near, y, left - far, y), line(right + near, y, right + far, y));
    }
    content.push('S', 'Q');
  }

  const stream = doc.context.stream(deflate(`${content.join('\n')}\n`), { Filter: 'FlateDecode' });
  page.node.addContentStream(doc.context.register(stream));
  page.setBleedBox(px(0), py(scene.height), scene.width * s, scene.height * s);
  page.setTrimBox(px(scene.trim.x), py(scene.trim.y + scene.trim.height), scene.trim.width * s, scene.trim.height * s);

  const { date } = options;
  const condition =
    typeof options.outputCondition === 'string'
      ? getOutputCondition(options.outputCondition)
      : (options.outputCondition ?? DEFAULT_OUTPUT_CONDITION);
  const title = options.title ?? scene.title;
  doc.setTitle(title, { showInWindowTitleBar: true });
  if (options.author) doc.setAuthor(options.author);
  if (options.subject) doc.setSubject(options.subject);
  doc.setLanguage('vi');
  doc.setCreator(options.creator);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = documentId(
    JSON.stringify({
      scene: identityOf(scene),
      marks,
      title: options.title,
      author: options.author,
      subject: options.subject,
      date: date.toISOString(),
      condition: condition.id,
    }),
  );
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  applyPdfx(doc, { ...options, title, producer: PRODUCER, id, condition });

  return withPdfxHeader(await doc.save({ useObjectStreams: false }));
}
