import { linkSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtPages } from '../../../src/build/integrations/built-pages.ts';
import { placeFiles } from '../../../src/build/integrations/place-files.ts';

/** A cache folder with two files, a file outside it, and an empty output folder. */
function setUp() {
  const dir = mkdtempSync(join(tmpdir(), 'print-step-'));
  const cacheDir = join(dir, 'cache');
  mkdirSync(join(cacheDir, 'objects'), { recursive: true });
  const a = join(cacheDir, 'objects', 'a.pdf');
  const b = join(cacheDir, 'objects', 'b.png');
  const licence = join(dir, 'LICENSE_FONT');
  writeFileSync(a, 'pdf bytes');
  writeFileSync(b, 'png bytes');
  writeFileSync(licence, 'OFL');
  const outDir = join(dir, 'dist');
  mkdirSync(outDir);
  const files = [
    { path: 'tai-lieu/tep/a.pdf', from: a },
    { path: 'tai-lieu/xem-truoc/b.png', from: b },
    { path: 'fonts/in-an/OFL.txt', from: licence },
  ];
  return { cacheDir, outDir, files, a, licence };
}

describe('placing the print files into dist/ (src/build/integrations/place-files.ts)', () => {
  it('links the cached files and copies the rest, making the folders', async () => {
    const { cacheDir, outDir, files, a, licence } = setUp();
    expect((await placeFiles(files, outDir, cacheDir)).count).toBe(3);
    for (const file of files)
      expect(readFileSync(join(outDir, file.path), 'utf8')).toBe(readFileSync(file.from, 'utf8'));
    // A hard link: the same file, no bytes copied.
    expect(statSync(join(outDir, 'tai-lieu/tep/a.pdf')).ino).toBe(statSync(a).ino);
    // The licence comes from node_modules/: a copy, never a link into a package.
    expect(statSync(join(outDir, 'fonts/in-an/OFL.txt')).ino).not.toBe(statSync(licence).ino);
  });

  it('replaces a file already in the folder without writing into it', async () => {
    const { cacheDir, outDir, files } = setUp();
    mkdirSync(join(outDir, 'tai-lieu/tep'), { recursive: true });
    const stale = join(outDir, 'tai-lieu/tep/a.pdf');
    const elsewhere = join(outDir, 'kept.pdf');
    writeFileSync(elsewhere, 'an older build');
    // The old file is a link to another one: writing into it would change that one too.
    linkSync(elsewhere, stale);
    await placeFiles(files, outDir, cacheDir);
    expect(readFileSync(stale, 'utf8')).toBe('pdf bytes');
    expect(readFileSync(elsewhere, 'utf8')).toBe('an older build');
  });

  it('places the same files twice over', async () => {
    const { cacheDir, outDir, files } = setUp();
    await placeFiles(files, outDir, cacheDir);
    await placeFiles(files, outDir, cacheDir);
    for (const file of files)
      expect(readFileSync(join(outDir, file.path), 'utf8')).toBe(readFileSync(file.from, 'utf8'));
  });
});

describe('the pages Astro wrote (src/build/integrations/built-pages.ts)', () => {
  it('lists the HTML files of every route, in a stable order, and nothing else', () => {
    const file = (path: string) => pathToFileURL(join('/site/dist', path));
    const assets = new Map([
      ['/tai-lieu/[slug]', [file('tai-lieu/b/index.html'), file('tai-lieu/a/index.html')]],
      ['/icons/[size].png', [file('icons/192.png')]],
      ['/', [file('index.html')]],
      ['/404', [file('404.html')]],
    ]);
    expect(builtPages(assets)).toEqual(
      ['404.html', 'index.html', 'tai-lieu/a/index.html', 'tai-lieu/b/index.html'].map((path) =>
        join('/site/dist', path),
      ),
    );
  });
});
