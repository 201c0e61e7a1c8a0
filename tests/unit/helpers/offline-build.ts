import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A small build folder with one file of every kind the real one has. */
export function fakeBuild(): string {
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
