import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { noNodeInClientPlugin } from '../../../src/build/integrations/client-guard.ts';
import { repoRoot } from '../helpers/content.ts';

/** A real Vite browser build of one entry module, with the guard; resolves to the bundled code. */
async function bundle(source: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'client-guard-'));
  writeFileSync(join(dir, 'entry.js'), source);
  const output = await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [noNodeInClientPlugin(`${repoRoot}/`)],
    build: { write: false, minify: false, rollupOptions: { input: join(dir, 'entry.js') } },
  });
  const results = Array.isArray(output) ? output : [output];
  return results
    .flatMap((result) => ('output' in result ? result.output : []))
    .map((chunk) => ('code' in chunk ? chunk.code : ''))
    .join('\n');
}

const engine = (path: string) => JSON.stringify(join(repoRoot, path));

describe('browser bundle guard', () => {
  it('fails the build on a Node built-in, with or without the node: prefix', async () => {
    await expect(bundle(`import { readFileSync } from 'node:fs'; console.log(readFileSync);`)).rejects.toThrow(
      /Node built-in module/,
    );
    await expect(bundle(`import { join } from 'path'; console.log(join);`)).rejects.toThrow(
      /"path" is a Node built-in module/,
    );
  });

  it('fails the build on sharp and on the engine’s Node-only adapters', async () => {
    await expect(bundle(`import sharp from 'sharp'; console.log(sharp);`)).rejects.toThrow(/Node-only package sharp/);
    await expect(
      bundle(`import { loadPrintFonts } from ${engine('src/build/print/load-fonts.ts')}; console.log(loadPrintFonts);`),
    ).rejects.toThrow(/src\/build\/print\/load-fonts\.ts" is Node-only \(src\/build\/\)/);
    await expect(
      bundle(
        `import { generatePrintFiles } from ${engine('src/build/print-files/generate.ts')}; console.log(generatePrintFiles);`,
      ),
    ).rejects.toThrow(/Node-only/);
  });

  it('lets the shared engine through: layout, SVG and PDF renderers build for the browser', async () => {
    const code = await bundle(
      `import { layoutScene, renderSvg, renderPdf } from ${engine('src/shared/print/index.ts')}; console.log(layoutScene, renderSvg, renderPdf);`,
    );
    expect(code).toContain('TrimBox');
    expect(code).not.toMatch(/__vite-browser-external/);
  }, 60_000);
});
