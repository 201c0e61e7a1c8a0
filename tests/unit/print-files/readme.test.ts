import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundleExtras, bundleReadme, sha256Sums } from '../../../src/build/print-files/readme.ts';
import { DEFAULT_OUTPUT_CONDITION, getOutputCondition } from '../../../src/shared/print/index.ts';
import type { ManifestFile } from '../../../src/shared/print-files/manifest.ts';

const file = (formatId: string, kind: ManifestFile['kind'], type: ManifestFile['type']): ManifestFile => ({
  path: `tai-lieu/tep/x_${formatId}_cam.${type}`,
  name: `x_${formatId}_cam.${type}`,
  sloganId: 'x',
  order: 1,
  text: 'X.',
  formatId,
  kind,
  trimMm: { width: 210, height: 297 },
  bleedMm: 3,
  pixels: null,
  dpi: null,
  scheme: 'cam',
  type,
  purpose: 'print',
  cropMarks: false,
  eyelets: false,
  bytes: 1,
  sha256: 'a'.repeat(64),
});
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');

describe('the readme and SHA256SUMS of a ZIP', () => {
  it('names what it holds, the output condition, trim and bleed, and printing at 100%', () => {
    const readme = text(bundleReadme([file('a4', 'poster', 'pdf')], DEFAULT_OUTPUT_CONDITION));
    expect(readme.startsWith('\ufeffĐỌC TRƯỚC KHI IN\r\n')).toBe(true);
    expect(readme).toContain('- x_a4_cam.pdf: Áp phích A4 (210 × 297 mm), Nền cam, chữ trắng, PDF');
    expect(readme).toContain('PDF/X-1a:2003');
    expect(readme).toContain('Japan Color 2001 Coated (JC200103)');
    expect(readme).toContain('thành phẩm 210 × 297 mm, trang PDF 216 × 303 mm');
    expect(readme).toContain('100%');
    expect(readme).toContain('VÙNG VIỀN: CHỈ IN MÀU NỀN');
    expect(readme).toContain('- Áp phích A4 (210 × 297 mm): 10 mm mỗi cạnh');
    expect(readme).not.toContain('GIA CÔNG BĂNG RÔN');
    expect(text(bundleReadme([file('a4', 'poster', 'pdf')], getOutputCondition('fogra39')))).toContain('FOGRA39');
  });

  it('writes sizes in the house form (1.189 mm, 0,8 m), also in the formats’ names', () => {
    const readme = text(
      bundleReadme(
        [file('a0', 'poster', 'pdf'), file('bang-ron-4x0-8', 'banner', 'pdf'), file('vuong-1080', 'social', 'png')],
        DEFAULT_OUTPUT_CONDITION,
      ),
    );
    expect(readme).toContain('Áp phích A0 (841 × 1.189 mm)');
    expect(readme).toContain('thành phẩm 841 × 1.189 mm, trang PDF 847 × 1.195 mm');
    expect(readme).toContain('Băng rôn 4 × 0,8 m');
    expect(readme).toContain('(1.080 × 1.080 px)');
    expect(readme).not.toMatch(/\d{4}\s*(mm|px|×)|×\s*\d{4}|\d\s+%/);
  });

  it('adds banner finishing where the ZIP holds a banner: hem, eyelet marks and where their file is', () => {
    const readme = text(bundleReadme([file('bang-ron-3x1', 'banner', 'pdf')], DEFAULT_OUTPUT_CONDITION));
    expect(readme).toMatch(/GIA CÔNG BĂNG RÔN\r\n.*bạt hiflex.*khoen \(ô-dê\)/);
    expect(readme).toContain('- Băng rôn 3 × 1 m: 40 mm mỗi cạnh');
    expect(readme).toContain('_khoen.pdf');
    expect(readme).toContain('cách nhau không quá 50 cm');
    expect(readme).toContain('không theo tiêu chuẩn nào');
    expect(readme).toContain('không có trong gói này');
  });

  it('lists every member and the readme in the form sha256sum -c reads', () => {
    expect(sha256Sums([{ name: 'a.pdf', sha256: 'f'.repeat(64) }])).toBe(`${'f'.repeat(64)}  a.pdf\n`);
    const members = [file('a4', 'poster', 'pdf'), file('a4', 'poster', 'svg')];
    const [readme, sums] = bundleExtras(members, DEFAULT_OUTPUT_CONDITION);
    const readmeSha = createHash('sha256').update(readme!.data).digest('hex');
    expect(text(sums!.data)).toBe(
      `${'a'.repeat(64)}  x_a4_cam.pdf\n${'a'.repeat(64)}  x_a4_cam.svg\n${readmeSha}  DOC-TRUOC-KHI-IN.txt\n`,
    );
  });
});
