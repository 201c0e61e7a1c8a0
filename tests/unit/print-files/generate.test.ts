import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/build/content/load.ts';
import { getFormat, getScheme } from '../../../src/shared/print/index.ts';
import { generatePrintFiles, type GenerateResult, type PrintSource } from '../../../src/build/print-files/generate.ts';
import {
  FILES_DIR,
  MANIFEST_PATH,
  PREVIEWS_DIR,
  type PrintManifest,
} from '../../../src/shared/print-files/manifest.ts';
import { posterFooterFrom, posterHeading } from '../../../src/shared/print-texts.ts';
import { contentDir, repoRoot } from '../helpers/content.ts';
import { readZip } from './zip-reader.ts';

// A small but complete run: two slogans from the content, a poster, a banner and
// a social image, one colour scheme. The build does the same for all of them.
const content = loadContent(contentDir);
const slogans = content.slogans.filter((s) => s.order === 5 || s.order === 6);
const source: PrintSource = {
  slogans,
  heading: posterHeading(content.campaign[0]!),
  footer: posterFooterFrom(content.helpLines),
  publishing: content.campaign[0]!.publishing,
};
const formats = ['a4', 'bang-ron-3x1', 'og-1200x630'].map(getFormat);
const schemes = [getScheme('cam')];
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

let cacheDir: string;
let first: GenerateResult;

beforeAll(async () => {
  cacheDir = mkdtempSync(join(tmpdir(), 'print-files-'));
  first = await generatePrintFiles({ root: repoRoot, cacheDir, source, formats, schemes });
}, 120_000);

const fileOf = (result: GenerateResult, path: string): string => {
  const entry = result.siteFiles.find((f) => f.path === path);
  if (!entry) throw new Error(`no site file for ${path}`);
  return entry.from;
};

describe('print files', () => {
  it('builds the footer from the help line 111 in the content, free and 24/7 as its source says', () => {
    expect(source.footer).toBe('Tổng đài điện thoại quốc gia bảo vệ trẻ em 111 (miễn phí, 24/7)');
  });

  it('makes PDF and SVG for print formats, a crop-mark PDF for posters, an eyelet PDF for banners, PNG for A4 and social images, a WebP preview and AVIF previews for each', () => {
    const names = first.manifest.files
      .filter((f) => f.sloganId === 'cham-dut-bao-luc-vun-dap-yeu-thuong')
      .map((f) => f.path);
    const base = 'cham-dut-bao-luc-vun-dap-yeu-thuong';
    expect(names.sort()).toEqual(
      [
        `${FILES_DIR}${base}_a4_cam.pdf`,
        `${FILES_DIR}${base}_a4_cam_dau-cat.pdf`,
        `${FILES_DIR}${base}_a4_cam.svg`,
        `${FILES_DIR}${base}_a4_cam.png`,
        `${FILES_DIR}${base}_bang-ron-3x1_cam.pdf`,
        `${FILES_DIR}${base}_bang-ron-3x1_cam.svg`,
        `${FILES_DIR}${base}_bang-ron-3x1_cam_khoen.pdf`,
        `${FILES_DIR}${base}_og-1200x630_cam.png`,
        `${PREVIEWS_DIR}${base}_a4_cam.webp`,
        `${PREVIEWS_DIR}${base}_bang-ron-3x1_cam.webp`,
        `${PREVIEWS_DIR}${base}_og-1200x630_cam.webp`,
        // Half the WebP's width, 160 px and all of it (avifWidths()).
        `${PREVIEWS_DIR}${base}_a4_cam_113.avif`,
        `${PREVIEWS_DIR}${base}_a4_cam_160.avif`,
        `${PREVIEWS_DIR}${base}_a4_cam_226.avif`,
        `${PREVIEWS_DIR}${base}_bang-ron-3x1_cam_160.avif`,
        `${PREVIEWS_DIR}${base}_bang-ron-3x1_cam_320.avif`,
        `${PREVIEWS_DIR}${base}_og-1200x630_cam_160.avif`,
        `${PREVIEWS_DIR}${base}_og-1200x630_cam_320.avif`,
      ].sort(),
    );
    for (const file of first.manifest.files)
      expect(file.name).toMatch(/^[a-z0-9-]+_[a-z0-9-]+_[a-z]+((_dau-cat|_khoen)?\.(pdf|svg|png|webp)|_\d+\.avif)$/);
  });

  it('lists in the manifest the true size and SHA-256 of every file and bundle', () => {
    const all = [...first.manifest.files, ...first.manifest.bundles];
    expect(all.length).toBe(2 * 18 + 2 + 3);
    for (const entry of all) {
      const bytes = readFileSync(fileOf(first, entry.path));
      expect(entry.bytes, entry.path).toBe(bytes.length);
      expect(entry.sha256, entry.path).toBe(sha256(bytes));
    }
    const onDisk = JSON.parse(readFileSync(join(cacheDir, 'manifest.json'), 'utf8')) as PrintManifest;
    expect(onDisk).toEqual(first.manifest);
    // The published file is the manifest itself: the pages read it from there (print-files.ts).
    const published = JSON.parse(readFileSync(fileOf(first, MANIFEST_PATH), 'utf8')) as PrintManifest;
    expect(published).toEqual(first.manifest);
  });

  it('records slogan, format, trim size and scheme as the content and the formats say', () => {
    const pdf = first.manifest.files.find((f) => f.name === 'cham-dut-bao-luc-doi-voi-phu-nu-va-tre-em_a4_cam.pdf')!;
    expect(pdf).toMatchObject({
      sloganId: 'cham-dut-bao-luc-doi-voi-phu-nu-va-tre-em',
      order: 6,
      text: slogans.find((s) => s.order === 6)!.text,
      formatId: 'a4',
      kind: 'poster',
      trimMm: { width: 210, height: 297 },
      bleedMm: 3,
      scheme: 'cam',
      type: 'pdf',
      purpose: 'print',
    });
    const og = first.manifest.files.find((f) => f.name.endsWith('_og-1200x630_cam.png'))!;
    expect(og).toMatchObject({ kind: 'social', trimMm: null, bleedMm: 0, pixels: { width: 1200, height: 630 } });
  });

  it('writes files that are what they claim: PDF boxes, PNG at 150 dpi, WebP and AVIF previews', async () => {
    const pdf = first.manifest.files.find((f) => f.type === 'pdf' && f.formatId === 'a4')!;
    const page = (await PDFDocument.load(readFileSync(fileOf(first, pdf.path)))).getPage(0);
    expect(page.getTrimBox().width).toBeCloseTo((210 * 72) / 25.4, 2);
    for (const file of first.manifest.files.filter((f) => ['png', 'webp', 'avif'].includes(f.type))) {
      const meta = await sharp(readFileSync(fileOf(first, file.path))).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        // sharp names the AVIF container by its family, HEIF.
        format: file.type === 'avif' ? 'heif' : file.type,
        width: file.pixels!.width,
        height: file.pixels!.height,
      });
    }
    const a4png = first.manifest.files.find((f) => f.type === 'png' && f.formatId === 'a4')!;
    expect(a4png.pixels).toEqual({ width: 1240, height: 1754 }); // 210 × 297 mm at 150 dpi
    expect(a4png.dpi).toBe(150);
    // The resolution is in the file, so an office printer prints it at A4.
    expect((await sharp(readFileSync(fileOf(first, a4png.path))).metadata()).density).toBe(150);
  });

  it('bundles every print file of a slogan, and every slogan of a format, byte for byte', () => {
    const sloganBundle = first.manifest.bundles.find(
      (b) => b.scope === 'slogan' && b.sloganId === 'cham-dut-bao-luc-vun-dap-yeu-thuong',
    )!;
    expect(sloganBundle.name).toBe('cham-dut-bao-luc-vun-dap-yeu-thuong_tat-ca-kho.zip');
    const formatBundle = first.manifest.bundles.find((b) => b.scope === 'format' && b.formatId === 'a4')!;
    expect(formatBundle.name).toBe('tat-ca-khau-hieu_a4.zip');
    for (const bundle of [sloganBundle, formatBundle]) {
      const entries = readZip(readFileSync(fileOf(first, bundle.path)));
      expect(entries.map((e) => e.name)).toEqual(bundle.files);
      // The print files, then the readme and the checksums of everything before them.
      expect(bundle.files.slice(-2)).toEqual(['DOC-TRUOC-KHI-IN.txt', 'SHA256SUMS']);
      const sums = entries.at(-1)!.data.toString('utf8');
      for (const entry of entries.slice(0, -1)) expect(sums).toContain(`${sha256(entry.data)}  ${entry.name}\n`);
      for (const entry of entries.slice(0, -2)) {
        const listed = first.manifest.files.find((f) => f.name === entry.name)!;
        expect(listed.purpose).toBe('print');
        expect(sha256(entry.data), entry.name).toBe(listed.sha256);
      }
    }
    expect(formatBundle.files).toHaveLength(2 * 4 + 2);
  });

  it('renders nothing on an unchanged rebuild and gives the same manifest', async () => {
    const again = await generatePrintFiles({ root: repoRoot, cacheDir, source, formats, schemes });
    expect(again.stats).toMatchObject({ rendered: 0, reused: first.manifest.files.length, bundlesBuilt: 0 });
    expect(again.manifest).toEqual(first.manifest);
    for (const file of again.siteFiles) expect(statSync(file.from).isFile()).toBe(true);
  });

  it('renders again what a changed input touches, and only that', async () => {
    const edited: PrintSource = {
      ...source,
      slogans: [slogans[0]!, { ...slogans[1]!, text: `${slogans[1]!.text} ` + '!' }],
    };
    const result = await generatePrintFiles({ root: repoRoot, cacheDir, source: edited, formats, schemes });
    // A slogan's 18 files: 11 print files and WebP previews, 7 AVIF previews.
    expect(result.stats.rendered).toBe(18);
    expect(result.stats.reused).toBe(18);
    // Back to the real content: the edited files were dropped from the cache, so they are made again.
    const back = await generatePrintFiles({ root: repoRoot, cacheDir, source, formats, schemes });
    expect(back.stats.rendered).toBe(18);
    expect(back.manifest).toEqual(first.manifest);
  }, 120_000);
});
