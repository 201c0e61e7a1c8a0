/**
 * The cache folder of the print files: every rendered file and ZIP bundle is
 * kept under a key that hashes everything that shapes it, so an unchanged
 * rebuild renders nothing.
 *
 * NODE ONLY (node:fs, node:crypto).
 *
 * Layout (`dir`):
 *   objects/<key>.<ext>   one rendered file; <key> hashes everything that shapes it
 *   bundles/<key>.zip     one ZIP; <key> hashes its members' names and checksums
 *   index.json            <key> → bytes, SHA-256 and modification time: a cached file is reused only
 *                         if it still matches (see `has`)
 *   manifest.json         the last manifest written
 * Every file is written under a temporary name, then renamed (`writeAtomic`): a build cut off
 * midway never leaves half a file under a real name. Objects no longer referenced (and stray
 * temporary files) are deleted at the end of a run (`removeUnused`).
 */

import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** What the index knows of one cached file. */
export interface IndexEntry {
  readonly bytes: number;
  readonly sha256: string;
  /** Size of a raster, as rendered. */
  readonly pixels?: { readonly width: number; readonly height: number } | undefined;
  /** The file's modification time when its SHA-256 was last checked (absent in older indexes). */
  readonly mtimeMs?: number | undefined;
}

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** Writes `file` whole or not at all: a temporary name in the same folder, then a rename. */
export async function writeAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export class PrintCache {
  readonly objectsDir: string;
  readonly bundlesDir: string;
  readonly manifestFile: string;
  private readonly indexFile: string;
  /** The index as the last run left it. */
  private readonly previous: Readonly<Record<string, IndexEntry>>;
  /** What this run used: only this is written back. */
  private readonly next: Record<string, IndexEntry> = {};
  /** Modification time of each file `has` accepted this run. */
  private readonly checked = new Map<string, number>();

  private constructor(dir: string, previous: Record<string, IndexEntry>) {
    this.objectsDir = join(dir, 'objects');
    this.bundlesDir = join(dir, 'bundles');
    this.manifestFile = join(dir, 'manifest.json');
    this.indexFile = join(dir, 'index.json');
    this.previous = previous;
  }

  /** Opens (and creates, if need be) the cache in `dir`; a missing or unreadable index counts as empty. */
  static async open(dir: string): Promise<PrintCache> {
    await mkdir(join(dir, 'objects'), { recursive: true });
    await mkdir(join(dir, 'bundles'), { recursive: true });
    let previous: Record<string, IndexEntry>;
    try {
      previous = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8')) as Record<string, IndexEntry>;
    } catch {
      previous = {};
    }
    return new PrintCache(dir, previous);
  }

  objectFile(key: string, extension: string): string {
    return join(this.objectsDir, `${key}.${extension}`);
  }

  bundleFile(key: string): string {
    return join(this.bundlesDir, `${key}.zip`);
  }

  /**
   * The file is on disk with the size and SHA-256 the index of the last run recorded for
   * it. A file cut short or changed since does not count: it is made again.
   *
   * When its size and modification time are still those the index recorded, the file is
   * taken as checked without reading it (as git and make do): hashing every cached file
   * (about 100 MB) was most of the print step of a rebuild with nothing changed. Any write
   * to the file (a copy in `dist/` is a hard link to it) changes its modification time, and
   * it is then read and hashed again.
   */
  has(key: string, file: string): boolean {
    const known = this.previous[key];
    if (!known) return false;
    let stats;
    try {
      stats = statSync(file);
    } catch {
      return false;
    }
    if (stats.size !== known.bytes) return false;
    if (known.mtimeMs !== stats.mtimeMs && sha256(readFileSync(file)) !== known.sha256) return false;
    this.checked.set(key, stats.mtimeMs);
    return true;
  }

  /**
   * Records a finished file under its key: `data` just made and written to `file`
   * (checksummed here), or, without it, a cached file (its index entry, else its bytes
   * read again).
   */
  async remember(key: string, file: string, data?: Uint8Array, pixels?: IndexEntry['pixels']): Promise<IndexEntry> {
    const known = this.previous[key];
    let entry: IndexEntry;
    if (data !== undefined) {
      entry = {
        bytes: data.byteLength,
        sha256: sha256(data),
        ...(pixels ? { pixels } : {}),
        mtimeMs: (await stat(file)).mtimeMs,
      };
    } else if (known) {
      entry = { ...known, mtimeMs: this.checked.get(key) ?? known.mtimeMs };
    } else {
      const bytes = await readFile(file);
      entry = { bytes: bytes.byteLength, sha256: sha256(bytes), mtimeMs: (await stat(file)).mtimeMs };
    }
    this.next[key] = entry;
    return entry;
  }

  /** Writes `index.json` with the entries this run remembered, and only those. */
  async saveIndex(): Promise<void> {
    await writeAtomic(this.indexFile, JSON.stringify(this.next));
  }

  /** Forgets the objects and bundles this run did not use, so the cache does not grow without end. */
  async removeUnused(used: ReadonlySet<string>): Promise<void> {
    for (const dir of [this.objectsDir, this.bundlesDir]) {
      for (const name of await readdir(dir)) {
        const file = join(dir, name);
        if (!used.has(file)) await rm(file, { force: true });
      }
    }
  }
}
