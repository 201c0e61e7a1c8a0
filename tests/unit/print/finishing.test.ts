import { describe, expect, it } from 'vitest';
import {
  FORMATS,
  getFormat,
  layoutScene,
  type Box,
  type PathCommand,
  type Scene,
} from '../../../src/shared/print/index.ts';
import {
  DEFAULT_FINISHING,
  eyeletCentres,
  hemOf,
  withEyelets,
  type PrintFinishing,
} from '../../../src/shared/print/finishing.ts';
import { lineRuleViolations } from '../../../src/shared/print/line-rules.ts';
import { PROPORTIONS } from '../../../src/shared/print/proportions.ts';
import { presentedText } from '../../../src/shared/presentation.ts';
import { printFinishingSchema } from '../../../src/shared/schemas/campaign.ts';
import { qrLink } from '../../../src/shared/print/qr-encode.ts';
import { fonts, input, loadSlogans } from './helpers.ts';

const slogans = loadSlogans();
const EPS = 1e-6;
/** Every published poster and banner carries a QR code and its label; a unit's phone line may be under it. */
const QR = { link: qrLink('https://example.gov.vn/tro-giup/', 'example.gov.vn/tro-giup/') };
const PHONE = 'Điện thoại: 0912 345 678';
const printFormats = FORMATS.filter((f) => f.unit === 'mm');
const banners = FORMATS.filter((f) => f.kind === 'banner');

/** Bounds of a path's points (control points included: a curve lies inside them). */
function pathBounds(path: readonly PathCommand[]): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const c of path) {
    if (c.op === 'Z') continue;
    xs.push(c.x);
    ys.push(c.y);
    if (c.op === 'Q' || c.op === 'C') {
      xs.push(c.x1);
      ys.push(c.y1);
    }
    if (c.op === 'C') {
      xs.push(c.x2);
      ys.push(c.y2);
    }
  }
  const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
  return { x: x0, y: y0, width: Math.max(...xs) - x0, height: Math.max(...ys) - y0 };
}

/** An item's box in scene units (a path on a grid, the QR code's modules, scaled and placed by it). */
function itemBox(item: Scene['items'][number]): Box {
  if (item.type === 'rect') return item;
  const box = pathBounds(item.path);
  if (!item.grid) return box;
  const { x, y, size } = item.grid;
  return { x: x + box.x * size, y: y + box.y * size, width: box.width * size, height: box.height * size };
}
const inside = (a: Box, b: Box) =>
  a.x >= b.x - EPS &&
  a.y >= b.y - EPS &&
  a.x + a.width <= b.x + b.width + EPS &&
  a.y + a.height <= b.y + b.height + EPS;
const disjoint = (a: Box, b: Box) =>
  a.x + a.width <= b.x + EPS ||
  b.x + b.width <= a.x + EPS ||
  a.y + a.height <= b.y + EPS ||
  b.y + b.height <= a.y + EPS;

describe('hem zones', () => {
  it('are 40 mm on a banner, 10 mm on a poster, none on a screen image; a format may have its own', () => {
    expect(hemOf(getFormat('bang-ron-3x1'))).toBe(40);
    expect(hemOf(getFormat('a4'))).toBe(10);
    expect(hemOf(getFormat('og-1200x630'))).toBe(0);
    const own: PrintFinishing = { ...DEFAULT_FINISHING, formatHem: { 'bang-ron-5x1-5': 55 } };
    expect(hemOf(getFormat('bang-ron-5x1-5'), own)).toBe(55);
    expect(hemOf(getFormat('bang-ron-3x1'), own)).toBe(40);
  });

  it('hold nothing but the background, on every print format, for the longest and the shortest slogan', () => {
    const texts = [...slogans].sort((a, b) => a.text.length - b.text.length);
    for (const format of printFormats) {
      for (const slogan of [texts[0]!, texts[texts.length - 1]!]) {
        const scene = layoutScene(input(presentedText(slogan.text), format, 'cam', { ...QR, phoneLine: PHONE }));
        expect(scene.hem).toBe(hemOf(format));
        expect(scene.items.some((item) => item.role === 'qr')).toBe(true);
        expect(scene.live).toEqual({
          x: format.bleed + scene.hem,
          y: format.bleed + scene.hem,
          width: format.width - 2 * scene.hem,
          height: format.height - 2 * scene.hem,
        });
        const outside = scene.items
          .filter((item) => item.role !== 'background')
          .filter((item) => !inside(itemBox(item), scene.live))
          .map((item) => `${format.id} #${slogan.order}: ${item.role}`);
        expect(outside).toEqual([]);
      }
    }
  });

  it('follow the campaign’s data when a caller passes it', () => {
    const finishing: PrintFinishing = { ...DEFAULT_FINISHING, hem: { poster: 25, banner: 60 } };
    const scene = layoutScene(input(slogans[4]!.text, 'a3', 'do', { finishing, ...QR }));
    expect(scene.hem).toBe(25);
    for (const item of scene.items.filter((i) => i.role !== 'background'))
      expect(inside(itemBox(item), scene.live)).toBe(true);
  });

  it('are checked by the content schema: eyelet marks must lie inside every banner’s hem, format ids must exist', () => {
    expect(printFinishingSchema.safeParse(DEFAULT_FINISHING).success).toBe(true);
    const tooWide = { ...DEFAULT_FINISHING, eyelets: { ...DEFAULT_FINISHING.eyelets, inset: 38 } };
    expect(printFinishingSchema.safeParse(tooWide).success).toBe(false);
    expect(printFinishingSchema.safeParse({ ...DEFAULT_FINISHING, formatHem: { 'bang-ron-9x9': 40 } }).success).toBe(
      false,
    );
  });
});

describe('eyelet marks', () => {
  it('sit at the four corners and along every edge, no further apart than the spacing, inside the hem zone', () => {
    for (const format of banners) {
      const centres = eyeletCentres(format);
      const { inset, spacing, diameter } = DEFAULT_FINISHING.eyelets;
      const b = format.bleed;
      for (const corner of [
        { x: b + inset, y: b + inset },
        { x: b + format.width - inset, y: b + inset },
        { x: b + inset, y: b + format.height - inset },
        { x: b + format.width - inset, y: b + format.height - inset },
      ])
        expect(centres.some((c) => Math.hypot(c.x - corner.x, c.y - corner.y) < EPS)).toBe(true);
      const top = centres.filter((c) => Math.abs(c.y - (b + inset)) < EPS).map((c) => c.x);
      const left = centres.filter((c) => Math.abs(c.x - (b + inset)) < EPS).map((c) => c.y);
      for (const line of [top, left]) {
        line.sort((p, q) => p - q);
        for (let i = 1; i < line.length; i++) expect(line[i]! - line[i - 1]!).toBeLessThanOrEqual(spacing + EPS);
      }
      // 3 m: 7 along the long edges, one more on each short edge (0.96 m between corners).
      if (format.id === 'bang-ron-3x1') expect(centres).toHaveLength(16);
      expect(new Set(centres.map((c) => `${c.x} ${c.y}`)).size).toBe(centres.length);

      const scene = layoutScene(input(slogans[0]!.text, format, 'cam'));
      const marked = withEyelets(scene, format);
      const marks = marked.items.filter((item) => item.role === 'eyelet');
      expect(marks).toHaveLength(centres.length);
      expect(marked.items.slice(0, scene.items.length)).toEqual(scene.items);
      for (const mark of marks) {
        const box = itemBox(mark);
        expect(box.width).toBeCloseTo(diameter, 1);
        expect(inside(box, scene.trim)).toBe(true);
        expect(disjoint(box, scene.live)).toBe(true);
      }
    }
  });

  it('are only for banners', () => {
    const scene = layoutScene(input(slogans[0]!.text, 'a2', 'cam'));
    expect(withEyelets(scene, getFormat('a2'))).toBe(scene);
  });
});

describe('banner slogans', () => {
  const capOf = (size: number) => (size * fonts.display.shape('H').ink.maxY) / fonts.display.unitsPerEm;

  it('reach 12 % of the banner’s height, every slogan in every banner and scheme, with the QR code (and a phone line under it)', () => {
    const aim = PROPORTIONS.page.sloganMinCap.landscape;
    const below: string[] = [];
    let smallest = Infinity;
    for (const format of banners) {
      for (const slogan of slogans) {
        for (const [scheme, extra] of [
          ['do', { unitLine: '' }],
          ['cam', { unitLine: '', phoneLine: PHONE }],
        ] as const) {
          // As published: with the QR code in the corner, which the slogan keeps clear of.
          const scene = layoutScene(input(presentedText(slogan.text), format, scheme, { ...extra, ...QR }));
          const block = scene.blocks.find((b) => b.role === 'slogan')!;
          const ratio = capOf(block.fontSize) / format.height;
          smallest = Math.min(smallest, ratio);
          if (ratio < aim * (1 - 1e-9))
            below.push(`${format.id} #${slogan.order} ${scheme} ${(100 * ratio).toFixed(2)} %`);
          // The code and the slogan's lines never meet.
          const tile = scene.qr!.tile;
          for (const line of block.lines) expect(disjoint(line.ink, tile)).toBe(true);
          // Protected pairs whole, no one-word last line.
          expect(lineRuleViolations(block.lines.map((line) => line.text))).toEqual([]);
        }
      }
    }
    console.log(
      `smallest banner slogan cap height: ${(100 * smallest).toFixed(2)} %; below 12 %: ${below.join(', ') || 'none'}`,
    );
    expect(below).toEqual([]);
  });

  it('are set by the breaking that reaches the aim with the largest rows, and shrink the rows only when they must', () => {
    const aim = PROPORTIONS.page.sloganMinCap.landscape;
    const format = getFormat('bang-ron-3x1');
    const short = layoutScene(input('Chấm dứt bạo lực', format, 'do', { ...QR, unitLine: '' }));
    const long = layoutScene(input(presentedText(slogans[12]!.text), format, 'do', { ...QR, unitLine: '' }));
    const heading = (scene: Scene) => scene.blocks.find((b) => b.role === 'heading')!;
    // A short slogan leaves the heading's row at its full height; the longest makes it give way.
    expect(heading(short).region.height).toBeCloseTo(PROPORTIONS.banner.headingRow * format.height, 6);
    expect(heading(long).region.height).toBeLessThan(PROPORTIONS.banner.headingRow * format.height);
    expect(heading(long).region.height).toBeGreaterThanOrEqual(
      PROPORTIONS.banner.minRowScale * PROPORTIONS.banner.headingRow * format.height - EPS,
    );
    const slogan = long.blocks.find((b) => b.role === 'slogan')!;
    expect(capOf(slogan.fontSize) / format.height).toBeGreaterThanOrEqual(aim * (1 - 1e-9));
  });

  it('are never set with a heading that is the smallest text', () => {
    for (const format of FORMATS) {
      for (const slogan of slogans) {
        const scene = layoutScene(input(presentedText(slogan.text), format, 'cam'));
        const size = (role: string) => scene.blocks.find((b) => b.role === role)?.fontSize ?? Infinity;
        expect(size('heading')).toBeGreaterThan(size('footer'));
      }
    }
  });
});
