/**
 * Colour schemes of the posters and banners.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Every colour is given twice: as sRGB hex for screens (SVG, PNG, WebP) and as CMYK
 * for print (PDF), because print shops convert RGB automatically and it comes out
 * duller. No standard publishes these values (see /work/shared/PRINT.md): they were
 * chosen for a contrast of at least 4.5:1 between text and background, which a unit
 * test checks on the hex values.
 */

import { findById, getById } from './by-id.ts';

/** A colour as CMYK percentages (0–100 each): cyan, magenta, yellow, black. */
export type Cmyk = readonly [c: number, m: number, y: number, k: number];

export interface SchemeColour {
  /** sRGB, `#rrggbb`, lower case. */
  readonly hex: string;
  /** Process colour for print, percentages 0–100. */
  readonly cmyk: Cmyk;
}

export interface ColourScheme {
  /** Identifier used in file names (`<slug>_<format>_<id>.pdf`): ASCII. */
  readonly id: string;
  /** Name shown to readers (Vietnamese). */
  readonly label: string;
  /** Page background (fills the bleed). */
  readonly background: SchemeColour;
  /** Text, frame and the footer band. */
  readonly text: SchemeColour;
}

/** Every scheme, in the order lists show them. */
export const SCHEMES: readonly ColourScheme[] = Object.freeze([
  {
    id: 'cam',
    label: 'Nền cam, chữ trắng',
    // The Action Month's orange, dark enough for white text (5.2:1).
    background: { hex: '#c2410c', cmyk: [0, 70, 100, 20] },
    text: { hex: '#ffffff', cmyk: [0, 0, 0, 0] },
  },
  {
    id: 'do',
    label: 'Nền đỏ, chữ vàng',
    // The classic slogan banner: red with yellow letters (5.1:1).
    background: { hex: '#c0121b', cmyk: [0, 100, 100, 15] },
    text: { hex: '#ffeb00', cmyk: [0, 8, 100, 0] },
  },
] satisfies ColourScheme[]);

/** The scheme with this id, or `undefined`. */
export function findScheme(id: string): ColourScheme | undefined {
  return findById(SCHEMES, id);
}

/** The scheme with this id; throws on an unknown id (a programming error, not user input). */
export function getScheme(id: string): ColourScheme {
  return getById(SCHEMES, id, 'colour scheme');
}

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: "${hex}"`);
  const channel = (pair: string | undefined): number => {
    const value = parseInt(pair ?? '0', 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
