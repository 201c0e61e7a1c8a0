import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getManifest } from 'workbox-build/build/get-manifest.js';
import { describe, expect, it } from 'vitest';
import {
  checkEntries,
  downloadPattern,
  HASHED_NAMES,
  NOT_PRECACHED,
  PRECACHED,
  precacheList,
} from '../../../src/build/integrations/offline.ts';
import { fakeBuild } from '../helpers/offline-build.ts';

const listed = async (root: string) => {
  const { manifestEntries, warnings } = await precacheList(root);
  expect(warnings).toEqual([]);
  return new Map(manifestEntries.map((entry) => [entry.url, entry.revision]));
};

/** Workbox's own list of the build in `root`, asked with the rules the build's lister follows. */
const workboxList = (root: string) =>
  getManifest({
    globDirectory: root,
    globPatterns: PRECACHED,
    globIgnores: NOT_PRECACHED,
    dontCacheBustURLsMatching: HASHED_NAMES,
    manifestTransforms: [(entries) => ({ manifest: checkEntries(entries), warnings: [] })],
  });

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

  it("lists what workbox-build's getManifest lists, with the same revisions, sizes and limit", async () => {
    const root = fakeBuild();
    writeFileSync(join(root, 'index.html'), 'x'.repeat(3 * 1024 * 1024));
    const [ours, workbox] = await Promise.all([precacheList(root), workboxList(root)]);
    const byUrl = (entries: readonly { url: string }[]) => [...entries].sort((a, b) => (a.url < b.url ? -1 : 1));
    expect(ours.manifestEntries).toEqual(byUrl(workbox.manifestEntries ?? []));
    expect([ours.count, ours.size]).toEqual([workbox.count, workbox.size]);
    // The file over workbox's default size limit is left out, with a warning (the build stops on it).
    expect(ours.manifestEntries.map((entry) => entry.url)).not.toContain('index.html');
    expect(ours.warnings).toHaveLength(1);
    expect(ours.warnings[0]).toMatch(/^index\.html is 3145728 bytes/);
    expect(workbox.warnings.join('\n')).toMatch(/index\.html/);
  });

  it('warns of a pattern that matches nothing, as Workbox does (the build stops on it)', async () => {
    const root = fakeBuild();
    rmSync(join(root, 'icons'), { recursive: true });
    const [ours, workbox] = await Promise.all([precacheList(root), workboxList(root)]);
    expect(ours.warnings).toEqual(['no file in the build matches icons/*.png']);
    expect(workbox.warnings.join('\n')).toMatch(/icons\/\*\.png/);
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
