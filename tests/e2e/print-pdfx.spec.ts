/**
 * Every PDF the build published is PDF/X-1a:2003 as qpdf (not pdf-lib, which wrote
 * them) reads it: version 1.4, one OutputIntent /GTS_PDFX naming the manifest's
 * registered condition, /Trapped /False and GTS_PDFXVersion in the Info dictionary,
 * XMP saying the same, and CMYK paths only. Needs qpdf: without it the test fails
 * and says so.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { PrintManifest } from '../../src/shared/print-files/manifest.ts';
import { readPdfx, requireQpdf } from '../unit/helpers/qpdf.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const manifest: PrintManifest = JSON.parse(readFileSync(`${dist}tai-lieu/manifest.json`, 'utf8'));
const pdfs = manifest.files.filter((f) => f.type === 'pdf');

test('every published PDF carries valid PDF/X-1a:2003 keys (read with qpdf)', () => {
  test.setTimeout(300_000);
  requireQpdf();
  expect(pdfs.length).toBeGreaterThanOrEqual(252);
  const problems = pdfs.flatMap((file) =>
    readPdfx(`${dist}${file.path}`, manifest.outputCondition.identifier).problems.map((p) => `${file.name}: ${p}`),
  );
  expect(problems).toEqual([]);
  console.log(`${pdfs.length}/${pdfs.length} PDFs with valid PDF/X keys (${manifest.outputCondition.name})`);
});

test('every poster has a crop-mark PDF, its marks outside the bleed, and no other file has marks', () => {
  requireQpdf();
  const posters = pdfs.filter((f) => f.kind === 'poster');
  const variants = posters.filter((f) => f.cropMarks);
  expect(variants.length).toBe(posters.length / 2);
  const mm = 72 / 25.4;
  for (const file of variants) {
    expect(file.name).toMatch(/_dau-cat\.pdf$/);
    const { boxes, operators } = readPdfx(`${dist}${file.path}`, manifest.outputCondition.identifier);
    // The page reaches 8 mm beyond the bleed on every side; the marks (stroked lines) sit there.
    for (const i of [0, 1]) expect(boxes.bleed[i]! - boxes.media[i]!).toBeCloseTo(8 * mm, 2);
    for (const i of [2, 3]) expect(boxes.media[i]! - boxes.bleed[i]!).toBeCloseTo(8 * mm, 2);
    expect(boxes.trim[0]! - boxes.bleed[0]!).toBeCloseTo(3 * mm, 2);
    expect(operators).toContain('S');
  }
  const plain = readPdfx(`${dist}${posters.find((f) => !f.cropMarks)!.path}`, manifest.outputCondition.identifier);
  expect(plain.boxes.media).toEqual(plain.boxes.bleed);
  expect(plain.operators).not.toContain('S');
});
