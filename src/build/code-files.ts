/**
 * NODE ONLY: the code files under a project's folders, hashed, for the build's cache keys
 * (the print files' generator hash, the print step's record, the customiser worker's cache).
 */
import type { Hash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The code files at `path` (a file, or every `.ts`, `.mjs`, `.js`, `.json` file under a folder), sorted. */
export function codeFiles(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|js|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Adds to `hash` the path (relative to `root`) and the bytes of every code file of `sources` (under `root`). */
export function hashCodeFiles(hash: Hash, root: string, sources: readonly string[]): Hash {
  for (const source of sources)
    for (const file of codeFiles(join(root, source)))
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash;
}
