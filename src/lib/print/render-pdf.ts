/**
 * Scene → PDF (pdf-lib): vector, text as outlines, colours in CMYK, TrimBox and
 * BleedBox set, optional crop marks, fixed metadata so the same scene gives the
 * same bytes.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 */

import {
  appendBezierCurve,
  closePath,
  cmyk,
  concatTransformationMatrix,
  fill,
  lineTo,
  moveTo,
  PDFDocument,
  PDFHexString,
  popGraphicsState,
  pushGraphicsState,
  setFillingCmykColor,
  type Color,
  type PDFOperator,
} from 'pdf-lib';
import type { Scene } from './layout';
import type { SchemeColour } from './schemes';

/** PDF points per scene unit: mm for print scenes, CSS px (1/96 in) for screen scenes. */
const POINTS_PER_UNIT = { mm: 72 / 25.4, px: 0.75 } as const;

/** Crop marks: gap between the bleed edge and a mark, mark length, room left around them (mm). */
export const CROP_MARK_OFFSET_MM = 1;
export const CROP_MARK_LENGTH_MM = 5;
/** What crop marks add on every side of the page, beyond the bleed (mm). */
export const CROP_MARK_MARGIN_MM = 8;
/** Crop mark line width, points. */
const CROP_MARK_WIDTH_PT = 0.25;

/** The fixed date written as CreationDate and ModDate (the first day of the Action Month 2020). */
export const FIXED_PDF_DATE = new Date('2020-11-15T00:00:00Z');

export interface PdfOptions {
  /** Add crop marks outside the bleed; the page grows by `CROP_MARK_MARGIN_MM` on every side. */
  readonly cropMarks?: boolean | undefined;
  /** Document title; default: the slogan. */
  readonly title?: string | undefined;
  /** Author (the issuing unit), if any. */
  readonly author?: string | undefined;
  /** Subject; default none. */
  readonly subject?: string | undefined;
  /** Creator application name shown in document properties. */
  readonly creator?: string | undefined;
  /** CreationDate and ModDate; default `FIXED_PDF_DATE` (never "now", so bytes stay stable). */
  readonly date?: Date | undefined;
}

const DEFAULT_CREATOR = 'Công cụ in khẩu hiệu – Tháng hành động vì bình đẳng giới năm 2020';
const PRODUCER = 'pdf-lib 1.17.1';

const toPdfColour = (colour: SchemeColour): Color => {
  const [c, m, y, k] = colour.cmyk;
  return cmyk(c / 100, m / 100, y / 100, k / 100);
};

/** Scene paths carry 0.01-unit precision (0.01 mm); control points keep the same. */
const round2 = (value: number): number => {
  const r = Math.round(value * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};

/**
 * PDF path operators for the scene's path data (absolute M, L, Q, C, Z).
 *
 * Not pdf-lib's `drawSvgPath`: pdf-lib 1.17.1 turns an SVG `Q` into the PDF `v`
 * operator (a cubic whose first control point is the current point), which is not
 * the same curve, so TrueType glyph outlines came out subtly deformed. A quadratic
 * is raised to the exact cubic here instead.
 */
export function pathOperators(d: string): PDFOperator[] {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const ops: PDFOperator[] = [];
  let i = 0;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  const next = (): number => {
    const token = tokens[i++];
    const value = token === undefined ? NaN : Number(token);
    if (!Number.isFinite(value)) throw new Error(`Bad path data near token ${i} of "${d.slice(0, 40)}…"`);
    return value;
  };
  while (i < tokens.length) {
    const command = tokens[i++];
    switch (command) {
      case 'M':
        x = startX = next();
        y = startY = next();
        ops.push(moveTo(x, y));
        break;
      case 'L':
        x = next();
        y = next();
        ops.push(lineTo(x, y));
        break;
      case 'Q': {
        const qx = next();
        const qy = next();
        const ex = next();
        const ey = next();
        ops.push(
          appendBezierCurve(
            round2(x + (2 / 3) * (qx - x)),
            round2(y + (2 / 3) * (qy - y)),
            round2(ex + (2 / 3) * (qx - ex)),
            round2(ey + (2 / 3) * (qy - ey)),
            ex,
            ey,
          ),
        );
        x = ex;
        y = ey;
        break;
      }
      case 'C': {
        const c = [next(), next(), next(), next(), next(), next()] as const;
        ops.push(appendBezierCurve(...c));
        x = c[4];
        y = c[5];
        break;
      }
      case 'Z':
        ops.push(closePath());
        x = startX;
        y = startY;
        break;
      default:
        throw new Error(`Unsupported path command "${command ?? ''}" (the scene uses absolute M, L, Q, C, Z)`);
    }
  }
  return ops;
}

/** 16 bytes of a 32-bit FNV-1a run four times with different seeds: a stable document ID. */
function documentId(text: string): string {
  let hex = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    hex += h.toString(16).padStart(8, '0');
  }
  return hex.toUpperCase();
}

/** Render a scene as a one-page PDF. Same scene and options, same bytes (Node and browser). */
export async function renderPdf(scene: Scene, options: PdfOptions = {}): Promise<Uint8Array> {
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

  for (const item of scene.items) {
    if (item.type === 'rect') {
      page.drawRectangle({
        x: px(item.x),
        y: py(item.y + item.height),
        width: item.width * s,
        height: item.height * s,
        color: toPdfColour(item.fill),
      });
    } else {
      const [c, m, y, k] = item.fill.cmyk;
      page.pushOperators(
        pushGraphicsState(),
        // Scene units, y down → points, y up.
        concatTransformationMatrix(s, 0, 0, -s, margin, pageHeight - margin),
        setFillingCmykColor(c / 100, m / 100, y / 100, k / 100),
        ...pathOperators(item.d),
        fill(),
        popGraphicsState(),
      );
    }
  }

  page.setBleedBox(px(0), py(scene.height), scene.width * s, scene.height * s);
  page.setTrimBox(px(scene.trim.x), py(scene.trim.y + scene.trim.height), scene.trim.width * s, scene.trim.height * s);

  if (marks) {
    const registration = cmyk(1, 1, 1, 1);
    const left = px(scene.trim.x);
    const right = px(scene.trim.x + scene.trim.width);
    const top = py(scene.trim.y);
    const bottom = py(scene.trim.y + scene.trim.height);
    const near = (scene.bleed + CROP_MARK_OFFSET_MM) * s;
    const far = near + CROP_MARK_LENGTH_MM * s;
    const line = (x1: number, y1: number, x2: number, y2: number): void =>
      page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: CROP_MARK_WIDTH_PT, color: registration });
    for (const x of [left, right]) {
      line(x, top + near, x, top + far);
      line(x, bottom - near, x, bottom - far);
    }
    for (const y of [top, bottom]) {
      line(left - near, y, left - far, y);
      line(right + near, y, right + far, y);
    }
  }

  const date = options.date ?? FIXED_PDF_DATE;
  doc.setTitle(options.title ?? scene.title, { showInWindowTitleBar: true });
  if (options.author) doc.setAuthor(options.author);
  if (options.subject) doc.setSubject(options.subject);
  doc.setLanguage('vi');
  doc.setCreator(options.creator ?? DEFAULT_CREATOR);
  doc.setProducer(PRODUCER);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = documentId(
    JSON.stringify({ scene, marks, title: options.title, author: options.author, subject: options.subject, date: date.toISOString() }),
  );
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);

  return doc.save({ useObjectStreams: false });
}
