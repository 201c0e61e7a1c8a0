/**
 * Node-only: a print font's model (`src/shared/print/font-model.ts`) made from the font
 * with fontkit: what fontkit's shaping gives, written as data the customiser reads
 * without fontkit.
 *
 * Nothing is read from the font's layout tables directly: each glyph's advance, each
 * ligature and each kerning pair is what `font.layout()` gives for that character, pair or
 * ligature, so the model follows fontkit wherever fontkit and the tables might differ.
 * Anything the model cannot say (a glyph moved up or down, a substitution that is not a
 * ligature) stops the build with the characters concerned.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { FONT_MODEL_FORMAT, type FontModel } from '../../shared/print/font-model.ts';

/** The part of a fontkit font read here. */
export interface ModelSourceFont {
  readonly unitsPerEm: number;
  readonly postscriptName?: string | null;
  readonly copyright?: string | null;
  readonly characterSet: readonly number[];
  getName(key: string): string | null;
  glyphForCodePoint(codePoint: number): { readonly id: number };
  getGlyph(id: number): Glyph;
  layout(text: string): { readonly glyphs: readonly Glyph[]; readonly positions: readonly Position[] };
}
interface Glyph {
  readonly id: number;
  readonly path: {
    readonly commands: ReadonlyArray<{ readonly command: string; readonly args: readonly number[] }>;
    readonly bbox: { readonly minX: number; readonly minY: number; readonly maxX: number; readonly maxY: number };
  };
}
interface Position {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/**
 * Characters the model leaves out (see font-model.ts): combining marks, which fontkit places
 * by the letter before them; the fraction slash, around which it turns digits into a
 * fraction; the soft hyphen, which it draws as another glyph (the engine removes it anyway).
 */
export function leftOut(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    (codePoint >= 0x1ab0 && codePoint <= 0x1aff) ||
    (codePoint >= 0x1dc0 && codePoint <= 0x1dff) ||
    (codePoint >= 0x20d0 && codePoint <= 0x20ff) ||
    (codePoint >= 0xfe20 && codePoint <= 0xfe2f) ||
    codePoint === 0x2044 ||
    codePoint === 0x00ad
  );
}

/** A TrueType glyph's contours as fontkit reads them (`_getContours`, an internal of fontkit 2). */
type Contours = ReadonlyArray<ReadonlyArray<{ readonly x: number; readonly y: number; readonly onCurve: boolean }>>;

/**
 * A glyph's outline as the model's contour data (`parseOutline` in font-model.ts): its
 * TrueType points rather than fontkit's drawing commands, which add a point between two
 * off-curve ones; the model draws the commands from them as fontkit does. Throws when the
 * glyph is not a TrueType one (fontkit's internal missing).
 */
export function outlineData(glyph: Glyph, where: string): string {
  const read = (glyph as unknown as { _getContours?: () => Contours })._getContours;
  if (typeof read !== 'function') throw new Error(`${where}: glyph ${glyph.id} has no TrueType contours`);
  const contours = read.call(glyph);
  const whole = contours.every((contour) => contour.every((p) => Number.isInteger(p.x) && Number.isInteger(p.y)));
  let x = 0;
  let y = 0;
  let data = whole ? '' : 'A';
  for (const contour of contours) {
    for (const point of contour) {
      const [a, b] = whole ? [point.x - x, point.y - y] : [point.x, point.y];
      data += `${point.onCurve ? (a < 0 || data === '' || data.endsWith('Z') ? '' : ' ') : 'q'}${a}${b < 0 ? '' : ' '}${b}`;
      x = point.x;
      y = point.y;
    }
    data += 'Z';
  }
  return data;
}

/**
 * The model of `font` for the characters it maps, less those `leftOut` names.
 * `where` names the font in errors.
 */
export function makeFontModel(font: ModelSourceFont, where: string): FontModel {
  // (A format 4 cmap ends with U+FFFF mapped to .notdef: not a character of the font.)
  const codePoints = font.characterSet
    .filter((cp) => !leftOut(cp) && font.glyphForCodePoint(cp).id !== 0)
    .sort((a, b) => a - b);
  const chars = codePoints.map((cp) => String.fromCodePoint(cp));
  const fail = (what: string, text: string): never => {
    const shown = [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
    throw new Error(`${where}: the font model cannot say how fontkit sets ${shown} (${what})`);
  };
  const layout = (text: string) => {
    try {
      return font.layout(text);
    } catch (error) {
      return fail(`fontkit failed: ${String(error)}`, text);
    }
  };

  // Each character's glyph and advance, and the ligatures among pairs and triples.
  const glyphs = new Map<number, Glyph>();
  const advances = new Map<number, number>();
  const single = (text: string): number => {
    const { glyphs: shaped, positions } = layout(text);
    const [glyph] = shaped;
    const [position] = positions;
    if (shaped.length !== 1 || !glyph || !position) return fail(`${shaped.length} glyphs`, text);
    if (position.xOffset !== 0 || position.yOffset !== 0 || position.yAdvance !== 0) fail('a glyph moved', text);
    const known = advances.get(glyph.id);
    if (known !== undefined && known !== position.xAdvance) fail('a glyph with two advances', text);
    advances.set(glyph.id, position.xAdvance);
    glyphs.set(glyph.id, glyph);
    return glyph.id;
  };
  const charGlyphs = chars.map((char, i) => {
    const id = single(char);
    if (id !== font.glyphForCodePoint(codePoints[i]!).id) fail('a substituted glyph', char);
    return id;
  });
  const notdef = font.getGlyph(0);
  glyphs.set(0, notdef);
  if (!advances.has(0)) advances.set(0, layout(String.fromCodePoint(0xe000)).positions[0]?.xAdvance ?? 0);

  const glyphOf = new Map(chars.map((char, i) => [char, charGlyphs[i]!]));
  const ligatures = new Map<string, number>();
  const unitGlyph = (unit: string) => glyphOf.get(unit) ?? ligatures.get(unit)!;

  // Kerning: for every pair of units (characters, ligatures), fontkit's advance of the first
  // beside the second, less its own.
  const pairs = new Map<number, Map<number, number>>();
  const record = (first: number, second: number, value: number) => {
    if (value === 0) return;
    let row = pairs.get(first);
    if (!row) pairs.set(first, (row = new Map()));
    const known = row.get(second);
    if (known !== undefined && known !== value) fail('a pair kerned two ways', '');
    row.set(second, value);
  };
  const check = (text: string, positions: readonly Position[]) => {
    for (const p of positions) if (p.xOffset !== 0 || p.yOffset !== 0 || p.yAdvance !== 0) fail('a glyph moved', text);
  };
  /** Kerning and ligatures of a pair of units set on its own: `false` when fontkit sets it otherwise. */
  const pair = (a: string, b: string): boolean => {
    const text = a + b;
    const { glyphs: shaped, positions } = layout(text);
    if (shaped.length !== 2 || shaped[0]!.id !== unitGlyph(a) || shaped[1]!.id !== unitGlyph(b)) return false;
    check(text, positions);
    record(unitGlyph(a), unitGlyph(b), positions[0]!.xAdvance - advances.get(unitGlyph(a))!);
    return true;
  };

  // Every pair of characters, a whole row at a time ("ab₁ab₂ab₃…", one layout for 2 × 330
  // pairs): when fontkit sets the row as the characters' own glyphs, no pair in it forms a
  // ligature and the advances give the kerning both ways; otherwise the row's pairs are set
  // one by one, and a pair fontkit sets as one glyph is a ligature.
  for (const a of chars) {
    const row = chars.map((b) => a + b).join('');
    const { glyphs: shaped, positions } = layout(row);
    const own = chars.flatMap((b) => [glyphOf.get(a)!, glyphOf.get(b)!]);
    if (shaped.length === own.length && shaped.every((glyph, i) => glyph.id === own[i])) {
      check(row, positions);
      own.forEach((glyph, i) => {
        if (i + 1 < own.length) record(glyph, own[i + 1]!, positions[i]!.xAdvance - advances.get(glyph)!);
      });
      continue;
    }
    for (const b of chars) {
      if (pair(a, b)) continue;
      const shaped2 = layout(a + b).glyphs;
      if (shaped2.length !== 1) fail('a substitution other than a ligature', a + b);
      ligatures.set(a + b, single(a + b));
    }
  }
  // Longer ligatures: a ligature's characters and one more. fontkit takes the longest at each
  // place, as the model does; any other outcome stops the build.
  for (const two of [...ligatures.keys()])
    for (const c of chars) {
      const text = two + c;
      const shaped = layout(text).glyphs;
      if (shaped.length === 1) ligatures.set(text, single(text));
      else if (!(shaped.length === 2 && shaped[0]!.id === ligatures.get(two) && shaped[1]!.id === glyphOf.get(c)))
        fail('a substitution other than a ligature', text);
    }
  // The ligatures' kerning with every unit, either side (a pair that sets otherwise, as "f"
  // and "fi", which fontkit sets "ff" and "i", never occurs).
  const units = [...chars, ...ligatures.keys()];
  for (const ligature of ligatures.keys())
    for (const unit of units) {
      pair(ligature, unit);
      pair(unit, ligature);
    }

  // Classes: glyphs whose rows (as first) or columns (as second) are the same.
  const ids = [...glyphs.keys()].sort((a, b) => a - b);
  const rowKey = (id: number) => ids.map((other) => pairs.get(id)?.get(other) ?? 0).join(',');
  const columnKey = (id: number) => ids.map((other) => pairs.get(other)?.get(id) ?? 0).join(',');
  const classes = (key: (id: number) => string) => {
    const seen = new Map<string, number>();
    const of = ids.map((id) => {
      const k = key(id);
      if (!seen.has(k)) seen.set(k, seen.size);
      return seen.get(k)!;
    });
    return { of, count: seen.size };
  };
  const left = classes(rowKey);
  const right = classes(columnKey);
  const values = new Array<number>(left.count * right.count).fill(0);
  ids.forEach((a, i) =>
    ids.forEach((b, j) => {
      values[left.of[i]! * right.count + right.of[j]!] = pairs.get(a)?.get(b) ?? 0;
    }),
  );

  const notice = [font.copyright ?? font.getName('copyright'), font.getName('license'), font.getName('licenseURL')]
    .filter((part): part is string => Boolean(part))
    .join(' ');
  return {
    format: FONT_MODEL_FORMAT,
    name: font.postscriptName ?? 'font',
    notice,
    unitsPerEm: font.unitsPerEm,
    chars: chars.join(''),
    charGlyphs,
    glyphIds: ids,
    advances: ids.map((id) => advances.get(id)!),
    boxes: ids.map((id) => {
      const box = glyphs.get(id)!.path.bbox;
      const values4 = [box.minX, box.minY, box.maxX, box.maxY];
      return values4.every((value) => Number.isFinite(value)) ? values4 : [];
    }),
    outlines: ids.map((id) => outlineData(glyphs.get(id)!, where)),
    ligatures: [...ligatures.entries()],
    kerning: { left: left.of, right: right.of, columns: right.count, values },
  };
}
