import { describe, expect, it } from 'vitest';
import { getFormat, getScheme } from '../../../src/shared/print/index.ts';
import { DEFAULT_FINISHING } from '../../../src/shared/print/finishing.ts';
import {
  outputPath,
  outputsFor,
  type ManifestFile,
  type PrintManifest,
} from '../../../src/shared/print-files/manifest.ts';
import {
  fileLabel,
  fileLabelsOf,
  fileLinks,
  linkPreviewImageOf,
  previewOf,
  sloganBundleLink,
} from '../../../src/shared/print-files/view.ts';

// A manifest as the generator writes it, for one slogan in A4 (PDF, SVG, PNG 150 dpi,
// preview) and the 1200 × 630 social image (PNG, preview), one colour scheme.
const slogan = { id: 'cham-dut-bao-luc-vun-dap-yeu-thuong', order: 5 };
const scheme = getScheme('cam');
const a4 = getFormat('a4');
const og = getFormat('og-1200x630');
const pixels: Record<string, { width: number; height: number }> = {
  'a4 png': { width: 1240, height: 1754 },
  'a4 webp': { width: 226, height: 320 },
  'og-1200x630 png': { width: 1200, height: 630 },
  'og-1200x630 webp': { width: 320, height: 168 },
};
const files: ManifestFile[] = [a4, og].flatMap((format) =>
  outputsFor(format).map((spec) => {
    const path = outputPath(slogan.id, format.id, scheme.id, spec);
    return {
      path,
      name: path.slice(path.lastIndexOf('/') + 1),
      sloganId: slogan.id,
      order: slogan.order,
      text: 'Chấm dứt bạo lực, vun đắp yêu thương.',
      formatId: format.id,
      kind: format.kind,
      trimMm: null,
      bleedMm: 0,
      pixels:
        spec.type === 'avif'
          ? { width: spec.width!, height: Math.round((spec.width! * format.height) / format.width) }
          : (pixels[`${format.id} ${spec.type}`] ?? null),
      dpi: spec.dpi ?? null,
      scheme: scheme.id,
      type: spec.type,
      purpose: spec.purpose,
      cropMarks: spec.cropMarks === true,
      eyelets: spec.eyelets === true,
      bytes: 1,
      sha256: '0'.repeat(64),
    };
  }),
);
const bundle = {
  path: `tai-lieu/goi/${slogan.id}_tat-ca-kho.zip`,
  name: `${slogan.id}_tat-ca-kho.zip`,
  type: 'zip' as const,
  scope: 'slogan' as const,
  sloganId: slogan.id,
  formatId: null,
  files: files.filter((f) => f.purpose === 'print').map((f) => f.name),
  bytes: 1,
  sha256: '0'.repeat(64),
};
const manifest: PrintManifest = {
  version: 1,
  generator: '0',
  finishing: DEFAULT_FINISHING,
  heading: '',
  footer: '',
  unitLine: '',
  outputCondition: { id: 'japan-color-2001-coated', identifier: 'JC200103', name: 'Japan Color 2001 Coated' },
  files,
  bundles: [bundle],
  artworks: [
    {
      sloganId: slogan.id,
      formatId: 'a4',
      scheme: 'cam',
      lines: { slogan: ['CHẤM DỨT BẠO LỰC,', 'VUN ĐẮP YÊU THƯƠNG'] },
      capHeights: { slogan: 15.2 },
      hem: 10,
    },
  ],
};
const fileOf = (formatId: string, type: string) => files.find((f) => f.formatId === formatId && f.type === type)!;

describe('print file views', () => {
  it('labels a PNG by its resolution for office printers and by its pixels for a social image', () => {
    expect(fileLabel(fileOf('a4', 'pdf'))).toBe('PDF');
    expect(fileLabel(fileOf('a4', 'svg'))).toBe('SVG');
    expect(fileLabel(fileOf('a4', 'png'))).toBe('PNG 150 dpi');
    expect(fileLabel(fileOf('og-1200x630', 'png'))).toBe('PNG 1.200 × 630 px');
  });

  it('lists PDF, SVG then PNG, without the preview, each with its context for screen readers', () => {
    const links = fileLinks(manifest, slogan, a4, scheme);
    expect(links.map((link) => link.label)).toEqual(['PDF', 'PDF có dấu cắt', 'SVG', 'PNG 150 dpi']);
    expect(new Set(links.map((link) => link.context))).toEqual(
      new Set([`khẩu hiệu số 5, ${a4.label}, ${scheme.label}`]),
    );
    expect(fileLinks(manifest, slogan, og, scheme).map((link) => link.file.path)).toEqual([
      fileOf('og-1200x630', 'png').path,
    ]);
    expect(fileLinks(manifest, slogan, getFormat('a2'), scheme)).toEqual([]);
  });

  it('sums up the types of a format for the guide, each once', () => {
    expect(fileLabelsOf(manifest, 'a4')).toBe('PDF, PDF có dấu cắt, SVG, PNG 150 dpi');
    expect(fileLabelsOf(manifest, 'og-1200x630')).toBe('PNG 1.200 × 630 px');
  });

  it('shows a preview at half its pixels with its AVIF files, and finds the link preview image and the slogan bundle', () => {
    const avif = files.filter((f) => f.formatId === 'a4' && f.type === 'avif');
    expect(avif.map((f) => f.name)).toEqual([113, 160, 226].map((w) => `${slogan.id}_a4_cam_${w}.avif`));
    expect(previewOf(manifest, slogan.id, 'a4', 'cam')).toEqual({
      file: fileOf('a4', 'webp'),
      avif,
      width: 113,
      height: 160,
      alt: 'Bản xem trước, các dòng chữ: CHẤM DỨT BẠO LỰC, / VUN ĐẮP YÊU THƯƠNG',
    });
    expect(previewOf(manifest, slogan.id, 'a2', 'cam')).toBeUndefined();
    expect(linkPreviewImageOf(manifest, slogan.id)).toBe(fileOf('og-1200x630', 'png'));
    expect(sloganBundleLink(manifest, slogan)).toEqual({
      file: bundle,
      label: 'Tải trọn gói khẩu hiệu này (ZIP, mọi khổ)',
      context: 'khẩu hiệu số 5',
    });
    expect(sloganBundleLink(manifest, { id: 'khong-co', order: 99 })).toBeUndefined();
  });
});
