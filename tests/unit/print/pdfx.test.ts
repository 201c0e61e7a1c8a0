/**
 * PDF/X-1a:2003 as another library sees it: every PDF the engine writes is read
 * back with qpdf (not pdf-lib, which wrote it). The built site's PDFs get the same
 * check in tests/e2e/print-pdfx.spec.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, OUTPUT_CONDITIONS, isPrintFormat, layoutScene, renderPdf } from '../../../src/shared/print/index.ts';
import { readPdfx, requireQpdf } from '../helpers/qpdf.ts';
import { input, loadSlogans } from './helpers.ts';

const FILE = { date: new Date('2031-11-15T00:00:00Z'), creator: 'Công cụ thử nghiệm' } as const;
const slogan = loadSlogans()[0]!.text;
let dir = '';

beforeAll(() => {
  requireQpdf();
  dir = mkdtempSync(join(tmpdir(), 'pdfx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function write(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

describe('PDF/X-1a:2003, read with qpdf', () => {
  it.each(FORMATS.filter(isPrintFormat).map((f) => [f.id] as const))(
    '%s: version, OutputIntent, Info, XMP, CMYK only',
    async (id) => {
      const bytes = await renderPdf(layoutScene(input(slogan, id, 'do')), { ...FILE, subject: 'Chủ đề <&>' });
      const report = readPdfx(await write(`${id}.pdf`, bytes));
      expect(report.problems).toEqual([]);
      expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.4');
      expect(report.outputIntent['/Info']).toBe('u:Japan Color 2001 Coated');
      expect(report.operators).toContain('k');
      expect(report.xmp).toContain('Chủ đề &lt;&amp;&gt;');
    },
  );

  it.each(OUTPUT_CONDITIONS.map((c) => [c.id, c] as const))(
    'names the chosen condition (%s)',
    async (id, condition) => {
      const scene = layoutScene(input(slogan, 'a3', 'cam'));
      const bytes = await renderPdf(scene, { ...FILE, outputCondition: id, cropMarks: true });
      const report = readPdfx(await write(`c-${id}.pdf`, bytes), condition.identifier);
      expect(report.problems).toEqual([]);
      expect(report.outputIntent['/Info']).toBe(`u:${condition.name}`);
      // Same input, same bytes: the metadata carries no clock.
      expect(
        Buffer.from(await renderPdf(scene, { ...FILE, outputCondition: condition, cropMarks: true })).equals(
          Buffer.from(bytes),
        ),
      ).toBe(true);
    },
  );

  it('reports a file that is not PDF/X', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage([100, 100]).drawRectangle({ x: 0, y: 0, width: 10, height: 10 });
    const report = readPdfx(await write('plain.pdf', await doc.save({ useObjectStreams: false })));
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'version 1.7, not 1.4',
        '0 OutputIntents',
        '/Trapped undefined',
        'GTS_PDFXVersion missing',
      ]),
    );
    expect(report.problems.join()).toMatch(/operators other than CMYK paths: .*rg/);
  });
});
