import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { getManifest } from 'workbox-build';
import { describe, expect, it } from 'vitest';
import { checkEntries, downloadPattern, precacheOptions } from '../../../src/build/integrations/offline.ts';

/** A small build folder with one file of every kind the real one has. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'offline-'));
  const files: Record<string, string> = {
    'index.html': '<h1>home</h1>',
    '404.html': '<h1>404</h1>',
    'ngoai-tuyen/index.html': '<h1>offline</h1>',
    'khau-hieu/a/index.html': '<h1>a</h1>',
    'tai-lieu/index.html': '<h1>materials</h1>',
    'tai-lieu/a/index.html': '<h1>files of a</h1>',
    'tai-lieu/tep/a_a4_cam.pdf': '%PDF',
    'tai-lieu/tep/a_a4_cam.svg': '<svg/>',
    'tai-lieu/tep/a_a4_cam.png': 'png',
    'tai-lieu/xem-truoc/a_a4_cam.webp': 'webp',
    'tai-lieu/goi/a_tat-ca-kho.zip': 'zip',
    'tai-lieu/manifest.json': '{}',
    'tai-lieu/SHA256SUMS': 'sums',
    '_astro/index.AbCd1234.css': 'css',
    '_astro/page.AbCd1234.js': 'js',
    '_astro/font.AbCd1234.woff2': 'woff2',
    'fonts/in-an/BeVietnamPro_700Bold.ttf': 'ttf',
    'pagefind/pagefind.js': 'js',
    'pagefind/pagefind-entry.json': '{}',
    'pagefind/wasm.unknown.pagefind': 'wasm',
    'pagefind/pagefind.vi_9bc7.pf_meta': 'meta',
    'pagefind/index/vi_1a2b.pf_index': 'index',
    'pagefind/fragment/vi_3c4d.pf_fragment': 'fragment',
    'manifest.webmanifest': '{}',
    'icons/192.png': 'png',
    'favicon.svg': '<svg/>',
    'sitemap.xml': '<urlset/>',
    'lich-trinh/thang-hanh-dong.ics': 'BEGIN:VCALENDAR',
    'sw.js': 'old worker',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const listed = async (root: string) => {
  const { manifestEntries, warnings } = await getManifest(precacheOptions(root));
  expect(warnings).toEqual([]);
  return new Map((manifestEntries ?? []).map((entry) => [entry.url, entry.revision]));
};

describe('the offline copy (src/build/integrations/offline.ts)', () => {
  it('precaches every page, style, script, font and the search index, and never a print file', async () => {
    const entries = await listed(fakeBuild());
    expect([...entries.keys()].sort()).toEqual([
      '_astro/font.AbCd1234.woff2',
      '_astro/index.AbCd1234.css',
      '_astro/page.AbCd1234.js',
      'favicon.svg',
      'fonts/in-an/BeVietnamPro_700Bold.ttf',
      'icons/192.png',
      'index.html',
      'khau-hieu/a/index.html',
      'manifest.webmanifest',
      'ngoai-tuyen/index.html',
      'pagefind/fragment/vi_3c4d.pf_fragment',
      'pagefind/index/vi_1a2b.pf_index',
      'pagefind/pagefind-entry.json',
      'pagefind/pagefind.js',
      'pagefind/pagefind.vi_9bc7.pf_meta',
      'pagefind/wasm.unknown.pagefind',
      'tai-lieu/a/index.html',
      'tai-lieu/index.html',
    ]);
  });

  it('gives a new revision to what a new build changed, and none to files named by their hash', async () => {
    const root = fakeBuild();
    const before = await listed(root);
    writeFileSync(join(root, 'khau-hieu/a/index.html'), '<h1>a, changed</h1>');
    const after = await listed(root);
    expect(after.get('khau-hieu/a/index.html')).not.toBe(before.get('khau-hieu/a/index.html'));
    for (const url of ['index.html', 'pagefind/pagefind.js', 'fonts/in-an/BeVietnamPro_700Bold.ttf'])
      expect(after.get(url), url).toBe(before.get(url));
    expect(before.get('index.html')).toMatch(/^[0-9a-f]{12}$/);
    for (const url of [
      '_astro/page.AbCd1234.js',
      'pagefind/index/vi_1a2b.pf_index',
      'pagefind/pagefind.vi_9bc7.pf_meta',
    ])
      expect(before.get(url), url).toBeNull();
  });

  it('stops the build if a print file would enter the copy', () => {
    expect(() => checkEntries([{ url: 'tai-lieu/tep/a_a4_cam.pdf', revision: '1' }])).toThrow(
      /print files must never be precached.*tai-lieu\/tep\/a_a4_cam\.pdf/,
    );
  });

  it('keeps downloads once fetched: print files and the calendar, not the pages of tai-lieu/', () => {
    for (const base of ['/', '/thang-hanh-dong/']) {
      const pattern = downloadPattern(base);
      const at = (path: string) => pattern.test(`https://example.gov.vn${base}${path}`);
      for (const path of [
        'tai-lieu/tep/a_a4_cam.pdf',
        'tai-lieu/goi/a_tat-ca-kho.zip',
        'tai-lieu/xem-truoc/a_a4_cam.webp',
        'tai-lieu/SHA256SUMS',
        'lich-trinh/thang-hanh-dong-2020.ics',
      ])
        expect(at(path), path).toBe(true);
      for (const path of ['tai-lieu/', 'tai-lieu/a/', 'khau-hieu/', 'lich-trinh/', 'sw.js'])
        expect(at(path), path).toBe(false);
    }
    expect(downloadPattern('/x/').test('https://example.gov.vn/tai-lieu/tep/a.pdf')).toBe(false);
  });
});
