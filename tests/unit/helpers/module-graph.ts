/**
 * The project's modules a bundle of `entry` loads (esbuild's list, packages left out), for
 * the tests that check a cache key covers every module of what it caches.
 */
import { join, relative } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { repoRoot } from './content.ts';

/** Every module of `entry` (relative to the repository), and those outside all of `sources`. */
export async function modulesOutside(entry: string, sources: readonly string[], options: BuildOptions = {}) {
  const { metafile } = await build({
    entryPoints: [join(repoRoot, entry)],
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
    ...options,
  });
  if (!metafile) throw new Error(`esbuild gave no module list for ${entry}`);
  const modules = Object.keys(metafile.inputs).map((path) => relative(repoRoot, join(repoRoot, path)));
  const outside = modules.filter((path) => !sources.some((source) => path === source || path.startsWith(`${source}/`)));
  return { modules, outside };
}
