/**
 * Print and image formats, declared as data.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * To add a size, add an entry to `FORMATS`: the layout derives everything it needs
 * (margins, bands, type sizes) from the trim size, so no other code has to change.
 * Print formats are in millimetres and get a 3 mm bleed; social images are in pixels
 * and have none.
 */

import { findById, getById } from './by-id.ts';

/** Bleed added on every side of a print format, in mm. */
export const BLEED_MM = 3;

/** A PDF page side may not exceed 200 inches (14,400 pt); poppler ignores `UserUnit`. */
export const PDF_MAX_SIDE_MM = 200 * 25.4;

/** What a format is for; used to group formats in lists. */
export type FormatKind = 'poster' | 'banner' | 'social';

/** Unit of every length in a format and in the scenes laid out for it. */
export type FormatUnit = 'mm' | 'px';

export interface PrintFormat {
  /** Identifier used in file names and URLs (`<slug>_<id>_<scheme>.pdf`): ASCII, kebab-case. */
  readonly id: string;
  /** What the format is for. */
  readonly kind: FormatKind;
  /** Name shown to readers (Vietnamese). */
  readonly label: string;
  /** Finished (trim) width, in `unit`. */
  readonly width: number;
  /** Finished (trim) height, in `unit`. */
  readonly height: number;
  /** `mm` for print formats, `px` for screen images. */
  readonly unit: FormatUnit;
  /** Bleed on every side, in `unit`: 3 mm for print formats, 0 for screen images. */
  readonly bleed: number;
}

const poster = (id: string, label: string, width: number, height: number): PrintFormat => ({
  id,
  kind: 'poster',
  label,
  width,
  height,
  unit: 'mm',
  bleed: BLEED_MM,
});

const banner = (id: string, label: string, width: number, height: number): PrintFormat => ({
  id,
  kind: 'banner',
  label,
  width,
  height,
  unit: 'mm',
  bleed: BLEED_MM,
});

const social = (id: string, label: string, width: number, height: number): PrintFormat => ({
  id,
  kind: 'social',
  label,
  width,
  height,
  unit: 'px',
  bleed: 0,
});

/** Every format, in the order lists show them. */
export const FORMATS: readonly PrintFormat[] = Object.freeze([
  poster('a4', 'Áp phích A4 (210 × 297 mm)', 210, 297),
  poster('a3', 'Áp phích A3 (297 × 420 mm)', 297, 420),
  poster('a2', 'Áp phích A2 (420 × 594 mm)', 420, 594),
  poster('a1', 'Áp phích A1 (594 × 841 mm)', 594, 841),
  poster('a0', 'Áp phích A0 (841 × 1189 mm)', 841, 1189),
  banner('bang-ron-3x1', 'Băng rôn 3 × 1 m', 3000, 1000),
  banner('bang-ron-4x0-8', 'Băng rôn 4 × 0,8 m', 4000, 800),
  banner('bang-ron-5x0-8', 'Băng rôn 5 × 0,8 m', 5000, 800),
  banner('bang-ron-5x1-5', 'Băng rôn 5 × 1,5 m', 5000, 1500),
  social('vuong-1080', 'Ảnh vuông mạng xã hội (1080 × 1080 px)', 1080, 1080),
  social('og-1200x630', 'Ảnh chia sẻ liên kết (1200 × 630 px)', 1200, 630),
]);

/** The format with this id, or `undefined`. */
export function findFormat(id: string): PrintFormat | undefined {
  return findById(FORMATS, id);
}

/** The format with this id; throws on an unknown id (a programming error, not user input). */
export function getFormat(id: string): PrintFormat {
  return getById(FORMATS, id, 'print format');
}

/** Whether the format is printed (millimetres, bleed, PDF with boxes) rather than a screen image. */
export function isPrintFormat(format: PrintFormat): boolean {
  return format.unit === 'mm';
}

/**
 * File name of a generated print file: `<slug>_<format>_<scheme>.<ext>`. Here rather
 * than in `index.ts` so that browser code can name files without loading pdf-lib.
 */
export function printFileName(slug: string, formatId: string, schemeId: string, extension: string): string {
  return `${slug}_${formatId}_${schemeId}.${extension.replace(/^\./, '')}`;
}
