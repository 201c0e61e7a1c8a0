/**
 * The scene: what `layoutScene()` takes and gives, as plain data. Renderers read
 * nothing else.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Coordinates are in the format's unit (mm for print, px for screen images), with
 * the origin at the top-left corner of the bleed box and y pointing down.
 */

import type { OutlineCommand } from './font.ts';
import type { PrintFinishing } from './finishing.ts';
import type { PrintFonts } from './font.ts';
import type { FormatUnit, PrintFormat } from './formats.ts';
import type { QrLink } from './qr.ts';
import type { ColourScheme, SchemeColour } from './schemes.ts';

/** A rectangle in scene units, y down. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * One command of a scene path: absolute, scene units, every coordinate already
 * rounded to 0.01. The letters and points are those of SVG path data: `M` move,
 * `L` line, `Q` quadratic curve (control point x1 y1; TrueType outlines are
 * quadratic), `C` cubic curve (control points x1 y1, x2 y2), `Z` close.
 */
export type PathCommand =
  | { readonly op: 'M' | 'L'; readonly x: number; readonly y: number }
  | { readonly op: 'Q'; readonly x1: number; readonly y1: number; readonly x: number; readonly y: number }
  | {
      readonly op: 'C';
      readonly x1: number;
      readonly y1: number;
      readonly x2: number;
      readonly y2: number;
      readonly x: number;
      readonly y: number;
    }
  | { readonly op: 'Z' };

/** Where a path drawn on a grid lies: the scene point of its origin and the side of one cell. */
export interface GridTransform {
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/**
 * One glyph of a text path, as its font outline placed in the scene: the point (gx, gy) of
 * the outline (font units, y up) lies at (x + gx × scale, y − gy × scale). The same glyph
 * has the same `key` and `outline` wherever it occurs, so a renderer may draw it once and
 * reuse it (the PDF's form XObjects); the item's `path` is the same drawing, rounded to 0.01.
 */
export interface GlyphPlacement {
  /** The font and the glyph, e.g. `BeVietnamPro-ExtraBold#42`. */
  readonly key: string;
  readonly outline: readonly OutlineCommand[];
  readonly x: number;
  readonly y: number;
  readonly scale: number;
}

/** Which part of the design a scene item or text block belongs to. */
export type TextRole = 'heading' | 'slogan' | 'unit' | 'footer' | 'link' | 'phone';

export type SceneItem =
  | {
      readonly type: 'rect';
      readonly role: 'background' | 'footer-band' | 'rule' | 'qr-tile';
      readonly x: number;
      readonly y: number;
      readonly width: number;
      readonly height: number;
      readonly fill: SchemeColour;
    }
  | {
      readonly type: 'path';
      /** `eyelet`: a finishing mark in the hem zone (`finishing.ts`), only in a banner's eyelet variant. */
      readonly role: 'frame' | 'qr' | 'eyelet' | TextRole;
      /** The outline, filled with the non-zero rule. */
      readonly path: readonly PathCommand[];
      /**
       * Present when the path is drawn on a grid (the QR code's modules): its coordinates
       * are then whole cells, and a point (gx, gy) lies at (x + gx × size, y + gy × size)
       * in the scene. Small whole numbers keep the files small (renderers apply it as a
       * transform: `cm` in PDF, `transform` in SVG, the canvas's matrix).
       */
      readonly grid?: GridTransform | undefined;
      /** A text path's glyphs, drawn as `path` draws them (see `GlyphPlacement`). */
      readonly glyphs?: readonly GlyphPlacement[] | undefined;
      readonly fill: SchemeColour;
    };

/** One set line, for checks and for the UI (the drawing itself is in `items`). */
export interface SceneLine {
  /** The words of the line, spaces restored. */
  readonly text: string;
  /** y of the baseline. */
  readonly baseline: number;
  /** Real ink bounds of the line's outlines. */
  readonly ink: Box;
  /** Real ink bounds of every glyph that has ink, left to right. */
  readonly glyphInk: readonly Box[];
}

export interface TextBlock {
  readonly role: TextRole;
  /** Em size of the type, scene units. */
  readonly fontSize: number;
  /** The area the block had to fit in. */
  readonly region: Box;
  readonly lines: readonly SceneLine[];
  /** Union of the lines' ink. */
  readonly ink: Box;
}

export type LayoutWarning =
  | {
      /** The unit line did not fit at the minimum legible size: it was set at that size and shortened. */
      readonly code: 'unit-line-too-long';
      readonly fontSize: number;
      readonly minFontSize: number;
      /** The text actually set (ends with "…"). */
      readonly shown: string;
    }
  | {
      /** Characters the fonts have no glyph for (drawn as the font's .notdef box). */
      readonly code: 'missing-glyphs';
      readonly chars: readonly string[];
    }
  | {
      /** The slogan was empty after cleaning: nothing was set in its place. */
      readonly code: 'empty-slogan';
    };

export interface Scene {
  readonly formatId: string;
  readonly schemeId: string;
  readonly unit: FormatUnit;
  /** Size of the whole drawing: the trim size plus bleed on every side. */
  readonly width: number;
  readonly height: number;
  /** Bleed on every side (0 for screen images). */
  readonly bleed: number;
  /** The finished size, inside the bleed. */
  readonly trim: Box;
  /** Area all text stays inside: from the top of the content inside the frame to the bottom of the footer text. */
  readonly safe: Box;
  /** The QR code, when there is one: the light tile (quiet zone included), the modules' box, the module side, the encoded address. */
  readonly qr?:
    { readonly tile: Box; readonly modules: Box; readonly moduleSize: number; readonly url: string } | undefined;
  /** Hem zone on every edge of the trim (`finishing.ts`): only the background (and eyelet marks) print there. */
  readonly hem: number;
  /** The live area: the trim less the hem zone. Every item but the background and eyelet marks lies inside it. */
  readonly live: Box;
  /** The slogan as set (cleaned, NFC, original case): for titles and alt text. */
  readonly title: string;
  /** Drawing, back to front. */
  readonly items: readonly SceneItem[];
  readonly blocks: readonly TextBlock[];
  readonly warnings: readonly LayoutWarning[];
}

export interface SceneInput {
  /** The slogan; cleaned and normalised here (NFD, pasted line breaks and double spaces are fine). */
  readonly slogan: string;
  /** A format from `FORMATS` or its id. */
  readonly format: PrintFormat | string;
  /** A scheme from `SCHEMES` or its id. */
  readonly scheme: ColourScheme | string;
  /** The campaign heading above the slogan, as it should appear (case kept). Empty: none. */
  readonly heading: string;
  /** The footer line (the help line 111), as it should appear. Empty: no footer band. */
  readonly footer: string;
  /** The issuing unit ("UBND huyện Tam Đường"), case kept. Empty or blank: no unit line. */
  readonly unitLine?: string | undefined;
  /**
   * The address a QR code on a poster or banner opens, and its short form printed under it
   * (`qr.ts`). Screen images get none. Absent: no code.
   */
  readonly link?: QrLink | undefined;
  /** The unit's own phone line, as printed under the code ("Điện thoại: 0912 345 678"). Empty: none. Needs `link`. */
  readonly phoneLine?: string | undefined;
  /** Hem zones and eyelet marks (`publishing.finishing` of the campaign); default `DEFAULT_FINISHING`. */
  readonly finishing?: PrintFinishing | undefined;
  /** Set the slogan in capitals, as slogan banners are. Default `true`. */
  readonly uppercase?: boolean | undefined;
  readonly fonts: PrintFonts;
}
