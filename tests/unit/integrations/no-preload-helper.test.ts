import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';
import { noPreloadHelper, PRELOAD_HELPER_CODE } from '../../../src/build/integrations/no-preload-helper.ts';

/** A real Vite browser build of `files` (the two `page*.js` are its entries), with or without the plugin. */
async function bundle(files: Record<string, string>, withPlugin = true): Promise<Rollup.OutputChunk[]> {
  const dir = mkdtempSync(join(tmpdir(), 'no-preload-helper-'));
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  const output = await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: withPlugin ? [noPreloadHelper()] : [],
    build: {
      write: false,
      minify: false,
      rollupOptions: { input: { a: join(dir, 'page-a.js'), b: join(dir, 'page-b.js') } },
    },
  });
  const results = Array.isArray(output) ? output : [output];
  return results
    .flatMap((result) => ('output' in result ? result.output : []))
    .filter((file): file is Rollup.OutputChunk => file.type === 'chunk');
}

/** Two pages' scripts that each import a module of their own later, as the header's search and the customiser do. */
const PAGES = {
  'page-a.js': `document.body.onclick = () => import('./lazy-a.js').then((m) => m.run());`,
  'page-b.js': `document.body.onclick = () => import('./lazy-b.js').then((m) => m.run());`,
  'lazy-a.js': `export const run = () => console.log('a');`,
  'lazy-b.js': `export const run = () => console.log('b');`,
};

describe('the browser bundle without the preload helper', () => {
  it("has no chunk for Vite's helper: each page's script runs its import() itself", async () => {
    // Without the plugin, the two pages share Vite's helper: a chunk, and a request, of its own.
    const before = await bundle(PAGES, false);
    expect(before.map((chunk) => chunk.fileName).filter((name) => /preload-helper/.test(name))).toHaveLength(1);

    const chunks = await bundle(PAGES);
    expect(chunks.map((chunk) => chunk.name).sort()).toEqual(['a', 'b', 'lazy-a', 'lazy-b']);
    for (const page of chunks.filter((chunk) => chunk.isEntry)) {
      expect(page.imports).toEqual([]);
      expect(page.dynamicImports).toHaveLength(1);
      expect(page.code).toContain(PRELOAD_HELPER_CODE.replace('export const ', '').replace(/;$/, ''));
      expect(page.code).not.toMatch(/modulepreload|relList|vite:preloadError/);
    }
  });

  it('stops the build, naming the chunk and its CSS, when a dynamically imported chunk has CSS', async () => {
    await expect(
      bundle({ ...PAGES, 'lazy-b.js': `import './lazy.css'; export const run = () => 1;`, 'lazy.css': 'p{color:red}' }),
    ).rejects.toThrow(/no-preload-helper\.ts: .*lazy-b.*\.js \(imported dynamically\) has CSS: .*\.css/);
  });
});
