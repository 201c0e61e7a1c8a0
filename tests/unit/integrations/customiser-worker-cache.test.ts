/**
 * The customiser's worker bundle kept between builds (src/build/integrations/customiser-worker-cache.ts):
 * its key covers every module of the worker, a change anywhere in them (or the base path) is
 * another key, the cache is written whole and read back as written, and the worker's files are
 * found by following its imports.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  customiserWorkerCache,
  readWorkerCache,
  WORKER_SOURCES,
  workerFiles,
  workerKey,
  writeWorkerCache,
} from '../../../src/build/integrations/customiser-worker-cache.ts';
import { modulesOutside } from '../helpers/module-graph.ts';

/** A project with a file in each of the key's folders. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'worker-cache-'));
  for (const dir of ['src/components/customiser', 'src/shared/print', 'src/i18n'])
    mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'src/components/customiser/engine.worker.ts'), 'export {};\n');
  writeFileSync(join(root, 'src/shared/print/layout.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/i18n/vi.json'), '{}\n');
  writeFileSync(join(root, 'astro.config.mjs'), 'export default {};\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  return root;
}

describe("the customiser worker's cache", () => {
  it('has another key after any change to its sources or the base path', () => {
    const root = project();
    const key = workerKey(root, '/');
    expect(workerKey(root, '/')).toBe(key);
    const keys = [workerKey(root, '/chien-dich/')];
    for (const file of ['src/shared/print/layout.ts', 'astro.config.mjs', 'package-lock.json', 'src/i18n/vi.json']) {
      appendFileSync(join(root, file), '\n');
      keys.push(workerKey(root, '/'));
    }
    writeFileSync(join(root, 'src/components/customiser/new.ts'), 'export {};\n');
    keys.push(workerKey(root, '/'));
    expect(new Set([key, ...keys]).size).toBe(keys.length + 1);
  });

  it('reads back what it wrote, and only under its key; older keys are removed', () => {
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'worker-cache-')), 'cache');
    const files = new Map([
      ['_astro/engine.worker-A.js', Buffer.from('import("./render-pdf-B.js")')],
      ['_astro/render-pdf-B.js', Buffer.from('export const pdf = 1;')],
    ]);
    expect(readWorkerCache(cacheDir, 'k1')).toBeUndefined();
    writeWorkerCache(cacheDir, 'k1', '_astro/engine.worker-A.js', files);
    const read = readWorkerCache(cacheDir, 'k1')!;
    expect(read.entry.worker).toBe('_astro/engine.worker-A.js');
    expect([...read.sources]).toEqual([...files]);
    expect(readWorkerCache(cacheDir, 'k2')).toBeUndefined();
    writeWorkerCache(cacheDir, 'k2', '_astro/engine.worker-A.js', files);
    expect(readdirSync(cacheDir)).toEqual(['k2']);
  });

  it('counts an entry with a file missing, or unreadable, as none', () => {
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'worker-cache-')), 'cache');
    writeWorkerCache(
      cacheDir,
      'k',
      '_astro/engine.worker-A.js',
      new Map([['_astro/engine.worker-A.js', Buffer.from('x')]]),
    );
    writeFileSync(
      join(cacheDir, 'k', 'entry.json'),
      JSON.stringify({ worker: '_astro/engine.worker-A.js', files: ['_astro/engine.worker-A.js', '_astro/gone.js'] }),
    );
    expect(readWorkerCache(cacheDir, 'k')).toBeUndefined();
    writeFileSync(join(cacheDir, 'k', 'entry.json'), '{"worker": ');
    expect(readWorkerCache(cacheDir, 'k')).toBeUndefined();
  });

  it("finds the worker's files by following its imports, and refuses a bundle that lacks one", () => {
    const sources = new Map([
      ['_astro/engine.worker-A.js', 'import{a}from"./shared-C.js";const p=()=>import(`./render-pdf-B.js`);'],
      ['_astro/render-pdf-B.js', 'import{a}from"./shared-C.js";new URL("./engine-D.wasm",import.meta.url)'],
      ['_astro/shared-C.js', 'export const a=1;'],
      ['_astro/engine-D.wasm', ''],
      ['_astro/page-E.js', 'new Worker(new URL("/_astro/engine.worker-A.js", "" + import.meta.url))'],
    ]);
    expect(workerFiles('_astro/engine.worker-A.js', sources)?.sort()).toEqual([
      '_astro/engine-D.wasm',
      '_astro/engine.worker-A.js',
      '_astro/render-pdf-B.js',
      '_astro/shared-C.js',
    ]);
    sources.delete('_astro/shared-C.js');
    expect(() => workerFiles('_astro/engine.worker-A.js', sources)).toThrow(/shared-C\.js/);
  });

  it('does not cache a worker that names a file by its address in the site (it could not follow it)', () => {
    const sources = new Map([['_astro/engine.worker-A.js', 'fetch("/_astro/data-F.bin")']]);
    expect(workerFiles('_astro/engine.worker-A.js', sources)).toBeUndefined();
  });

  it('on a hit, emits the cached files and puts back the address Vite gave the worker; a failed write only warns', () => {
    const root = project();
    const plugin = customiserWorkerCache(root) as unknown as Record<string, (...args: unknown[]) => unknown>;
    const hooks = (name: string) => plugin[name] as (this: unknown, ...args: unknown[]) => unknown;
    hooks('configResolved').call({}, { base: '/thang-hanh-dong/' });
    hooks('buildStart').call({});
    // A miss: the page script is left to Vite, and what Vite wrote is kept.
    const page = join(root, 'src/components/customiser/print-customiser.ts');
    const code = "const w = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });";
    expect(hooks('transform').call({}, code, page)).toBeNull();
    const bundle = {
      '_astro/engine.worker-A.js': { type: 'asset', source: 'import("./render-pdf-B.js")' },
      '_astro/render-pdf-B.js': { type: 'asset', source: new TextEncoder().encode('export {};') },
      '_astro/page-C.js': { type: 'chunk', code: '' },
    };
    hooks('writeBundle').call({}, {}, bundle);
    // The next build: a hit.
    hooks('buildStart').call({});
    const emitted: { fileName: string; source: Uint8Array }[] = [];
    const result = hooks('transform').call({ emitFile: (file: never) => emitted.push(file) }, code, page) as {
      code: string;
    };
    expect(result.code).toContain(
      `new URL(/* @vite-ignore */ "/thang-hanh-dong/_astro/engine.worker-A.js", '' + import.meta.url)`,
    );
    expect(emitted.map((file) => [file.fileName, Buffer.from(file.source).toString('utf8')]).sort()).toEqual([
      ['_astro/engine.worker-A.js', 'import("./render-pdf-B.js")'],
      ['_astro/render-pdf-B.js', 'export {};'],
    ]);
    // A cache folder that cannot be made: the build goes on, with a warning.
    const blocked = project();
    writeFileSync(join(blocked, '.cache'), 'a file, not a folder');
    const other = customiserWorkerCache(blocked) as unknown as Record<
      string,
      (this: unknown, ...args: unknown[]) => unknown
    >;
    other['configResolved']!.call({}, { base: '/' });
    other['buildStart']!.call({});
    const warnings: string[] = [];
    other['writeBundle']!.call({ warn: (message: string) => warnings.push(message) }, {}, bundle);
    expect(warnings).toEqual([expect.stringMatching(/^customiser worker: not kept in \.cache\/customiser-worker/)]);
  });

  it("covers every module of the worker's bundle with its key", async () => {
    // esbuild's list of every module the worker loads, packages left out (package-lock.json).
    const { modules, outside } = await modulesOutside('src/components/customiser/engine.worker.ts', WORKER_SOURCES, {
      splitting: true,
      outdir: join(tmpdir(), 'worker-cache-metafile'),
    });
    expect(modules).toContain('src/shared/print/render-pdf.ts');
    expect(outside).toEqual([]);
  });
});
