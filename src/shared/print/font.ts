/**
 * A small interface over a parsed font: shaping, glyph outlines and their real bounds.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * The engine never reads font files. The caller parses them (fontkit's `create()`
 * in the browser, `node/load-fonts.ts` in Node) and passes the parsed font to
 * `createLayoutFont()`. Only the members of `FontkitFontLike` are used, so any
 * object with that shape works (a test double, another parser behind an adapter).
 */

/** The drawing commands of a glyph outline (fontkit's names). */
export type OutlineCommandName = 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';

export interface OutlineCommand {
  readonly command: OutlineCommandName;
  /** Coordinates in font units, y up: (x, y) pairs, control points first. */
  readonly args: readonly number[];
}

/** A rectangle in font units, y up. Empty glyphs (space) have `minX > maxX`. */
export interface FontBox {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/** The part of a fontkit glyph the engine reads. */
export interface FontkitGlyphLike {
  readonly id: number;
  readonly path: {
    readonly commands: ReadonlyArray<{ readonly command: string; readonly args: readonly number[] }>;
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  };
}

/** The part of a fontkit font the engine reads (fontkit 2: `create()`/`openSync()` results). */
export interface FontkitFontLike {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly postscriptName?: string | null;
  layout(text: string): {
    readonly glyphs: readonly FontkitGlyphLike[];
    readonly positions: ReadonlyArray<{
      readonly xAdvance: number;
      readonly yAdvance: number;
      readonly xOffset: number;
      readonly yOffset: number;
    }>;
  };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** A glyph placed in a shaped run, in font units from the start of the run (y up). */
export interface PlacedGlyph {
  readonly glyphId: number;
  readonly x: number;
  readonly y: number;
}

/** A shaped piece of text (one word): glyphs, advance and real ink bounds. */
export interface ShapedRun {
  readonly text: string;
  readonly glyphs: readonly PlacedGlyph[];
  /** Sum of advances, kerning included, in font units. */
  readonly advance: number;
  /** Ink bounds of the placed outlines (not the font's ascent/descent), font units. */
  readonly ink: FontBox;
}

/** What the layout needs from a font. */
export interface LayoutFont {
  /** A name for messages and caches (the PostScript name when known). */
  readonly name: string;
  readonly unitsPerEm: number;
  /** Advance of a normal space, font units. */
  readonly spaceAdvance: number;
  /** Shape a run of text without spaces; results are cached. */
  shape(text: string): ShapedRun;
  /** Outline of a glyph in font units (y up). */
  outline(glyphId: number): readonly OutlineCommand[];
  /** Real bounds of a glyph's outline, font units. */
  glyphBox(glyphId: number): FontBox;
  /** Whether the font has a glyph for this character (one code point). */
  hasChar(char: string): boolean;
}

/** The fonts a scene is set in. */
export interface PrintFonts {
  /** The slogan (a heavy weight: Be Vietnam Pro ExtraBold by default). */
  readonly display: LayoutFont;
  /** Heading, unit line and footer (Be Vietnam Pro Bold by default). */
  readonly text: LayoutFont;
}

export const EMPTY_BOX: FontBox = Object.freeze({
  minX: Infinity,
  minY: Infinity,
  maxX: -Infinity,
  maxY: -Infinity,
});

const COMMAND_NAMES = new Set<string>(['moveTo', 'lineTo', 'quadraticCurveTo', 'bezierCurveTo', 'closePath']);

const finiteBox = (box: FontkitGlyphLike['path']['bbox']): FontBox =>
  [box.minX, box.minY, box.maxX, box.maxY].every((value) => Number.isFinite(value))
    ? { minX: box.minX, minY: box.minY, maxX: box.maxX, maxY: box.maxY }
    : EMPTY_BOX;

/** The union of two boxes. */
export function unionBox(a: FontBox, b: FontBox): FontBox {
  return {
    minX: Math.min(a.minX, b.minX),
    minY: Math.min(a.minY, b.minY),
    maxX: Math.max(a.maxX, b.maxX),
    maxY: Math.max(a.maxY, b.maxY),
  };
}

/** Whether a box holds no ink. */
export function isEmptyBox(box: FontBox): boolean {
  return !(box.minX <= box.maxX && box.minY <= box.maxY);
}

/** The ink bounds of placed glyphs: the union of each glyph's box (`boxOf`) moved to its place. */
export function inkOf(glyphs: readonly PlacedGlyph[], boxOf: (glyphId: number) => FontBox): FontBox {
  let ink = EMPTY_BOX;
  for (const placed of glyphs) {
    const box = boxOf(placed.glyphId);
    if (isEmptyBox(box)) continue;
    ink = unionBox(ink, {
      minX: box.minX + placed.x,
      minY: box.minY + placed.y,
      maxX: box.maxX + placed.x,
      maxY: box.maxY + placed.y,
    });
  }
  return ink;
}

/**
 * Wrap a parsed fontkit font (or anything with the same members) as a `LayoutFont`.
 * Shaping applies the font's default features (kerning, mark positioning).
 */
export function createLayoutFont(font: FontkitFontLike): LayoutFont {
  const outlines = new Map<number, readonly OutlineCommand[]>();
  const boxes = new Map<number, FontBox>();
  const runs = new Map<string, ShapedRun>();

  const remember = (glyph: FontkitGlyphLike): void => {
    if (outlines.has(glyph.id)) return;
    outlines.set(
      glyph.id,
      glyph.path.commands
        .filter((cmd) => COMMAND_NAMES.has(cmd.command))
        .map((cmd) => ({ command: cmd.command as OutlineCommandName, args: [...cmd.args] })),
    );
    boxes.set(glyph.id, finiteBox(glyph.path.bbox));
  };

  const shape = (text: string): ShapedRun => {
    const cached = runs.get(text);
    if (cached) return cached;
    const result = font.layout(text);
    const glyphs: PlacedGlyph[] = [];
    let x = 0;
    result.glyphs.forEach((glyph, index) => {
      remember(glyph);
      const position = result.positions[index] ?? { xAdvance: 0, yAdvance: 0, xOffset: 0, yOffset: 0 };
      glyphs.push({ glyphId: glyph.id, x: x + position.xOffset, y: position.yOffset });
      x += position.xAdvance;
    });
    const ink = inkOf(glyphs, (id) => boxes.get(id) ?? EMPTY_BOX);
    const run: ShapedRun = { text, glyphs, advance: x, ink };
    runs.set(text, run);
    return run;
  };

  const space = font.layout(' ').positions[0];

  return {
    name: font.postscriptName ?? 'font',
    unitsPerEm: font.unitsPerEm,
    spaceAdvance: space ? space.xAdvance : font.unitsPerEm / 4,
    shape,
    outline: (glyphId) => outlines.get(glyphId) ?? [],
    glyphBox: (glyphId) => boxes.get(glyphId) ?? EMPTY_BOX,
    hasChar: (char) => {
      const codePoint = char.codePointAt(0);
      return codePoint !== undefined && font.hasGlyphForCodePoint(codePoint);
    },
  };
}
