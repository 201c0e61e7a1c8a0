/**
 * A print font as a small data model: the glyphs of its characters (advance, outline,
 * bounds), its ligatures and its kerning, and the `LayoutFont` that shapes text with it.
 *
 * N.B. THIS FILE IS IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no `node:*`, no DOM.
 *
 * Why: the customiser (/tao-mau/) lays text out in the browser. Parsing the font files
 * there took fontkit, about 42 KB gzip of code to download before the first preview on
 * a slow phone. The build reads the fonts with fontkit instead (`src/build/print/font-model.ts`)
 * and writes what shaping them gives as this model; shaping with the model gives the same
 * glyphs and positions as fontkit for every text it accepts (tests/unit/print/font-model.test.ts
 * compares them over every pair of characters, every word of the content and random words).
 *
 * What it covers, and what it leaves out on purpose:
 * - text in NFC, which the engine always sets (`toNfc`, text.ts): a character's own glyph,
 *   the font's ligatures (longest first, as fontkit applies them) and pair kerning;
 * - no combining marks, fraction slash or soft hyphen: after NFC, Vietnamese needs none, and
 *   fontkit positions them by context. The model says it has no glyph for them (`hasChar`),
 *   so the customiser reports them as characters the font lacks.
 */
import {
  EMPTY_BOX,
  inkOf,
  type FontBox,
  type LayoutFont,
  type OutlineCommand,
  type PlacedGlyph,
  type ShapedRun,
} from './font.ts';

/** The model's format: bumped when its shape changes. */
export const FONT_MODEL_FORMAT = 1;

/** A print font as the build writes it (JSON). */
export interface FontModel {
  readonly format: typeof FONT_MODEL_FORMAT;
  /** The font's PostScript name. */
  readonly name: string;
  /** The font's copyright and licence notices, as its name table gives them. */
  readonly notice: string;
  readonly unitsPerEm: number;
  /** Every character the model sets, in one string; `charGlyphs[i]` is the glyph of its i-th code point. */
  readonly chars: string;
  readonly charGlyphs: readonly number[];
  /** The glyphs (the font's own ids, 0 being `.notdef`), and for each: advance, bounds (`[]` when empty), outline. */
  readonly glyphIds: readonly number[];
  readonly advances: readonly number[];
  readonly boxes: readonly (readonly number[])[];
  /** Each glyph's TrueType contours, in font units, y up (`parseOutline`). */
  readonly outlines: readonly string[];
  /** Ligatures: the characters they replace, and their glyph. */
  readonly ligatures: readonly (readonly [string, number])[];
  /**
   * Kerning by classes: the class of each glyph (same order as `glyphIds`) as the pair's
   * first and as its second, and the adjustment of the first glyph's advance for each pair
   * of classes (`values[left * columns + right]`).
   */
  readonly kerning: {
    readonly left: readonly number[];
    readonly right: readonly number[];
    readonly columns: number;
    readonly values: readonly number[];
  };
}

/** A point of a TrueType contour. */
interface ContourPoint {
  readonly x: number;
  readonly y: number;
  readonly onCurve: boolean;
}

/**
 * The drawing commands of TrueType contours: fontkit's `TTFGlyph._getPath` (MIT licence),
 * step for step, so that the commands and their numbers are the ones fontkit gives.
 */
export function contoursToCommands(contours: readonly (readonly ContourPoint[])[]): OutlineCommand[] {
  const commands: OutlineCommand[] = [];
  const add = (command: OutlineCommand['command'], ...args: number[]) => commands.push({ command, args });
  for (const contour of contours) {
    let firstPt = contour[0]!;
    const lastPt = contour[contour.length - 1]!;
    let start = 0;
    let curvePt: ContourPoint | null = null;
    if (firstPt.onCurve) start = 1;
    else {
      firstPt = lastPt.onCurve
        ? lastPt
        : { onCurve: false, x: (firstPt.x + lastPt.x) / 2, y: (firstPt.y + lastPt.y) / 2 };
      curvePt = firstPt;
    }
    add('moveTo', firstPt.x, firstPt.y);
    for (let j = start; j < contour.length; j++) {
      const pt = contour[j]!;
      const prevPt = j === 0 ? firstPt : contour[j - 1]!;
      if (prevPt.onCurve && pt.onCurve) add('lineTo', pt.x, pt.y);
      else if (prevPt.onCurve && !pt.onCurve) curvePt = pt;
      else if (!prevPt.onCurve && !pt.onCurve) {
        add('quadraticCurveTo', prevPt.x, prevPt.y, (prevPt.x + pt.x) / 2, (prevPt.y + pt.y) / 2);
        curvePt = pt;
      } else {
        add('quadraticCurveTo', curvePt!.x, curvePt!.y, pt.x, pt.y);
        curvePt = null;
      }
    }
    if (curvePt) add('quadraticCurveTo', curvePt.x, curvePt.y, firstPt.x, firstPt.y);
    add('closePath');
  }
  return commands;
}

/**
 * An outline's commands from the model's contour data: each point as two numbers, from
 * the point before (the first from 0, 0), an off-curve point marked with `q` before it,
 * and `Z` at the end of each contour. Data starting with `A` has its numbers from 0, 0
 * each (a font whose points are not whole units). Throws on anything else.
 */
export function parseOutline(data: string): OutlineCommand[] {
  const absolute = data.startsWith('A');
  const tokens = (absolute ? data.slice(1) : data).match(/[qZ]|-?\d+(?:\.\d+)?(?:e-?\d+)?|\S/g) ?? [];
  const contours: ContourPoint[][] = [];
  let contour: ContourPoint[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i++]!;
    if (token === 'Z') {
      if (contour.length === 0) throw new Error('font model: an empty contour in an outline');
      contours.push(contour);
      contour = [];
      continue;
    }
    const onCurve = token !== 'q';
    const [a, b] = onCurve ? [Number(token), Number(tokens[i++])] : [Number(tokens[i++]), Number(tokens[i++])];
    if (!Number.isFinite(a) || !Number.isFinite(b))
      throw new Error(`font model: "${token}" in an outline is not a point`);
    x = absolute ? a : x + a;
    y = absolute ? b : y + b;
    contour.push({ x, y, onCurve });
  }
  if (contour.length > 0) throw new Error('font model: an outline ends inside a contour');
  return contoursToCommands(contours);
}

/** A model read from JSON, with its shape checked (a file cut short or from another version says so). */
export function readFontModel(value: unknown, where: string): FontModel {
  const model = value as Partial<FontModel> | null;
  const fail = (field: string) => {
    throw new Error(`${where}: not a print font model of format ${FONT_MODEL_FORMAT} (${field})`);
  };
  if (!model || typeof model !== 'object') fail('not an object');
  if (model!.format !== FONT_MODEL_FORMAT) fail('format');
  const m = model as FontModel;
  if (typeof m.name !== 'string' || !(m.unitsPerEm > 0) || typeof m.chars !== 'string')
    fail('name, unitsPerEm or chars');
  if (!Array.isArray(m.charGlyphs) || [...m.chars].length !== m.charGlyphs.length) fail('charGlyphs');
  const glyphs = m.glyphIds?.length;
  if (!glyphs || m.advances?.length !== glyphs || m.boxes?.length !== glyphs || m.outlines?.length !== glyphs)
    fail('glyphIds, advances, boxes or outlines');
  const k = m.kerning;
  if (!k || k.left?.length !== glyphs || k.right?.length !== glyphs || !Array.isArray(k.values)) fail('kerning');
  if (!Array.isArray(m.ligatures)) fail('ligatures');
  return m;
}

/** Shapes text with a font model: the same `LayoutFont` as `createLayoutFont` gives for the font itself. */
export function createModelFont(model: FontModel): LayoutFont {
  const index = new Map<number, number>(model.glyphIds.map((id, i) => [id, i]));
  const charGlyph = new Map<number, number>();
  [...model.chars].forEach((char, i) => charGlyph.set(char.codePointAt(0)!, model.charGlyphs[i]!));
  const ligatures = new Map(model.ligatures.map(([text, glyph]) => [text, glyph]));
  const longestLigature = Math.max(0, ...model.ligatures.map(([text]) => [...text].length));
  const boxes = model.boxes.map((box): FontBox =>
    box.length === 4 ? { minX: box[0]!, minY: box[1]!, maxX: box[2]!, maxY: box[3]! } : EMPTY_BOX,
  );
  const outlines = new Map<number, readonly OutlineCommand[]>();
  const runs = new Map<string, ShapedRun>();
  const { left, right, columns, values } = model.kerning;
  const notdef = index.get(0) ?? 0;

  const glyphIndex = (glyphId: number) => index.get(glyphId) ?? notdef;
  const glyphBox = (glyphId: number) => boxes[index.get(glyphId) ?? -1] ?? EMPTY_BOX;
  const kern = (first: number, second: number) => values[left[first]! * columns + right[second]!] ?? 0;

  /** The glyphs of a text: ligatures first (the longest at each place), then each character's own. */
  const glyphsOf = (text: string): number[] => {
    const chars = [...text];
    const ids: number[] = [];
    for (let i = 0; i < chars.length;) {
      let length = Math.min(longestLigature, chars.length - i);
      for (; length > 1; length--) {
        const ligature = ligatures.get(chars.slice(i, i + length).join(''));
        if (ligature !== undefined) {
          ids.push(ligature);
          break;
        }
      }
      if (length <= 1) {
        ids.push(charGlyph.get(chars[i]!.codePointAt(0)!) ?? 0);
        length = 1;
      }
      i += length;
    }
    return ids;
  };

  const shape = (text: string): ShapedRun => {
    const cached = runs.get(text);
    if (cached) return cached;
    const ids = glyphsOf(text).map(glyphIndex);
    const glyphs: PlacedGlyph[] = [];
    let x = 0;
    ids.forEach((glyph, i) => {
      glyphs.push({ glyphId: model.glyphIds[glyph]!, x, y: 0 });
      x += model.advances[glyph]! + (i + 1 < ids.length ? kern(glyph, ids[i + 1]!) : 0);
    });
    const run: ShapedRun = { text, glyphs, advance: x, ink: inkOf(glyphs, glyphBox) };
    runs.set(text, run);
    return run;
  };

  const space = charGlyph.get(0x20);
  return {
    name: model.name,
    unitsPerEm: model.unitsPerEm,
    spaceAdvance: space === undefined ? model.unitsPerEm / 4 : model.advances[glyphIndex(space)]!,
    shape,
    outline: (glyphId) => {
      let outline = outlines.get(glyphId);
      if (!outline) {
        const i = index.get(glyphId);
        outline = i === undefined ? [] : parseOutline(model.outlines[i]!);
        outlines.set(glyphId, outline);
      }
      return outline;
    },
    glyphBox,
    hasChar: (char) => {
      const codePoint = char.codePointAt(0);
      return codePoint !== undefined && (charGlyph.get(codePoint) ?? 0) !== 0;
    },
  };
}
