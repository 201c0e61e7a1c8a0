/**
 * Generates every print file (slogans × formats × colour schemes), the ZIP
 * bundles and `manifest.json`, into a cache folder keyed by a hash of each
 * file's inputs: an unchanged rebuild renders nothing.
 *
 * NODE ONLY (node:fs, node:crypto, sharp): called by `src/build/integrations/print-files.ts`
 * and the unit tests, never by client-side code.
 *
 * Cache layout (`cacheDir`):
 *   objects/<key>.<ext>   one rendered file; <key> hashes everything that shapes it
 *   bundles/<key>.zip     one ZIP; <key> hashes its members' names and checksums
 *   index.json            <key> → bytes and SHA-256, so cached files are not re-read
 *   manifest.json         the last manifest written
 * Objects no longer referenced are deleted at the end of a run.
 */

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import sharp from 'sharp';
import {
  FORMATS,
  SCHEMES,
  cleanText,
  isPrintFormat,
  layoutScene,
  renderPdf,
  renderSvg,
  type ColourScheme,
  type PrintFormat,
  type Scene,
} from '../../shared/print/index';
import { fontBytes, loadPrintFonts } from '../print/load-fonts';
import { rasterSize, renderRaster } from '../print/render-raster';
import {
  BUNDLES_DIR,
  MANIFEST_PATH,
  formatBundleName,
  outputPath,
  outputsFor,
  sloganBundleName,
  type ManifestBundle,
  type ManifestFile,
  type OutputSpec,
  type PrintManifest,
} from '../../shared/print-files/manifest';
import { createZip } from './zip';

export interface PrintSlogan {
  readonly id: string;
  readonly order: number;
  readonly text: string;
}

/** What goes on the files: from the content (never typed here). */
export interface PrintSource {
  readonly slogans: readonly PrintSlogan[];
  readonly heading: string;
  readonly footer: string;
  /** Issuing unit on every file; empty for the generic files any unit may print. */
  readonly unitLine?: string | undefined;
}

export interface GenerateOptions {
  /** Project root: the engine's sources under it are part of every cache key. */
  readonly root: string;
  readonly cacheDir: string;
  readonly source: PrintSource;
  /** Default: every format and scheme. */
  readonly formats?: readonly PrintFormat[] | undefined;
  readonly schemes?: readonly ColourScheme[] | undefined;
  /** Raster jobs run at once (each on one libvips thread). Default 2. */
  readonly concurrency?: number | undefined;
  readonly log?: ((message: string) => void) | undefined;
}

/** A file to place in the site: its site path and where the cache holds it. */
export interface SiteFile {
  readonly path: string;
  readonly from: string;
}

export interface GenerateResult {
  readonly manifest: PrintManifest;
  /** Every generated file and bundle, plus the manifest itself. */
  readonly siteFiles: readonly SiteFile[];
  readonly stats: {
    readonly rendered: number;
    readonly reused: number;
    readonly bundlesBuilt: number;
    readonly bundlesReused: number;
    readonly seconds: number;
  };
}

/** Folders whose source files shape the output: a change there re-renders everything. */
export const GENERATOR_SOURCES = ['src/shared/print', 'src/shared/print-files', 'src/build/print', 'src/build/print-files'];

/** Packages whose version shapes the output. */
const GENERATOR_PACKAGES = ['pdf-lib', 'fontkit', 'sharp'];

interface IndexEntry {
  readonly bytes: number;
  readonly sha256: string;
  /** Size of a raster, as rendered. */
  readonly pixels?: { readonly width: number; readonly height: number } | undefined;
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Version of the package `name` that the file `entry` belongs to (some packages do not export package.json). */
async function packageVersion(entry: string, name: string): Promise<string> {
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const data = JSON.parse(await readFile(file, 'utf8')) as { name?: string; version?: string };
    if (data.name === name && data.version) return data.version;
  }
  throw new Error(`No package.json of ${name} above ${entry}`);
}

/** Hash of everything every file depends on besides its own inputs: engine sources, library versions, fonts. */
export async function generatorHash(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of GENERATOR_SOURCES) {
    for (const file of await listFiles(join(root, dir))) {
      hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  const require = createRequire(join(root, 'package.json'));
  for (const name of GENERATOR_PACKAGES) hash.update(`${name}@${await packageVersion(require.resolve(name), name)}\0`);
  hash.update(`libvips@${sharp.versions.vips}\0`);
  const fonts = fontBytes();
  hash.update(fonts.display).update('\0').update(fonts.text);
  return hash.digest('hex');
}

/** Runs at most `limit` async jobs at once. */
function createPool(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const pending = new Set<Promise<unknown>>();
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    run<T>(job: () => Promise<T>): Promise<T> {
      const start = async (): Promise<T> => {
        if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
        running++;
        try {
          return await job();
        } finally {
          next();
        }
      };
      const promise = start();
      pending.add(promise);
      void promise.then(
        () => pending.delete(promise),
        () => pending.delete(promise),
      );
      return promise;
    },
    async drain(): Promise<void> {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}

const extension = (spec: OutputSpec): string => spec.type;

async function renderOutput(scene: Scene, spec: OutputSpec, source: PrintSource, slogan: PrintSlogan): Promise<Uint8Array> {
  switch (spec.type) {
    case 'pdf':
      return renderPdf(scene, {
        title: slogan.text,
        subject: source.heading,
        author: cleanText(source.unitLine ?? '') || undefined,
      });
    case 'svg':
      return Buffer.from(renderSvg(scene, { area: spec.area }), 'utf8');
    case 'png':
      return renderRaster(scene, { format: 'png', dpi: spec.dpi, width: spec.width, area: spec.area, palette: true });
    case 'webp':
      return renderRaster(scene, { format: 'webp', width: spec.width, area: spec.area, quality: 75 });
  }
}

/**
 * Make (or reuse from the cache) every file, then the bundles and the manifest.
 * Files are written once to the cache; `siteFiles` says where each belongs in the site.
 */
export async function generatePrintFiles(options: GenerateOptions): Promise<GenerateResult> {
  const started = performance.now();
  const { source, cacheDir } = options;
  const formats = options.formats ?? FORMATS;
  const schemes = options.schemes ?? SCHEMES;
  const log = options.log ?? (() => {});
  const objectsDir = join(cacheDir, 'objects');
  const bundlesDir = join(cacheDir, 'bundles');
  await mkdir(objectsDir, { recursive: true });
  await mkdir(bundlesDir, { recursive: true });

  const indexPath = join(cacheDir, 'index.json');
  let index: Record<string, IndexEntry> = {};
  try {
    index = JSON.parse(await readFile(indexPath, 'utf8')) as Record<string, IndexEntry>;
  } catch {
    index = {};
  }
  const nextIndex: Record<string, IndexEntry> = {};

  const generator = await generatorHash(options.root);
  const unitLine = source.unitLine ?? '';
  const fonts = loadPrintFonts();
  const previousConcurrency = sharp.concurrency();
  sharp.concurrency(1);
  const pool = createPool(options.concurrency ?? 2);

  const files: ManifestFile[] = [];
  const siteFiles: SiteFile[] = [];
  let rendered = 0;
  let reused = 0;

  /** Records a finished object (new or cached) under its key. */
  const remember = async (
    key: string,
    file: string,
    data?: Uint8Array,
    pixels?: IndexEntry['pixels'],
  ): Promise<IndexEntry> => {
    const known = index[key];
    const entry: IndexEntry =
      data !== undefined
        ? { bytes: data.byteLength, sha256: sha256(data), ...(pixels ? { pixels } : {}) }
        : known ?? (await readFile(file).then((bytes) => ({ bytes: bytes.byteLength, sha256: sha256(bytes) })));
    nextIndex[key] = entry;
    return entry;
  };

  try {
    const jobs: Promise<void>[] = [];
    for (const slogan of [...source.slogans].sort((a, b) => a.order - b.order)) {
      for (const format of formats) {
        for (const scheme of schemes) {
          const outputs = outputsFor(format).map((spec) => {
            const key = sha256(
              JSON.stringify({
                generator,
                slogan: slogan.text,
                heading: source.heading,
                footer: source.footer,
                unitLine,
                format,
                scheme,
                spec,
              }),
            );
            const file = join(objectsDir, `${key}.${extension(spec)}`);
            return { spec, key, file, cached: existsSync(file) && index[key] !== undefined };
          });
          let scene: Scene | undefined;
          const sceneFor = (): Scene =>
            (scene ??= layoutScene({
              slogan: slogan.text,
              format,
              scheme,
              heading: source.heading,
              footer: source.footer,
              unitLine,
              fonts,
            }));

          for (const output of outputs) {
            const { spec, key, file } = output;
            const path = outputPath(slogan.id, format.id, scheme.id, spec);
            siteFiles.push({ path, from: file });
            const describe = (entry: IndexEntry): ManifestFile => ({
              path,
              name: path.slice(path.lastIndexOf('/') + 1),
              sloganId: slogan.id,
              order: slogan.order,
              text: slogan.text,
              formatId: format.id,
              kind: format.kind,
              trimMm: isPrintFormat(format) ? { width: format.width, height: format.height } : null,
              bleedMm: spec.area === 'bleed' ? format.bleed : 0,
              pixels: entry.pixels ?? null,
              dpi: spec.dpi ?? null,
              scheme: scheme.id,
              type: spec.type,
              purpose: spec.purpose,
              bytes: entry.bytes,
              sha256: entry.sha256,
            });
            const slot = files.length;
            files.push(undefined as unknown as ManifestFile);

            if (output.cached) {
              reused++;
              files[slot] = describe(await remember(key, file));
              continue;
            }
            const current = sceneFor();
            const make = async (): Promise<void> => {
              const data = await renderOutput(current, spec, source, slogan);
              await writeFile(file, data);
              const raster = spec.type === 'png' || spec.type === 'webp';
              const pixels = raster ? rasterSize(current, { dpi: spec.dpi, width: spec.width, area: spec.area }) : undefined;
              files[slot] = describe(await remember(key, file, data, pixels));
              rendered++;
            };
            // Rasters go to libvips threads (a few at once); vector files are made here, in turn.
            if (spec.type === 'png' || spec.type === 'webp') jobs.push(pool.run(make));
            else await make();
          }
        }
      }
      log(`${slogan.order}/${source.slogans.length} ${slogan.id}`);
    }
    await Promise.all(jobs);
    await pool.drain();
  } finally {
    sharp.concurrency(previousConcurrency);
  }

  // Bundles: every print file of one slogan, every slogan in one format.
  const printFiles = files.filter((file) => file.purpose === 'print');
  const fromOf = new Map(siteFiles.map((entry) => [entry.path, entry.from]));
  const groups: { scope: 'slogan' | 'format'; id: string; name: string; members: ManifestFile[] }[] = [];
  for (const slogan of [...source.slogans].sort((a, b) => a.order - b.order)) {
    groups.push({ scope: 'slogan', id: slogan.id, name: sloganBundleName(slogan.id), members: printFiles.filter((f) => f.sloganId === slogan.id) });
  }
  for (const format of formats) {
    groups.push({ scope: 'format', id: format.id, name: formatBundleName(format.id), members: printFiles.filter((f) => f.formatId === format.id) });
  }
  const bundles: ManifestBundle[] = [];
  let bundlesBuilt = 0;
  let bundlesReused = 0;
  for (const group of groups) {
    if (!group.members.length) continue;
    const key = sha256(JSON.stringify({ zip: 1, members: group.members.map((m) => [m.name, m.sha256]) }));
    const file = join(bundlesDir, `${key}.zip`);
    let entry: IndexEntry;
    if (existsSync(file) && index[key]) {
      entry = await remember(key, file);
      bundlesReused++;
    } else {
      const entries = await Promise.all(
        group.members.map(async (member) => ({
          name: member.name,
          data: await readFile(fromOf.get(member.path)!),
          method: member.type === 'svg' ? ('deflate' as const) : ('store' as const),
        })),
      );
      const zip = createZip(entries);
      await writeFile(file, zip);
      entry = await remember(key, file, zip);
      bundlesBuilt++;
    }
    const path = `${BUNDLES_DIR}${group.name}`;
    siteFiles.push({ path, from: file });
    bundles.push({
      path,
      name: group.name,
      type: 'zip',
      scope: group.scope,
      sloganId: group.scope === 'slogan' ? group.id : null,
      formatId: group.scope === 'format' ? group.id : null,
      files: group.members.map((m) => m.name),
      bytes: entry.bytes,
      sha256: entry.sha256,
    });
  }

  const manifest: PrintManifest = {
    version: 1,
    generator: generator.slice(0, 16),
    heading: source.heading,
    footer: source.footer,
    unitLine,
    files,
    bundles,
  };
  const manifestFile = join(cacheDir, 'manifest.json');
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 1)}\n`);
  await writeFile(indexPath, JSON.stringify(nextIndex));
  siteFiles.push({ path: MANIFEST_PATH, from: manifestFile });

  // Forget what this run did not use, so the cache does not grow without end.
  const used = new Set(siteFiles.map((entry) => entry.from));
  for (const dir of [objectsDir, bundlesDir]) {
    for (const name of await readdir(dir)) {
      const file = join(dir, name);
      if (!used.has(file)) await rm(file, { force: true });
    }
  }

  return {
    manifest,
    siteFiles,
    stats: { rendered, reused, bundlesBuilt, bundlesReused, seconds: (performance.now() - started) / 1000 },
  };
}
