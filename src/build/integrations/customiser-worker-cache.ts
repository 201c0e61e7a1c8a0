/**
 * Node-only: the customiser's worker bundle (`src/components/customiser/engine.worker.ts` and
 * the chunks it imports: the engine, pdf-lib) kept between builds, as the print files are.
 *
 * Why: Vite bundles that worker again at every build (rolldown parsing and minifying pdf-lib,
 * about 0.26 s of a clean build's 0.39 s of browser bundles on 2 cores, three times the
 * peer's whole browser bundle), though it changes only when its code or packages do.
 *
 * How, in `astro build` only:
 * - The key hashes every file that can shape the bundle: the folders its modules come from
 *   (`WORKER_SOURCES`; tests/unit/integrations/customiser-worker-cache.test.ts checks with
 *   esbuild's list of the worker's modules that they are all there), the config that sets the
 *   bundle's stubs and format, `package-lock.json`, the base path and Node's versions.
 * - Cache hit: the page script's `new URL('./engine.worker.ts', import.meta.url)` is replaced
 *   by the address Vite gave the worker the last time, and the cached files are emitted as
 *   they were (same names, same bytes), so Vite bundles no worker. The result is the same
 *   `dist/` as without the cache, byte for byte (checked by the same test).
 * - Cache miss: Vite bundles the worker as usual, and the files it wrote are kept under the
 *   key once the bundle is written (a folder written under a temporary name, then renamed;
 *   older keys removed).
 * `astro dev` never uses it.
 *
 * NODE ONLY: never import this from client-side code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { VitePlugin } from './vite-plugin.ts';
import { hashCodeFiles } from '../code-files.ts';

/** Cache folder, under the project root (ignored by git; CI starts without it). */
export const WORKER_CACHE_DIR = '.cache/customiser-worker';

/**
 * Files and folders (under the project root) whose content shapes the worker's bundle: its
 * modules' folders, the integration that sets its stubs, the config, the packages.
 */
export const WORKER_SOURCES = [
  'src/components/customiser',
  'src/shared',
  'src/i18n',
  'src/build/integrations/print-files.ts',
  'src/build/integrations/customiser-worker-cache.ts',
  'astro.config.mjs',
  'package-lock.json',
];

/** The page script that starts the worker. */
const PAGE_SCRIPT = /[\\/]src[\\/]components[\\/]customiser[\\/]print-customiser\.ts$/;
/** How it names the worker (what Vite's `vite:worker-import-meta-url` looks for). */
const WORKER_URL = /new URL\((['"])\.\/engine\.worker\.ts\1, import\.meta\.url\)/;
/** The worker's file in the bundle Vite wrote. */
const WORKER_FILE = /(^|\/)engine\.worker-[\w-]+\.js$/;
/** A file a chunk imports or names, as Vite writes it: `"./name-hash.js"`, `"./name-hash.wasm"`. */
const FILE_REF = /["'`]\.\/([\w.-]+\.\w+)["'`]/g;

/** What a cache entry holds: the worker's file name (its address under the base), then every file. */
interface Entry {
  readonly worker: string;
  readonly files: readonly string[];
}

/** SHA-256 over everything the worker's bundle depends on (see the module's comment). */
export function workerKey(root: string, base: string): string {
  const hash = createHash('sha256').update(JSON.stringify({ base, node: process.versions }));
  return hashCodeFiles(hash, root, WORKER_SOURCES).digest('hex');
}

/** The cached bundle under `key`, with each file's bytes; undefined if there is none whole. */
export function readWorkerCache(
  cacheDir: string,
  key: string,
): { entry: Entry; sources: Map<string, Buffer> } | undefined {
  const dir = join(cacheDir, key);
  try {
    const entry = JSON.parse(readFileSync(join(dir, 'entry.json'), 'utf8')) as Entry;
    if (!entry.files.includes(entry.worker)) return undefined;
    const sources = new Map(entry.files.map((file) => [file, readFileSync(join(dir, 'files', basename(file)))]));
    return { entry, sources };
  } catch {
    return undefined;
  }
}

/** Keeps `files` (file name → bytes) under `key`, whole or not at all, and forgets every other key. */
export function writeWorkerCache(
  cacheDir: string,
  key: string,
  worker: string,
  files: ReadonlyMap<string, Uint8Array>,
): void {
  mkdirSync(cacheDir, { recursive: true });
  const temporary = join(cacheDir, `${key}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(join(temporary, 'files'), { recursive: true });
    for (const [file, source] of files) writeFileSync(join(temporary, 'files', basename(file)), source);
    writeFileSync(join(temporary, 'entry.json'), JSON.stringify({ worker, files: [...files.keys()] } satisfies Entry));
    rmSync(join(cacheDir, key), { recursive: true, force: true });
    renameSync(temporary, join(cacheDir, key));
  } finally {
    rmSync(temporary, { recursive: true, force: true });
  }
  for (const name of readdirSync(cacheDir))
    if (name !== key) rmSync(join(cacheDir, name), { recursive: true, force: true });
}

/**
 * The worker's file and every file it imports or names, at any depth, among `sources` (file
 * name → contents; only JavaScript is read). Undefined when the worker names a file by any
 * other kind of address (`/_astro/…`): such a bundle is not cached, and the build goes on
 * without the cache.
 */
export function workerFiles(worker: string, sources: ReadonlyMap<string, string>): string[] | undefined {
  const dir = worker.slice(0, worker.length - basename(worker).length);
  const seen = new Set([worker]);
  const queue = [worker];
  while (queue.length > 0) {
    const code = sources.get(queue.shift()!)!;
    if (code.includes(dir.replace(/^\/?/, '/'))) return undefined;
    for (const [, name] of code.matchAll(FILE_REF)) {
      const file = `${dir}${name}`;
      if (seen.has(file)) continue;
      if (!sources.has(file))
        throw new Error(`customiser worker: ${file}, imported by the worker's bundle, is not in it`);
      seen.add(file);
      if (file.endsWith('.js')) queue.push(file);
    }
  }
  return [...seen];
}

/** The Vite plugin (browser bundle of `astro build` only); `root` is the project's. */
export function customiserWorkerCache(root: string): VitePlugin {
  const cacheDir = join(root, WORKER_CACHE_DIR);
  let base = '/';
  let key = '';
  let cached: ReturnType<typeof readWorkerCache>;
  let replaced = false;
  return {
    name: 'campaign:customiser-worker-cache',
    apply: 'build',
    enforce: 'pre',
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    configResolved(config) {
      base = config.base;
    },
    buildStart() {
      key = workerKey(root, base);
      cached = readWorkerCache(cacheDir, key);
      replaced = false;
    },
    transform(code, id) {
      if (!cached || !PAGE_SCRIPT.test(id)) return null;
      if (!WORKER_URL.test(code)) throw new Error(`customiser worker: ${id} no longer starts ./engine.worker.ts`);
      for (const [fileName, source] of cached.sources) this.emitFile({ type: 'asset', fileName, source });
      replaced = true;
      // As Vite's own worker plugin writes it, so that the page's script is the same either way.
      const url = `new URL(/* @vite-ignore */ ${JSON.stringify(`${base}${cached.entry.worker}`)}, '' + import.meta.url)`;
      return { code: code.replace(WORKER_URL, url), map: null };
    },
    // Once every plugin has added its files (Vite's worker plugin adds the worker's in its own
    // `generateBundle`, after this plugin's).
    writeBundle(_options, bundle) {
      if (replaced) return;
      const worker = Object.keys(bundle).find((file) => WORKER_FILE.test(file));
      if (!worker) return;
      const sources = new Map<string, string>();
      const bytes = new Map<string, Uint8Array>();
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'asset') continue;
        const data = typeof output.source === 'string' ? Buffer.from(output.source, 'utf8') : output.source;
        bytes.set(file, data);
        sources.set(file, file.endsWith('.js') ? Buffer.from(data).toString('utf8') : '');
      }
      const names = workerFiles(worker, sources);
      if (!names) return;
      const files = new Map(names.map((file) => [file, bytes.get(file)!]));
      try {
        writeWorkerCache(cacheDir, key, worker, files);
      } catch (error) {
        // The site is built already: a cache that could not be written (another build writing
        // it at once, a full disk) only means the next build bundles the worker again.
        this.warn(`customiser worker: not kept in ${WORKER_CACHE_DIR} (${(error as Error).message})`);
      }
    },
  };
}
