import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CROP_MARK_MARGIN_MM,
  FORMATS,
  SCHEMES,
  isPrintFormat,
  layoutScene,
  renderPdf,
  renderSvg,
  type Scene,
} from '../../../src/shared/print/index.ts';
import { pathContent } from '../../../src/shared/print/render-pdf.ts';
import { renderRaster } from '../../../src/build/print/render-raster.ts';
import { input, loadSlogans } from './helpers.ts';

const PT_PER_MM = 72 / 25.4;
/** What a campaign's content gives every PDF (made up here: the engine takes whatever it is given). */
const FILE = { date: new Date('2031-11-15T00:00:00Z'), creator: 'Công cụ thử nghiệm' } as const;
const slogans = loadSlogans();
/** The slogan with the most characters: the hardest to fit. */
const longest = [...slogans].sort((a, b) => b.text.length - a.text.length)[0]!.text;

const scene = (format: string, scheme = 'cam', text = longest): Scene => layoutScene(input(text, format, scheme));

/** The page's content stream, inflated. */
async function contentOf(pdf: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(0);
  const contents = page.node.Contents();
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((ref) => {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
      if (!(stream instanceof PDFRawStream)) throw new Error('unexpected content stream');
      const filter = stream.dict.get(PDFName.of('Filter'));
      return Buffer.from(filter ? inflateSync(stream.contents) : stream.contents).toString('latin1');
    })
    .join('\n');
}

describe('SVG', () => {
  it.each(FORMATS.map((f) => [f.id] as const))('has no <text> and no font in %s', (id) => {
    const svg = renderSvg(scene(id, 'do'));
    expect(svg).not.toMatch(/<text|<tspan|font-family|@font-face/);
    expect(svg).toMatch(/<path fill="#ffeb00" d="M/);
  });

  it('is byte-identical for the same input', () => {
    expect(renderSvg(scene('a2'))).toBe(renderSvg(scene('a2')));
  });

  it('is sized in mm with a mm viewBox for print, in px for screen images', () => {
    expect(renderSvg(scene('a2'))).toContain('width="420mm" height="594mm" viewBox="3 3 420 594"');
    expect(renderSvg(scene('a2'), { area: 'bleed' })).toContain('width="426mm" height="600mm" viewBox="0 0 426 600"');
    expect(renderSvg(scene('og-1200x630'))).toContain('width="1200" height="630" viewBox="0 0 1200 630"');
    expect(renderSvg(scene('a2'), { pixelSize: { width: 4961, height: 7016 } })).toContain(
      'width="4961" height="7016" viewBox="3 3 420 594"',
    );
  });

  it('carries the slogan as an escaped title for assistive technology', () => {
    const svg = renderSvg(layoutScene(input('Bạo lực <không> & "im lặng"', 'a4', 'cam')));
    expect(svg).toContain('<title id="title">Bạo lực &lt;không&gt; &amp; &quot;im lặng&quot;</title>');
    expect(svg).toContain('lang="vi"');
  });
});

describe('PDF', () => {
  const printFormats = FORMATS.filter(isPrintFormat);

  it.each(printFormats.map((f) => [f.id, f] as const))(
    'sets page = trim + 2 × 3 mm, TrimBox and BleedBox in %s (read back with pdf-lib)',
    async (_id, format) => {
      const doc = await PDFDocument.load(await renderPdf(scene(format.id), FILE));
      const page = doc.getPage(0);
      const { width, height } = page.getSize();
      expect(width).toBeCloseTo((format.width + 6) * PT_PER_MM, 3);
      expect(height).toBeCloseTo((format.height + 6) * PT_PER_MM, 3);
      const trim = page.getTrimBox();
      expect(trim.x).toBeCloseTo(3 * PT_PER_MM, 3);
      expect(trim.y).toBeCloseTo(3 * PT_PER_MM, 3);
      expect(trim.width).toBeCloseTo(format.width * PT_PER_MM, 3);
      expect(trim.height).toBeCloseTo(format.height * PT_PER_MM, 3);
      const bleed = page.getBleedBox();
      expect([bleed.x, bleed.y]).toEqual([0, 0]);
      expect(bleed.width).toBeCloseTo(width, 6);
      expect(bleed.height).toBeCloseTo(height, 6);
      // Explicitly in the page dictionary, not inherited defaults.
      expect(page.node.get(PDFName.of('TrimBox'))).toBeDefined();
      expect(page.node.get(PDFName.of('BleedBox'))).toBeDefined();
      expect(Math.max(width, height)).toBeLessThanOrEqual(14400);
    },
  );

  it('adds crop marks outside the bleed on request, enlarging the page', async () => {
    const a2 = scene('a2');
    const doc = await PDFDocument.load(await renderPdf(a2, { ...FILE, cropMarks: true }));
    const page = doc.getPage(0);
    const margin = CROP_MARK_MARGIN_MM * PT_PER_MM;
    expect(page.getWidth()).toBeCloseTo((420 + 6 + 2 * CROP_MARK_MARGIN_MM) * PT_PER_MM, 3);
    expect(page.getHeight()).toBeCloseTo((594 + 6 + 2 * CROP_MARK_MARGIN_MM) * PT_PER_MM, 3);
    expect(page.getBleedBox().x).toBeCloseTo(margin, 3);
    expect(page.getTrimBox().x).toBeCloseTo(margin + 3 * PT_PER_MM, 3);
    expect(page.getTrimBox().width).toBeCloseTo(420 * PT_PER_MM, 3);
    const content = await contentOf(await renderPdf(a2, { ...FILE, cropMarks: true }));
    expect(content.match(/ l\n/g)?.length).toBeGreaterThanOrEqual(8);
    expect(content).toContain('1 1 1 1 K'); // registration colour for the marks
  });

  it.each(SCHEMES.map((s) => [s.id] as const))(
    'is byte-identical for the same input (%s), with and without crop marks',
    async (id) => {
      for (const cropMarks of [false, true]) {
        const a = await renderPdf(scene('a2', id), { ...FILE, cropMarks });
        const b = await renderPdf(scene('a2', id), { ...FILE, cropMarks });
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      }
    },
  );

  it('writes the fixed date and creator it is given, the producer and a document ID', async () => {
    const pdf = await renderPdf(scene('a3'), FILE);
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe(FILE.date.toISOString());
    expect(doc.getModificationDate()?.toISOString()).toBe(FILE.date.toISOString());
    expect(doc.getCreator()).toBe(FILE.creator);
    expect(doc.getProducer()).toBe('pdf-lib 1.17.1');
    expect(doc.getTitle()).toBe(longest);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });

  it.each(FORMATS.map((f) => [f.id] as const))(
    'outlines all text in %s: no font resources, no text operators',
    async (id) => {
      const pdf = await renderPdf(scene(id, 'do'), FILE);
      const raw = Buffer.from(pdf).toString('latin1');
      expect(raw).not.toMatch(/\/Type \/Font|\/FontFile|\/FontDescriptor/);
      const doc = await PDFDocument.load(pdf);
      const resources = doc.getPage(0).node.Resources();
      const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
      expect(fonts?.keys() ?? []).toEqual([]);
      const content = await contentOf(pdf);
      expect(content).not.toMatch(/\bBT\b|\bTj\b|\bTJ\b/);
    },
  );

  it('gives every colour in CMYK, none in RGB or grey', async () => {
    const content = await contentOf(await renderPdf(scene('a2', 'do'), { ...FILE, cropMarks: true }));
    expect(content).toMatch(/ k\n/);
    expect(content).not.toMatch(/ (rg|RG|g|G|sc|scn)\n/);
    expect(content).toContain('0 1 1 0.15 k'); // the red background
    expect(content).toContain('0 0.08 1 0 k'); // the yellow text
  });

  it('draws quadratic outline segments as exact cubics (not pdf-lib’s `v` shortcut)', () => {
    const quadratic = pathContent([{ op: 'M', x: 0, y: 0 }, { op: 'Q', x1: 30, y1: 30, x: 60, y: 0 }, { op: 'Z' }]);
    expect(quadratic.split('\n')).toEqual(['0 0 m', '20 20 40 20 60 0 c', 'h']);
    const lines = pathContent([
      { op: 'M', x: 1.5, y: 2 },
      { op: 'L', x: 3, y: 4 },
      { op: 'C', x1: 1, y1: 2, x2: 3, y2: 4, x: 5, y: 6 },
      { op: 'Z' },
    ]);
    expect(lines).toBe('1.5 2 m\n3 4 l\n1 2 3 4 5 6 c\nh');
  });
});

describe('rasters (Node adapter, sharp)', () => {
  it('renders the Open Graph image at its exact pixel size', async () => {
    const png = await renderRaster(scene('og-1200x630'), { format: 'png' });
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });

  it('renders a print format at the requested dpi (no density² trap)', async () => {
    const webp = await renderRaster(scene('a4'), { format: 'webp', dpi: 50 });
    expect(await sharp(webp).metadata()).toMatchObject({ format: 'webp', width: 413, height: 585 });
  });

  it('refuses a full-size banner WebP beyond WebP’s limit instead of failing inside sharp', async () => {
    await expect(renderRaster(scene('bang-ron-5x0-8'), { format: 'webp', dpi: 150 })).rejects.toThrow(RangeError);
  });
});
