/**
 * Node-only: places the print files into `dist/` (`print-files.ts` when the print step's
 * record answers, the print step's thread otherwise: `print-step.ts`).
 *
 * NODE ONLY: never import this from client-side code.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import pLimit from 'p-limit';
import type { SiteFile } from '../print-files/plan.ts';

export interface Placed {
  readonly count: number;
  readonly seconds: number;
}

/** File operations at once: Node runs them in its thread pool (4 threads), not in the caller's thread. */
const AT_ONCE = 16;

/**
 * Places each file at its site path under `outDir`: a hard link to the cached file where
 * the file system allows it (no bytes copied: about 80 MB of print files took most of a
 * second to copy), a copy elsewhere (another file system, or one without hard links), and
 * always a copy for files from outside the cache (the font licence in node_modules/).
 *
 * The cache never writes a file in place (`writeAtomic` renames), so a link in `dist/`
 * keeps the bytes it was given; a change made to it in `dist/` is seen by the cache
 * (`PrintCache.has`, and the print step's record) and the file is made again.
 */
export async function placeFiles(files: readonly SiteFile[], outDir: string, cacheDir: string): Promise<Placed> {
  const started = performance.now();
  const dirs = new Set(files.map((file) => dirname(join(outDir, file.path))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  let canLink = true;
  const placeOne = async (file: SiteFile): Promise<void> => {
    const target = join(outDir, file.path);
    if (canLink && file.from.startsWith(cacheDir)) {
      try {
        await link(file.from, target);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          // A build into a folder that was not emptied: the file is replaced, not written into.
          await rm(target, { force: true });
          await link(file.from, target);
          return;
        }
        // EXDEV (another file system), EPERM or ENOTSUP (no hard links): copy from now on.
        canLink = false;
      }
    }
    await rm(target, { force: true });
    await copyFile(file.from, target, constants.COPYFILE_FICLONE);
  };
  const limit = pLimit(AT_ONCE);
  await Promise.all(files.map((file) => limit(() => placeOne(file))));
  return { count: files.length, seconds: (performance.now() - started) / 1000 };
}
